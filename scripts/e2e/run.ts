/**
 * `npm run e2e [-- --n8n <version>] [--node 20|24] [--ui] [--screenshots] [--keep]`: this package in the real n8n
 * app. Installs n8n on demand, installs the packed package as a community package into a fresh
 * user folder, runs the workflows in `test/e2e/` with n8n's CLI against the TeXML sandbox, tests
 * the credential through the editor's REST API, and with --ui drives the editor in Chromium.
 * `--queue [--runs N] [--workers 2,4]` runs the queue-mode suite instead (queue.ts).
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { prepareAi, runAiChecks, type AiSetup } from './ai';
import { addAnsweringApplications, runDialInExample, runFallbackChecks } from './answering';
import { localizeExampleUrls, runStartConferenceExample } from './calls';
import { runCliCases, runExamples } from './cases';
import { Checks, expectEqual, expectTrue } from './checks';
import { cli, createHome, startServer, writeJson, type N8nServer } from './n8n';
import { buildAndPack, installIntoUserFolder } from './package';
import { EditorSession } from './rest';
import { DEFAULT_N8N, ensureN8n, log } from './runtime';
import { runRecapExample } from './recap';
import { runReceptionistExample } from './receptionist';
import { runTriggerExample } from './trigger';
import { loadWorkflows } from './workflows';
import { credentialFixture, startWorld, WORLD } from './world';

const WRONG_KEY_MESSAGE = 'Telnyx rejected the API key';
const N8N_401_MESSAGE = 'Authorization failed - please check your credentials';

interface Options {
	n8n: string;
	node?: 20 | 24;
	ui: boolean;
	screenshots: boolean;
	keep: boolean;
}

function parseOptions(argv: string[]): Options {
	const value = (name: string) => {
		const i = argv.findIndex((a) => a === `--${name}` || a.startsWith(`--${name}=`));
		if (i < 0) return undefined;
		return argv[i].includes('=') ? argv[i].split('=')[1] : argv[i + 1];
	};
	const node = value('node');
	if (node && node !== '20' && node !== '24') throw new Error('--node takes 20 or 24');
	return {
		n8n: value('n8n') ?? process.env.E2E_N8N_VERSION ?? DEFAULT_N8N,
		node: node ? (Number(node) as 20 | 24) : undefined,
		ui: argv.includes('--ui') || argv.includes('--screenshots') || process.env.E2E_UI === '1',
		screenshots: argv.includes('--screenshots'),
		keep: argv.includes('--keep'),
	};
}

async function main() {
	const argv = process.argv.slice(2);
	if (argv.includes('--queue')) {
		// Queue mode is its own suite (see queue.ts): PostgreSQL, Redis, main, workers, a webhook process.
		const { runQueueE2e } = await import('./queue');
		const number = (name: string, fallback: string) => {
			const i = argv.findIndex((a) => a === `--${name}` || a.startsWith(`--${name}=`));
			return i < 0 ? fallback : argv[i].includes('=') ? argv[i].split('=')[1] : argv[i + 1];
		};
		process.exitCode = await runQueueE2e({
			n8n: number('n8n', process.env.E2E_N8N_VERSION ?? DEFAULT_N8N),
			runs: Number(number('runs', '1')),
			workers: number('workers', '2,4').split(',').map(Number),
			keep: argv.includes('--keep'),
		});
		return;
	}
	const options = parseOptions(argv);
	const started = Date.now();
	const timings: Array<[string, number]> = [];
	const timed = async <T>(what: string, body: () => Promise<T>): Promise<T> => {
		const t = Date.now();
		const result = await body();
		timings.push([what, (Date.now() - t) / 1000]);
		return result;
	};

	const runtime = await timed('n8n app (install on demand)', () =>
		ensureN8n(options.n8n, options.node),
	);
	log(
		`n8n ${runtime.n8nVersion} on Node ${runtime.nodeVersion}${runtime.installSeconds ? `, installed in ${runtime.installSeconds.toFixed(0)} s` : ' (cached)'}`,
	);
	const scratch = mkdtempSync(path.join(os.tmpdir(), 'n8n-e2e-'));
	const checks = new Checks();
	const workflows = loadWorkflows();
	const sandbox = await startWorld();
	addAnsweringApplications(sandbox);
	let server: N8nServer | undefined;
	let ai: AiSetup | undefined;
	try {
		const tarball = await timed('build and npm pack', () => buildAndPack(scratch));
		const home = await createHome(runtime, path.join(scratch, 'user'));
		localizeExampleUrls(workflows, home.url);
		log(`user folder ${home.userFolder}, sandbox ${sandbox.baseUrl}`);

		await checks.check('community package installs into <user folder>/.n8n/nodes', async () => {
			const installed = await installIntoUserFolder(home.userFolder, tarball);
			const manifest = JSON.parse(readFileSync(path.join(installed, 'package.json'), 'utf8')) as {
				n8n: { nodes: string[]; credentials: string[] };
			};
			for (const file of [...manifest.n8n.nodes, ...manifest.n8n.credentials]) {
				expectTrue(existsSync(path.join(installed, file)), `the package lacks ${file}`);
			}
			for (const icon of ['telnyx.svg', 'telnyx.dark.svg']) {
				expectTrue(
					statSync(path.join(installed, 'dist/nodes/TelnyxTexml', icon)).size > 0,
					`icon ${icon} missing`,
				);
			}
			expectTrue(
				!existsSync(path.join(installed, 'node_modules')),
				'the package brought its own node_modules',
			);
		});

		await checks.check('n8n imports the sandbox credential and the workflows', async () => {
			writeJson(path.join(scratch, 'credentials.json'), credentialFixture(sandbox));
			await cli(home, ['import:credentials', `--input=${path.join(scratch, 'credentials.json')}`]);
			writeJson(
				path.join(scratch, 'workflows.json'),
				workflows.map((w) => w.workflow),
			);
			await cli(home, ['import:workflow', `--input=${path.join(scratch, 'workflows.json')}`]);
		});

		ai = await prepareAi(checks, home, scratch);
		await runCliCases(checks, home, sandbox);
		await runExamples(checks, home, sandbox, workflows);

		server = await timed('n8n start (until ready)', () => startServer(home));
		const editor = new EditorSession(server.url);
		await checks.check('editor: owner set up and signed in', () => editor.signIn());

		await checks.check(
			'editor: node and credential types are loaded from the package',
			async () => {
				const types = await editor.request<Array<{ name: string }>>('GET', '/types/nodes.json');
				const names = (Array.isArray(types.data) ? types.data : []).map((t) => t.name);
				expectTrue(
					names.includes('n8n-nodes-telnyx-texml.telnyxTexml'),
					'nodes.json lacks n8n-nodes-telnyx-texml.telnyxTexml',
				);
				const credentials = await editor.request<Array<{ name: string }>>(
					'GET',
					'/types/credentials.json',
				);
				const credentialNames = (Array.isArray(credentials.data) ? credentials.data : []).map(
					(t) => t.name,
				);
				expectTrue(
					credentialNames.includes('telnyxTexmlApi'),
					'credentials.json lacks telnyxTexmlApi',
				);
				const icon = await fetch(
					`${server?.url}/icons/n8n-nodes-telnyx-texml/dist/nodes/TelnyxTexml/telnyx.svg`,
				);
				expectEqual([icon.status, (await icon.text()).includes('<svg')], [200, true], 'node icon');
			},
		);

		await checks.check('editor: credential test passes against the sandbox', async () => {
			sandbox.requests.length = 0;
			const result = await editor.testCredential({
				id: WORLD.credentialId,
				name: WORLD.credentialName,
				type: 'telnyxTexmlApi',
				data: { apiKey: WORLD.apiKey, baseUrl: sandbox.baseUrl },
			});
			expectEqual(result.data?.status, 'OK', `credential test (${JSON.stringify(result.data)})`);
			expectEqual(
				sandbox.requests.map((r) => [r.method, r.url, r.headers.authorization, r.status]),
				[['GET', '/v2/whoami', `Bearer ${WORLD.apiKey}`, 200]],
				'requests the credential test sent',
			);
		});

		await checks.check('editor: credential test fails with a wrong API key', async () => {
			sandbox.requests.length = 0;
			const result = await editor.testCredential({
				id: WORLD.credentialId,
				name: WORLD.credentialName,
				type: 'telnyxTexmlApi',
				data: { apiKey: 'KEYWRONG', baseUrl: sandbox.baseUrl },
			});
			expectEqual(result.data?.status, 'Error', 'credential test status');
			// n8n versions differ in whether the credential's own 401 message reaches the panel.
			expectTrue(
				[WRONG_KEY_MESSAGE, N8N_401_MESSAGE].some((m) => result.data?.message.startsWith(m)),
				`credential test message: ${result.data?.message}`,
			);
			log(`wrong API key → "${result.data?.message}"`);
			// n8n's own credentials helper retries a 401 once (its pre-authentication hook), so 1 or 2.
			const seen = sandbox.requests.map((r) => [r.url, r.headers.authorization, r.status]);
			expectTrue(
				seen.length >= 1 &&
					seen.length <= 2 &&
					seen.every(
						([url, auth, status]) =>
							url === '/v2/whoami' && auth === 'Bearer KEYWRONG' && status === 401,
					),
				`requests the credential test sent: ${JSON.stringify(seen)}`,
			);
		});

		await runTriggerExample(checks, server.url, editor, sandbox, workflows);
		await runStartConferenceExample(checks, home, editor, sandbox, workflows);
		const answering = { webhookOrigin: server.url, editor, sandbox, workflows };
		await runDialInExample(checks, answering);
		await runFallbackChecks(checks, answering);
		await runAiChecks(checks, { url: server.url, editor, sandbox, workflows }, ai);
		await runRecapExample(checks, {
			url: server.url,
			editor,
			sandbox,
			workflows,
			model: ai.model,
			n8nBin: runtime.n8nBin,
		});
		// After the AI checks, which activate every AI workflow (this one too): it starts inactive.
		await runReceptionistExample(checks, {
			...answering,
			model: ai.model,
			serverOutput: server.output,
		});

		if (options.ui) {
			const { runUiChecks, README_SHOTS } = await import('./ui');
			const shotsDir = options.screenshots ? README_SHOTS : path.join(scratch, 'screenshots');
			await runUiChecks(checks, server.url, sandbox, scratch, shotsDir);
			if (!options.screenshots)
				log(`screenshots in ${shotsDir} (--screenshots updates docs/screenshots)`);
		}
	} finally {
		await server?.stop();
		await ai?.close();
		await sandbox.close();
		if (options.keep) log(`kept ${scratch}`);
		else rmSync(scratch, { recursive: true, force: true });
	}

	const total = (Date.now() - started) / 1000;
	process.stdout.write(`\nn8n ${runtime.n8nVersion} on Node ${runtime.nodeVersion}\n`);
	for (const [what, seconds] of timings)
		process.stdout.write(`  ${what}: ${seconds.toFixed(1)} s\n`);
	const checkSeconds = checks.results.reduce((sum, r) => sum + r.seconds, 0);
	process.stdout.write(`  checks: ${checkSeconds.toFixed(1)} s; total: ${total.toFixed(1)} s\n`);
	process.stdout.write(`e2e: ${checks.passed} passed, ${checks.failed} failed\n`);
	process.exitCode = checks.failed ? 1 : 0;
}

main().catch((error) => {
	process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
	process.exitCode = 1;
});
