/**
 * P4, the package's weight: the packed tarball and the time a fresh process takes to `require()`
 * each file n8n loads (n8n-workflow already loaded, as in n8n). `npm run bench -- --package` builds
 * the alternatives side by side into `.cache/bench-package/` and measures them in alternating
 * rounds, so that a busy machine weighs on all of them alike; the full bench measures `dist/` only.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, rmSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import path from 'node:path';

import { median } from './stats';

const ROOT = path.resolve(__dirname, '..', '..');
/** Fresh processes per file and alternative. */
export const RUNS = 15;

interface Build {
	bundle(
		outDir: string,
		options?: { shared?: boolean; keepNames?: boolean; plainExports?: boolean },
	): Promise<void>;
	entries(): Array<{ out: string }>;
}
// Plain JavaScript: `npm run build` runs it before any TypeScript tool is built.
const build = require(path.join(ROOT, 'scripts', 'build.js')) as Build;

/** The files n8n loads, relative to dist/, and a short name for each. */
function loadedFiles() {
	return build.entries().map(({ out }) => ({
		out,
		name: path.basename(out).replace(/\.(node|credentials)\.js$/, ''),
	}));
}

/** Milliseconds a fresh process takes to require these files of `dist`, n8n-workflow preloaded. */
function requireOnce(dist: string, files: string[], before = ''): number {
	const script = `require('n8n-workflow'); ${before}
		const t = process.hrtime.bigint();
		for (const f of ${JSON.stringify(files.map((f) => path.join(dist, f)))}) require(f);
		process.stdout.write(String(Number(process.hrtime.bigint() - t) / 1e6));`;
	const run = spawnSync(process.execPath, ['-e', script], { cwd: ROOT, encoding: 'utf8' });
	const ms = Number(run.stdout);
	if (run.status !== 0 || !Number.isFinite(ms) || run.stdout === '')
		throw new Error(`require() of ${dist} failed: ${run.stderr}`);
	return ms;
}

/** `npm pack --dry-run` of a folder laid out like the package (package.json, README, dist/…). */
function packed(dir: string) {
	const [pack] = JSON.parse(
		execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts', '--loglevel=error'], {
			cwd: dir,
			encoding: 'utf8',
		}),
	);
	return {
		packed: pack.size as number,
		unpacked: pack.unpackedSize as number,
		files: pack.files.length as number,
	};
}

export interface PackageFigures {
	packed: number;
	unpacked: number;
	files: number;
	/** Median milliseconds per loaded file (by short name), and `all` for every file in one process. */
	requireMs: Record<string, number>;
}

/** Measures package folders side by side: RUNS rounds, each requiring every file of every folder once. */
export function measurePackages(dirs: string[], runs = RUNS): PackageFigures[] {
	const files = loadedFiles();
	const times = dirs.map(() => new Map<string, number[]>());
	for (let round = 0; round < runs; round++)
		dirs.forEach((dir, i) => {
			const dist = path.join(dir, 'dist');
			for (const { out, name } of [...files, { out: '', name: 'all' }]) {
				const ms = requireOnce(dist, out ? [out] : files.map((f) => f.out));
				times[i].set(name, [...(times[i].get(name) ?? []), ms]);
			}
		});
	return dirs.map((dir, i) => ({
		...packed(dir),
		requireMs: Object.fromEntries([...times[i]].map(([name, ms]) => [name, median(ms)])),
	}));
}

/** The codex files and icons, as `npm run build` copies them (gulpfile.js). */
function copyAssets(dist: string) {
	for (const folder of ['nodes', 'credentials'])
		cpSync(path.join(ROOT, folder), path.join(dist, folder), {
			recursive: true,
			filter: (src) => !src.endsWith('.ts'),
		});
}

const tsc = (dist: string, ...flags: string[]) => {
	execFileSync(
		process.execPath,
		[
			require.resolve('typescript/bin/tsc'),
			'-p',
			'tsconfig.build.json',
			'--outDir',
			dist,
			...flags,
		],
		{ cwd: ROOT, stdio: 'inherit' },
	);
};

