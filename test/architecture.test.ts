import fs from 'node:fs';
import path from 'node:path';

/**
 * The import graph of the package's own code (nodes/, credentials/, sandbox/, scripts/), read from
 * the source: each file's `import … from`, `export … from`, `import(…)` and `require(…)`
 * specifiers. Fails on an import cycle, on the sandbox reaching into the node (it models Telnyx,
 * not the node), on the sending core reaching back into the routing built on it, and on node or
 * credential code importing a package other than n8n-workflow (n8n loads community nodes with
 * nothing else). Type-only imports (`import type`, or every name marked `type`) count for all but
 * the cycles: the compiler erases them, so they set no load order and leave no module half
 * loaded, and a store whose calls name its conferences' type may say so.
 */
const ROOT = path.resolve(__dirname, '..');
const AREAS = ['nodes', 'credentials', 'sandbox', 'scripts'];
const SOURCE = /\.(ts|js|mjs|cjs)$/;
/** `import … from '…'` and `export … from '…'`, a statement that begins its line: its names, its specifier. */
const STATEMENT = /^\s*(?:import|export)\b([^;'"]*?)\bfrom\s*(['"])([^'"\n]+)\2/gm;
/** `import '…'`, `import('…')`, `require('…')`. */
const LOADS = [
	/^\s*import\s*(['"])([^'"\n]+)\1/gm,
	/\b(?:import|require)\s*\(\s*(['"])([^'"\n]+)\1/g,
];

interface Specifier {
	spec: string;
	/** Erased by the compiler: `import type { A }`, `export type { A }`, `import { type A }`. */
	typeOnly: boolean;
}

function typeOnly(names: string): boolean {
	if (/^\s*type\b/.test(names)) return true;
	const braces = /^\s*\{([^}]*)\}\s*$/.exec(names);
	const items =
		braces?.[1]
			.split(',')
			.map((n) => n.trim())
			.filter(Boolean) ?? [];
	return items.length > 0 && items.every((n) => n.startsWith('type '));
}

function filesUnder(dir: string): string[] {
	return fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
		const rel = `${dir}/${entry.name}`;
		if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : filesUnder(rel);
		return SOURCE.test(entry.name) && !entry.name.endsWith('.d.ts') ? [rel] : [];
	});
}

/** The specifiers a file imports, comments left out. */
function specifiers(file: string): Specifier[] {
	const text = fs
		.readFileSync(path.join(ROOT, file), 'utf8')
		.replace(/\/\*[\s\S]*?\*\//g, '')
		.replace(/^\s*\/\/.*$/gm, '');
	return [
		...[...text.matchAll(STATEMENT)].map((m) => ({ spec: m[3], typeOnly: typeOnly(m[1]) })),
		...LOADS.flatMap((p) => [...text.matchAll(p)].map((m) => ({ spec: m[2], typeOnly: false }))),
	];
}

/** The file a relative specifier names (`./x` → x.ts, x/index.ts, …); undefined: none found. */
function resolve(from: string, specifier: string): string | undefined {
	const base = path.posix.normalize(path.posix.join(path.posix.dirname(from), specifier));
	const stem = base.replace(/\.js$/, '');
	const candidates = [base, ...['.ts', '.js', '.mjs', '.cjs'].map((ext) => stem + ext)];
	candidates.push(...['ts', 'js'].map((ext) => `${base}/index.${ext}`));
	return candidates.find(
		(c) => fs.existsSync(path.join(ROOT, c)) && fs.statSync(path.join(ROOT, c)).isFile(),
	);
}

interface Graph {
	/** Every local import, type-only ones included. */
	edges: Map<string, string[]>;
	/** The local imports that load the module at run time. */
	runtime: Map<string, string[]>;
	packages: Map<string, string[]>;
}

function importGraph(): Graph {
	const edges = new Map<string, string[]>();
	const runtime = new Map<string, string[]>();
	const packages = new Map<string, string[]>();
	for (const file of AREAS.flatMap(filesUnder)) {
		const local: string[] = [];
		const loaded: string[] = [];
		const bare: string[] = [];
		for (const { spec, typeOnly } of specifiers(file)) {
			if (!spec.startsWith('.')) {
				bare.push(spec);
				continue;
			}
			const target = resolve(file, spec);
			if (!target) continue;
			local.push(target);
			if (!typeOnly) loaded.push(target);
		}
		edges.set(file, [...new Set(local)]);
		runtime.set(file, [...new Set(loaded)]);
		packages.set(file, [...new Set(bare)]);
	}
	return { edges, runtime, packages };
}

/** Strongly connected components of more than one file (Tarjan), or a file importing itself. */
function cycles(edges: Map<string, string[]>): string[][] {
	let index = 0;
	const order = new Map<string, number>();
	const low = new Map<string, number>();
	const stack: string[] = [];
	const onStack = new Set<string>();
	const found: string[][] = [];
	const visit = (file: string) => {
		order.set(file, index);
		low.set(file, index++);
		stack.push(file);
		onStack.add(file);
		for (const next of edges.get(file) ?? []) {
			if (!edges.has(next)) continue; // outside the areas walked (test/support, …)
			if (!order.has(next)) {
				visit(next);
				low.set(file, Math.min(low.get(file)!, low.get(next)!));
			} else if (onStack.has(next)) low.set(file, Math.min(low.get(file)!, order.get(next)!));
		}
		if (low.get(file) !== order.get(file)) return;
		const component: string[] = [];
		let member: string;
		do {
			member = stack.pop()!;
			onStack.delete(member);
			component.push(member);
		} while (member !== file);
		if (component.length > 1 || (edges.get(file) ?? []).includes(file))
			found.push(component.sort());
	};
	for (const file of edges.keys()) if (!order.has(file)) visit(file);
	return found;
}

/** `file → target` for each import of a file matching `from` that resolves to one matching `to`. */
function importsBetween(graph: Graph, from: RegExp, to: RegExp): string[] {
	return [...graph.edges].flatMap(([file, targets]) =>
		from.test(file) ? targets.filter((t) => to.test(t)).map((t) => `${file} → ${t}`) : [],
	);
}

const graph = importGraph();

test('the graph is read: every area has files, and the sending core’s imports are seen', () => {
	for (const area of AREAS)
		expect([...graph.edges.keys()].some((f) => f.startsWith(`${area}/`))).toBe(true);
	expect(graph.edges.get('nodes/TelnyxTexml/transport/limiter.ts')).toContain(
		'nodes/TelnyxTexml/transport/sharedKey.ts',
	);
	expect(graph.packages.get('nodes/TelnyxTexml/transport/limiter.ts')).toContain('node:crypto');
	// `import type { … }` is read, and kept out of the run-time graph only.
	expect(graph.edges.get('sandbox/calls.ts')).toContain('sandbox/store.ts');
	expect(graph.runtime.get('sandbox/calls.ts')).not.toContain('sandbox/store.ts');
});

test('the reader finds cycles, and tells type-only imports from those that load a module', () => {
	const graph = new Map([
		['a', ['b']],
		['b', ['a', 'c']],
		['c', ['d']],
		['d', ['e']],
		['e', ['c']],
		['f', ['f']],
		['g', ['a']],
	]);
	expect(cycles(graph)).toEqual([['c', 'd', 'e'], ['a', 'b'], ['f']]);
	expect(
		['type { A }', '{ type A, type B }', '{ type A, b }', 'x, { type A }', '* as x'].map(typeOnly),
	).toEqual([true, true, false, false, false]);
});

test('no import cycles', () => {
	expect(cycles(graph.runtime).map((c) => c.join(' ↔ '))).toEqual([]);
});

test('the sandbox models Telnyx: it imports nothing from the node or the credential', () => {
	expect(importsBetween(graph, /^sandbox\//, /^(nodes|credentials)\//)).toEqual([]);
});

test('the sending core (transport/) does not reach back into the routing built on it', () => {
	expect(
		importsBetween(graph, /^nodes\/TelnyxTexml\/transport\//, /^nodes\/TelnyxTexml\/routing\//),
	).toEqual([]);
});

test('node and credential code imports only n8n-workflow and node: built-ins', () => {
	const others = [...graph.packages]
		.filter(([file]) => /^(nodes|credentials)\//.test(file))
		.flatMap(([file, specs]) =>
			specs
				.filter((s) => s !== 'n8n-workflow' && !s.startsWith('node:'))
				.map((s) => `${file}: ${s}`),
		);
	expect(others).toEqual([]);
});
