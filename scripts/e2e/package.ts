/** This package as a user gets it: built, packed, and installed the way n8n installs community packages. */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

import { ROOT, run } from './runtime';

export const PACKAGE_NAME = 'n8n-nodes-telnyx-texml';

/** Builds `dist/` and runs `npm pack`; returns the tarball path. */
export async function buildAndPack(outDir: string): Promise<string> {
	await run('npm', ['run', 'build'], { cwd: ROOT, quiet: true });
	mkdirSync(outDir, { recursive: true });
	const out = await run('npm', ['pack', '--json', '--pack-destination', outDir], {
		cwd: ROOT,
		quiet: true,
	});
	const [{ filename }] = JSON.parse(out.slice(out.indexOf('['))) as Array<{ filename: string }>;
	return path.join(outDir, filename);
}

/**
 * Installs the tarball into `<userFolder>/.n8n/nodes`, as n8n's community-package installer does
 * (`--omit=peer` keeps npm from bringing its own n8n-workflow; n8n provides it at run time).
 */
export async function installIntoUserFolder(userFolder: string, tarball: string): Promise<string> {
	const nodesDir = path.join(userFolder, '.n8n', 'nodes');
	rmSync(path.join(nodesDir, 'node_modules', PACKAGE_NAME), { recursive: true, force: true });
	mkdirSync(nodesDir, { recursive: true });
	writeFileSync(
		path.join(nodesDir, 'package.json'),
		'{ "name": "installed-nodes", "private": true }\n',
	);
	await run(
		'npm',
		[
			'install',
			tarball,
			'--omit=peer',
			'--omit=dev',
			'--no-audit',
			'--no-fund',
			'--no-package-lock',
		],
		{ cwd: nodesDir, quiet: true },
	);
	return path.join(nodesDir, 'node_modules', PACKAGE_NAME);
}

export function packageVersion(): string {
	return (JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string })
		.version;
}