/** The ways of building the code compared, the last one being `npm run build`'s. */
const ALTERNATIVES: Array<{
	label: string;
	dir: string;
	make(dist: string): Promise<void> | void;
}> = [
	{ label: 'tsc, one file per module (the build before)', dir: 'tsc', make: (d) => tsc(d) },
	{
		label: 'tsc, removeComments',
		dir: 'tsc-no-comments',
		make: (d) => tsc(d, '--removeComments'),
	},
	{
		label: 'esbuild, each file whole (shared code twice, a limiter per file)',
		dir: 'esbuild-whole',
		make: (d) => build.bundle(d, { shared: false }),
	},
	{
		label: 'esbuild, each file + shared.js, exports as getters, names kept (the build before)',
		dir: 'esbuild-shared-getters',
		make: (d) => build.bundle(d, { keepNames: true, plainExports: false }),
	},
	{
		label: 'esbuild, each file + shared.js, plain exports, names kept',
		dir: 'esbuild-shared-plain-names',
		make: (d) => build.bundle(d, { keepNames: true, plainExports: true }),
	},
	{
		label: 'esbuild, each file + shared.js, plain exports, names not kept',
		dir: 'esbuild-shared-plain',
		make: (d) => build.bundle(d, { keepNames: false, plainExports: true }),
	},
	{
		label: 'esbuild, each file + shared.js (npm run build)',
		dir: 'esbuild-shared',
		make: (d) => build.bundle(d),
	},
];

/** `npm run bench -- --package`: the alternatives side by side, as one table. */
export async function packageTable(log: (line: string) => void): Promise<string> {
	const base = path.join(ROOT, '.cache', 'bench-package');
	const dirs: string[] = [];
	for (const { label, dir, make } of ALTERNATIVES) {
		log(`building: ${label}`);
		const folder = path.join(base, dir);
		rmSync(folder, { recursive: true, force: true });
		mkdirSync(folder, { recursive: true });
		for (const file of ['package.json', 'README.md', 'LICENSE'])
			cpSync(path.join(ROOT, file), path.join(folder, file));
		await make(path.join(folder, 'dist'));
		copyAssets(path.join(folder, 'dist'));
		dirs.push(folder);
	}
	log(`measuring: ${RUNS} rounds of fresh processes`);
	const figures = measurePackages(dirs);
	const names = [...loadedFiles().map((f) => f.name), 'all'];
	const kB = (bytes: number) => `${(bytes / 1024).toFixed(1)} kB`;
	const rows = [
		[
			'Build',
			...names.map((n) => `require() ${n === 'all' ? 'all five' : n}`),
			'Packed',
			'Unpacked',
			'Files',
		],
		names.map(() => '---').concat(['---', '---', '---', '---']),
		...ALTERNATIVES.map(({ label }, i) => [
			label,
			...names.map((n) => `${figures[i].requireMs[n].toFixed(1)} ms`),
			kB(figures[i].packed),
			kB(figures[i].unpacked),
			String(figures[i].files),
		]),
	];
	// Where the time goes: the node's first string comparison loads ICU's collation data.
	const texml = path.join(dirs[dirs.length - 1], 'dist', loadedFiles()[0].out);
	const plain: number[] = [];
	const collatorUsed: number[] = [];
	for (let round = 0; round < RUNS; round++) {
		plain.push(requireOnce('', [texml]));
		collatorUsed.push(requireOnce('', [texml], "'a'.localeCompare('b');"));
	}
	const goal = figures[figures.length - 1];
	const met = goal.requireMs.TelnyxTexml <= 15 && goal.packed <= 100 * 1024;
	return [
		...rows.map((r) => `| ${r.join(' | ')} |`),
		'',
		`require(): median of ${RUNS} fresh processes each, n8n-workflow preloaded, alternating rounds.`,
		`Goals (TeXML node ≤ 15 ms, tarball ≤ 100 kB) with npm run build: ${met ? 'met' : 'NOT met'}.`,
		`TeXML node with npm run build, ${RUNS} more alternating pairs: ${median(plain).toFixed(1)} ms; ` +
			`${median(collatorUsed).toFixed(1)} ms in a process that has compared strings before ` +
			`(its first localeCompare loads ICU's collation data).`,
		`Node ${process.version}, ${cpus().length} CPUs, load average ${loadavg()[0].toFixed(1)}.`,
	].join('\n');
}
