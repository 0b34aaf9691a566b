// n8n's verification scan, run locally: the analysis of @n8n/scan-community-package (its own ESLint
// config and plugin versions, inline eslint-disable comments ignored) on the source and on the packed
// tarball. The published scanner fetches both from npm and GitHub by name; this runs the same
// `analyzePackage` on this folder and on the output of `npm pack`, without network.
//
//   node scripts/scan.mjs            source + tarball (needs `npm run build` first)
//   node scripts/scan.mjs --source   source only
//   node scripts/scan.mjs --source --dir <folder>   source only, of another folder
import { spawnSync } from 'node:child_process';
import {
	copyFileSync,
	existsSync,
	mkdirSync,
	mkdtempSync,
	readdirSync,
	rmSync,
	writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const args = process.argv.slice(2);
const sourceOnly = args.includes('--source');
const dirAt = args.indexOf('--dir');
const root =
	dirAt >= 0 ? resolve(args[dirAt + 1]) : join(dirname(fileURLToPath(import.meta.url)), '..');

// The scanner makes a temporary folder when it is loaded: point it into ours so nothing is left behind.
const scratch = mkdtempSync(join(tmpdir(), 'n8n-scan-'));
process.env.TMPDIR = scratch;

try {
	const { analyzePackage, SOURCE_FILE_PATTERNS } =
		await import('@n8n/scan-community-package/scanner/scanner.mjs');
	const legs = [
		['eslint-disable ignored', () => canary(analyzePackage, SOURCE_FILE_PATTERNS)],
		['source', () => analyzePackage(root, SOURCE_FILE_PATTERNS)],
	];
	// The scanner lints the tarball's compiled code and package.json, as npm would serve them.
	if (!sourceOnly)
		legs.push([
			'tarball',
			() => analyzePackage(unpack(root, scratch), ['**/*.js', 'package.json']),
		]);

	let failed = false;
	for (const [name, analyze] of legs) {
		const result = await analyze();
		if (result.passed) {
			process.stdout.write(`scan ${name}: passed\n`);
		} else {
			failed = true;
			process.stdout.write(`scan ${name}: FAILED, ${result.message}\n${result.details ?? ''}\n`);
		}
	}
	process.exitCode = failed ? 1 : 0;
} catch (error) {
	process.stderr.write(`scan: ${error.message}\n`);
	process.exitCode = 1;
} finally {
	rmSync(scratch, { recursive: true, force: true });
}

/**
 * Proof that the analysis is live and ignores inline configuration, as n8n's does: a console.log
 * under an eslint-disable comment must be reported. Passes only when the scan fails that code.
 */
async function canary(analyzePackage, patterns) {
	const dir = join(scratch, 'canary');
	mkdirSync(join(dir, 'nodes', 'Canary'), { recursive: true });
	copyFileSync(join(root, 'package.json'), join(dir, 'package.json'));
	writeFileSync(
		join(dir, 'nodes', 'Canary', 'canary.ts'),
		'// eslint-disable-next-line no-console\nconsole.log(1);\n',
	);
	const result = await analyzePackage(dir, patterns);
	const caught =
		!result.passed &&
		/canary\.ts\s+2:1\s+error\s+Unexpected console statement\s+no-console/.test(
			result.details ?? '',
		);
	return caught
		? { passed: true }
		: {
				passed: false,
				message: 'an eslint-disabled console.log went unreported',
				details: result.details,
			};
}

/** `npm pack` into the scratch folder and unpack it the way the scanner does; returns the folder. */
function unpack(packageRoot, into) {
	if (!existsSync(join(packageRoot, 'dist')))
		throw new Error('no dist/ to pack: run `npm run build` first');
	run('npm', ['pack', '--silent', '--pack-destination', into], packageRoot);
	const tarball = readdirSync(into).find((file) => file.endsWith('.tgz'));
	if (!tarball) throw new Error('npm pack made no tarball');
	const packageDir = join(into, 'package');
	mkdirSync(packageDir);
	run('tar', ['-xzf', join(into, tarball), '-C', packageDir, '--strip-components=1'], into);
	return packageDir;
}

function run(command, commandArgs, cwd) {
	const result = spawnSync(command, commandArgs, { cwd, stdio: 'pipe' });
	if (result.status !== 0) throw new Error(`${command} ${commandArgs.join(' ')}: ${result.stderr}`);
}
