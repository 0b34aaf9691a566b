// Builds the package's code: each node and the credential listed in package.json's `n8n` section
// becomes one CommonJS file at its listed path, bundled by esbuild from the TypeScript sources. A
// fresh process then reads and compiles five files instead of about a hundred modules, with no
// comments (see docs/development.md#benchmark for the figures).
//
// The code that several of them import (the sending core, its limiter, shared fields…) is bundled
// once into `shared.js` beside them and required from there, so that every source module is still
// evaluated once per process, as with one file per module: the TeXML node and the Answer Trigger
// keep one limiter per API key. Not minified (n8n's verification reads the code), function names
// kept, `n8n-workflow` and Node's built-ins left to `require`. `npm run build` type-checks first;
// the codex files and icons are copied by gulpfile.js.
//
//   node scripts/build.js [--out <folder>]   default: dist
const { relative, dirname, join, resolve } = require('node:path');

const esbuild = require('esbuild');

const ROOT = join(__dirname, '..');
/**
 * esbuild's keepNames: functions keep their source names in stack traces, for one
 * `Object.defineProperty` each at load, a cost within P4's noise (docs/development.md#p4-the-build).
 */
const KEEP_NAMES = true;
const SHARED = 'shared.js';

/** The sources of the files n8n loads: `dist/nodes/X/X.node.js` is built from `nodes/X/X.node.ts`. */
function entries() {
	const { n8n } = require(join(ROOT, 'package.json'));
	return [...n8n.nodes, ...n8n.credentials].map((built) => {
		const out = relative('dist', built);
		return { source: join(ROOT, out.replace(/\.js$/, '.ts')), out };
	});
}

const common = {
	absWorkingDir: ROOT,
	bundle: true,
	platform: 'node',
	format: 'cjs',
	target: 'es2022', // tsconfig.json's
	tsconfig: join(ROOT, 'tsconfig.build.json'),
	external: ['n8n-workflow'],
	keepNames: KEEP_NAMES,
	legalComments: 'none',
	logLevel: 'warning',
};

/**
 * The source modules (relative to the root) that more than one entry imports, directly or not.
 * Read from the import graph: an output's list of inputs leaves out modules whose code it dropped.
 */
async function sharedModules(list) {
	const { metafile } = await esbuild.build({
		...common,
		entryPoints: list.map((e) => e.source),
		outdir: join(ROOT, '.unused'),
		write: false,
		metafile: true,
	});
	const owners = new Map();
	for (const { source } of list) {
		const seen = new Set();
		const visit = (input) => {
			if (seen.has(input) || !metafile.inputs[input]) return;
			seen.add(input);
			owners.set(input, (owners.get(input) ?? 0) + 1);
			for (const imported of metafile.inputs[input].imports)
				if (!imported.external) visit(imported.path);
		};
		visit(relative(ROOT, source));
	}
	return [...owners].filter(([, count]) => count > 1).map(([input]) => input);
}

/** The names the module that `options` build exports. */
async function exportsOf(options) {
	const { metafile } = await esbuild.build({
		...options,
		format: 'esm',
		outdir: join(ROOT, '.unused'),
		write: false,
		metafile: true,
	});
	return Object.values(metafile.outputs)[0].exports;
}

/**
 * `shared.js`: the shared modules' exports side by side, so that an entry's `import { x } from
 * './core'` reads `require('../../shared.js').x` (no copy of the module's exports per entry). Two
 * modules exporting different things under one name would hide both: the build refuses that.
 */
async function buildShared(shared, outfile, names, plain) {
	const options = {
		...common,
		keepNames: names,
		stdin: {
			contents: shared.map((file) => `export * from './${file}';`).join('\n'),
			resolveDir: ROOT,
			sourcefile: SHARED,
			loader: 'ts',
		},
	};
	// esbuild lists the exports of ES module output only: the check reads them from one.
	const exported = new Set(await exportsOf({ ...options, outfile: undefined }));
	for (const file of shared)
		for (const name of await exportsOf({ ...common, entryPoints: [join(ROOT, file)] }))
			if (!exported.has(name))
				throw new Error(`${file}: another shared module also exports "${name}"; rename one`);
	await esbuild.build({ ...options, outfile, ...(plain ? { footer: { js: PLAIN_EXPORTS } } : {}) });
}

/**
 * esbuild's CommonJS exports are getters (two calls per read, and an entry reads them thousands
 * of times while it builds its description at load): replaced by plain values once shared.js has
 * run. No shared module exports a binding that changes later (`export let`), so nothing is lost.
 */
const PLAIN_EXPORTS =
	"module.exports = Object.defineProperty({ ...module.exports }, '__esModule', { value: true });";

/** Leaves the imports of shared modules to `require(sharedPath)` instead of bundling them again. */
function useShared(shared, sharedPath) {
	const paths = new Set(shared.map((file) => join(ROOT, file)));
	return {
		name: 'use-shared',
		setup(build) {
			build.onResolve({ filter: /^\./ }, async (args) => {
				if (args.pluginData === 'resolving') return undefined;
				const found = await build.resolve(args.path, {
					kind: args.kind,
					importer: args.importer,
					resolveDir: args.resolveDir,
					pluginData: 'resolving',
				});
				return paths.has(found.path) ? { path: sharedPath, external: true } : undefined;
			});
		},
	};
}

/**
 * Builds the entries and `shared.js` into `outDir`. `{ shared: false }` (the benchmark's comparison
 * only) bundles every entry whole: shared code twice, and one limiter per node file.
 */
async function bundle(
	outDir,
	{ shared: share = true, keepNames = KEEP_NAMES, plainExports = true } = {},
) {
	const out = resolve(ROOT, outDir);
	const list = entries();
	const shared = share ? await sharedModules(list) : [];
	if (shared.length > 0) await buildShared(shared, join(out, SHARED), keepNames, plainExports);
	for (const entry of list) {
		const outfile = join(out, entry.out);
		let sharedPath = relative(dirname(outfile), join(out, SHARED));
		if (!sharedPath.startsWith('.')) sharedPath = `./${sharedPath}`;
		await esbuild.build({
			...common,
			keepNames,
			entryPoints: [entry.source],
			outfile,
			plugins: shared.length > 0 ? [useShared(shared, sharedPath)] : [],
		});
	}
}

module.exports = { bundle, entries };

if (require.main === module) {
	const at = process.argv.indexOf('--out');
	bundle(at > 0 ? process.argv[at + 1] : 'dist').catch((error) => {
		process.stderr.write(`${error.stack ?? error}\n`);
		process.exitCode = 1;
	});
}
