/**
 * `npm run dev [-- --n8n <version>] [--port 5678]`: the TeXML sandbox and the n8n editor on
 * 127.0.0.1, with this package built from the working tree and installed as a community package,
 * the sandbox credential and the example workflows imported. Ctrl+C stops both; the user folder
 * in `.cache/dev-user-<version>/` is kept between runs (delete it for a fresh start).
 */
import { existsSync } from 'node:fs';
import path from 'node:path';

import { cli, createHome, startServer, writeJson } from './n8n';
import { buildAndPack, installIntoUserFolder } from './package';
import { EditorSession, OWNER } from './rest';
import { CACHE, DEFAULT_N8N, ensureN8n, log, ROOT } from './runtime';
import { DEMO } from '../../sandbox/demo-data';
import { loadWorkflows } from './workflows';
import { credentialFixture, startWorld, WORLD } from './world';

function option(name: string): string | undefined {
	const argv = process.argv.slice(2);
	const i = argv.indexOf(`--${name}`);
	return i >= 0 ? argv[i + 1] : argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1];
}

async function main() {
	const runtime = await ensureN8n(option('n8n') ?? DEFAULT_N8N);
	const userFolder = path.join(CACHE, `dev-user-${runtime.n8nVersion}`);
	// Workflows are imported into a new user folder only, so edits made in the editor survive restarts.
	const fresh = !existsSync(path.join(userFolder, '.n8n', 'database.sqlite'));
	const sandbox = await startWorld(Number(option('sandbox-port') ?? 0));
	const home = await createHome(runtime, userFolder, Number(option('port') ?? 5678));
	log(`building and installing the package into ${path.relative(ROOT, userFolder)}/.n8n/nodes`);
	await installIntoUserFolder(userFolder, await buildAndPack(path.join(CACHE, 'dev-pack')));

	// The sandbox gets a new port each start, so the credential is re-imported with its base URL.
	writeJson(path.join(userFolder, 'credentials.json'), credentialFixture(sandbox));
	await cli(home, ['import:credentials', `--input=${path.join(userFolder, 'credentials.json')}`]);
	const workflows = loadWorkflows();
	if (fresh) {
		writeJson(
			path.join(userFolder, 'workflows.json'),
			workflows.map((w) => w.workflow),
		);
		await cli(home, ['import:workflow', `--input=${path.join(userFolder, 'workflows.json')}`]);
	}

	const server = await startServer(home);
	await new EditorSession(server.url).signIn();
	process.stdout.write(
		[
			'',
			`n8n ${runtime.n8nVersion} editor: ${server.url}`,
			`  sign in as ${OWNER.email} / ${OWNER.password}`,
			`  credential "${WORLD.credentialName}" points at the TeXML sandbox ${sandbox.baseUrl}`,
			`  workflows: ${workflows.map((w) => w.workflow.name).join('; ')}`,
			'',
			`Sandbox account SID ${WORLD.accountSid}, API key ${WORLD.apiKey}`,
			`  conference ${DEMO.conference.sid} (${DEMO.conference.friendlyName}): ${DEMO.participants.map((p) => p.label).join(', ')}`,
			`  conference ${WORLD.conferenceSid} (weekly-sync): ${WORLD.alice.label}, ${WORLD.bob.label}`,
			`  Public Key for the trigger: ${sandbox.publicKey}`,
			'',
			'After changing the code, stop with Ctrl+C and run `npm run dev` again.',
			'',
		].join('\n'),
	);
	const stop = () =>
		void server
			.stop()
			.then(() => sandbox.close())
			.then(() => process.exit(0));
	process.on('SIGINT', stop);
	process.on('SIGTERM', stop);
}

main().catch((error) => {
	process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
	process.exit(1);
});
