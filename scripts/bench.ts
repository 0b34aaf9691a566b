/**
 * `npm run bench`: this node against n8n's HTTP Request node, a bare declarative node and a raw
 * fetch loop, side by side in one run on one sandbox, printed as one table.
 * `npm run bench -- --queue` adds P6: the queue-mode job of `npm run e2e -- --queue` (4 × 250
 * mutes at 100 requests/second, x-ratelimit-* only on 429s) with 1, 2 and 4 workers.
 * P8 (bench-download.ts) downloads a 100 MB recording; `npm run bench -- --download` runs only it.
 * P7 places 200 calls into one conference at 10 calls/second; `npm run bench -- --p7` runs only it.
 * `npm run bench -- --simulate` prints only the limiter simulation (scripts/simulate.ts).
 * P9 (bench-answer.ts), the answer time of the dial-in example in the real n8n app against n8n's
 * Webhook → Respond to Webhook: `npm run bench -- --answer` (`--answer --queue` adds queue mode).
 *
 * n8n-nodes-base (for the HTTP Request node) is installed on first use (scripts/nodes-base.ts);
 * `npm test` never needs it.
 */
import path from 'node:path';

import type { INode, INodeExecutionData, INodeType, IVersionedNodeType } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { startSandbox, type Account, type RecordedRequest, type TexmlSandbox } from '../sandbox';
import type { Engine, Package } from '../test/support/engine';
import { coreNode } from './nodes-base';
import { median } from './stats';

// n8n's logger reads this when n8n-core loads (below, in main): the HTTP Request node's failure
// would otherwise print its stack.
process.env.N8N_LOG_LEVEL ??= 'silent';

const ROOT = path.resolve(__dirname, '..', '..');
const ITEMS = 1000;
const RATE_LIMIT = 100;
const ROUNDS = 7;

function log(line: string) {
	process.stderr.write(`${line}\n`);
}

/** n8n's HTTP Request node (all versions), from n8n-nodes-base installed on first use. */
function httpRequestNode(): IVersionedNodeType {
	return coreNode('HttpRequest', 'HttpRequest', log) as IVersionedNodeType;
}

/** The same update as this node's, declared the plain way: no checks, no error mapping, no limiter. */
class BareUpdate implements INodeType {
	description: INodeType['description'] = {
		displayName: 'Bare Update',
		name: 'bareUpdate',
		group: ['output'],
		version: 1,
		description: 'Mutes a participant',
		defaults: { name: 'Bare Update' },
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'telnyxTexmlApi', required: true }],
		requestDefaults: {
			baseURL: '={{ $credentials.baseUrl }}',
			headers: { Accept: 'application/json', 'Content-Type': 'application/x-www-form-urlencoded' },
		},
		properties: [
			{ displayName: 'Account SID', name: 'accountSid', type: 'string', default: '' },
			{ displayName: 'Conference SID', name: 'conferenceSid', type: 'string', default: '' },
			{
				displayName: 'Participant',
				name: 'participant',
				type: 'string',
				default: '',
				routing: {
					request: {
						method: 'POST',
						url: '=/texml/Accounts/{{$parameter.accountSid}}/Conferences/{{$parameter.conferenceSid}}/Participants/{{$value}}',
					},
				},
			},
			{
				displayName: 'Muted',
				name: 'muted',
				type: 'boolean',
				default: true,
				routing: { send: { type: 'body', property: 'Muted' } },
			},
		],
	};
}

interface Scene {
	account: Account;
	conferenceSid: string;
	items: INodeExecutionData[];
	/** Participants not muted after a run: the items that did not get through. */
	failed(): number;
	/** The requests the sandbox received for this scene. */
	requests(): RecordedRequest[];
}

/** A fresh account (so a fresh limiter key) with a conference of ITEMS participants. */
function scene(sandbox: TexmlSandbox): Scene {
	const account = sandbox.store.addAccount();
	const conference = sandbox.store.addConference(account.sid, {
		participants: Array.from({ length: ITEMS }, (_, i) => ({ label: `p${i}` })),
	});
	return {
		account,
		conferenceSid: conference.sid,
		items: conference.participants.map((p) => ({ json: { label: p.label } })),
		failed: () => conference.participants.filter((p) => !p.muted).length,
		requests: () => sandbox.requests.filter((r) => r.url.includes(conference.sid)),
	};
}

type Runner = (s: Scene) => Promise<void>;

function node(
	type: string,
	typeVersion: number,
	parameters: INode['parameters'],
	credentials = true,
): INode {
	return {
		id: 'bench',
		name: 'Bench',
		type,
		typeVersion,
		position: [0, 0],
		parameters,
		...(credentials && { credentials: { telnyxTexmlApi: { id: 'cred-1', name: 'Telnyx' } } }),
		onError: 'continueRegularOutput',
	};
}

async function runOne(engine: Engine, target: INode, items: INodeExecutionData[]) {
	const { outputOf, runWorkflow } = await import('../test/support/engine');
	const run = await runWorkflow(
		engine,
		{ nodes: [target], connections: {} },
		{ node: target.name, items },
	);
	return { error: run.data.resultData.error, output: outputOf(run, target.name) };
}

function runners(pkg: Package, httpRequest: IVersionedNodeType, sandbox: TexmlSandbox) {
	const engineFor = (s: Scene, nodes: Package['nodes']): Engine => ({
		package: { nodes, credentials: pkg.credentials },
		credentials: { telnyxTexmlApi: { apiKey: s.account.apiKey, baseUrl: sandbox.baseUrl } },
	});
	/** This node; `settings`: more node parameters (n8n's Request Options). */
	const oursWith =
		(settings: INode['parameters'] = {}): Runner =>
		async (s) => {
			const type = 'n8n-nodes-telnyx-texml.telnyxTexml';
			await runOne(
				engineFor(s, { [type]: pkg.nodes[type] }),
				node(type, 1, {
					resource: 'conferenceParticipant',
					operation: 'update',
					accountSid: s.account.sid,
					conferenceSid: { __rl: true, mode: 'id', value: s.conferenceSid },
					participant: { __rl: true, mode: 'id', value: '={{ $json.label }}' },
					updateFields: { muted: true },
					...settings,
				}),
				s.items,
			);
		};
	const ours = oursWith();
	/**
	 * Request Options → Batching, one item per batch, 1 ms apart: n8n's item loop then lets each
	 * request leave as its item is ready, instead of preparing every item first (docs/sending.md).
	 */
	const oursBatched = oursWith({
		requestOptions: { batching: { batch: { batchSize: 1, batchInterval: 1 } } },
	});
	const bare: Runner = async (s) => {
		await runOne(
			engineFor(s, { 'bench.bareUpdate': new BareUpdate() }),
			node('bench.bareUpdate', 1, {
				accountSid: s.account.sid,
				conferenceSid: s.conferenceSid,
				participant: '={{ $json.label }}',
				muted: true,
			}),
			s.items,
		);
	};
	/** The HTTP Request node as a user sets it up: POST, form body, bearer header, default options. */
	const http: Runner = async (s) => {
		const url = `${sandbox.baseUrl}/texml/Accounts/${s.account.sid}/Conferences/${s.conferenceSid}/Participants/`;
		const result = await runOne(
			engineFor(s, { 'n8n-nodes-base.httpRequest': httpRequest as unknown as INodeType }),
			{
				...node(
					'n8n-nodes-base.httpRequest',
					4.5,
					{
						method: 'POST',
						url: `=${url}{{ $json.label }}`,
						sendHeaders: true,
						headerParameters: {
							parameters: [{ name: 'Authorization', value: `Bearer ${s.account.apiKey}` }],
						},
						sendBody: true,
						contentType: 'form-urlencoded',
						bodyParameters: { parameters: [{ name: 'Muted', value: 'true' }] },
						options: {},
					},
					false,
				),
				onError: undefined,
			},
			s.items,
		);
		if (result.error) httpRequestError = result.error.message;
	};
	/** The floor: the same requests from a plain fetch loop, 10 at a time. */
	const fetchLoop: Runner = async (s) => {
		const base = `${sandbox.baseUrl}/texml/Accounts/${s.account.sid}/Conferences/${s.conferenceSid}/Participants/`;
		let next = 0;
		const worker = async () => {
			while (next < s.items.length) {
				const label = String(s.items[next++].json.label);
				const response = await fetch(base + label, {
					method: 'POST',
					headers: {
						Authorization: `Bearer ${s.account.apiKey}`,
						'Content-Type': 'application/x-www-form-urlencoded',
						Accept: 'application/json',
					},
					body: 'Muted=true',
				});
				await response.text();
			}
		};
		await Promise.all(Array.from({ length: 10 }, worker));
	};
	return { ours, oursBatched, bare, http, fetchLoop };
}

let httpRequestError: string | undefined;

async function timed(runner: Runner, s: Scene) {
	const started = performance.now();
	const startedAt = Date.now();
	await runner(s);
	const seconds = (performance.now() - started) / 1000;
	const arrivals = s.requests().map((r) => (r.receivedAt! - startedAt) / 1000);
	if (arrivals.length > 0) {
		// The engine prepares every item before the first request leaves: that is the first figure.
		log(
			`  ${seconds.toFixed(2)} s; requests arrived from ${arrivals[0].toFixed(2)} s to ${arrivals[arrivals.length - 1].toFixed(2)} s`,
		);
	}
	return { seconds, failed: s.failed() };
}

/**
 * P6: n8n 2.8.4 in queue mode (main, a webhook process, 1, 2 then 4 fresh workers of concurrency
 * 10, PostgreSQL, Redis), 4 executions of 250 mutes posted together; one row per worker count.
 */
async function queueFigures(): Promise<string[][]> {
	const { startQueueWorld } = await import('./e2e/queue-world');
	const { runMuteJob } = await import('./e2e/queue-job');
	const { DEFAULT_N8N } = await import('./e2e/runtime');
	log('P6: queue mode (starting PostgreSQL, Redis and n8n)…');
	const world = await startQueueWorld({
		workers: 2,
		n8n: process.env.E2E_N8N_VERSION ?? DEFAULT_N8N,
	});
	const rows: string[][] = [];
	try {
		// The machine's own pace for the job, no rate limit: the floor means little below it.
		const pace = await runMuteJob(world, {
			executions: 4,
			items: 250,
			rateLimitHeaders: 'always',
			rateLimit: 0,
		});
		let single: number | undefined;
		for (const workers of [1, 2, 4]) {
			await world.restartWorkers(workers);
			log(`  ${workers} worker(s)…`);
			const f = await runMuteJob(world, { executions: 4, items: 250, rateLimitHeaders: 'on429' });
			const ratio = f.wall / f.floor;
			const share = (100 * f.limited) / f.requests;
			single ??= ratio;
			rows.push([
				workers === 1
					? `P6 queue mode, 4 × 250 mutes at ${RATE_LIMIT} req/s (x-ratelimit-* only on 429s): wall ÷ ${f.floor} s floor, ${workers} worker`
					: `P6 … ${workers} workers`,
				`${ratio.toFixed(2)}× (${f.wall.toFixed(1)} s), ${f.failed} failed, ${f.limited} × 429 (${share.toFixed(1)} % of ${f.requests})`,
				workers === 1 ? '' : `1 worker: ${single.toFixed(2)}×`,
				workers === 1 ? '' : `${(ratio / single).toFixed(2)}×`,
				workers === 1
					? ''
					: `≤ 1.30×, ≤ 5 % 429s, 0 failed: ${ratio <= 1.3 && share <= 5 && f.failed === 0 ? 'met' : 'NOT met'}`,
			]);
		}
		rows.push([
			'P6 … 2 workers, no rate limit (this machine’s pace)',
			`${pace.wall.toFixed(1)} s, ${(pace.items / pace.wall).toFixed(0)} mutes/s, ${pace.failed} failed`,
			'',
			'',
			'',
		]);
	} finally {
		await world.stop();
	}
	return rows;
}

const P7_CALLS = 200;
const P7_RATE = 10;

/**
 * P7: Call → Create for 200 numbers into one conference against a sandbox that takes 10 calls per
 * second (429 beyond it): the wall time against the 200 / 10 = 20 s floor, the numbers called more
 * than once (a call placed twice rings a phone twice: must be 0), and the items that failed.
 */
async function callFigures(pkg: Package, sandbox: TexmlSandbox): Promise<string[][]> {
	return [await callRow(pkg, sandbox, 'always'), await callRow(pkg, sandbox, 'on429')];
}

/** One P7 run; `headers`: whether every answer carries x-ratelimit-*, or only the 429s. */
async function callRow(
	pkg: Package,
	sandbox: TexmlSandbox,
	headers: 'always' | 'on429',
): Promise<string[]> {
	log(
		`P7: ${P7_CALLS} calls into one conference at ${P7_RATE} calls/s (x-ratelimit-* ${headers})…`,
	);
	const account = sandbox.store.addAccount();
	const application = sandbox.store.calls.addApplication(account.sid);
	const numbers = Array.from(
		{ length: P7_CALLS },
		(_, i) => `+1312555${String(i).padStart(4, '0')}`,
	);
	await new Promise((resolve) => setTimeout(resolve, 1100)); // a fresh rate-limit window
	sandbox.faults.configure({ rateLimit: P7_RATE, rateLimitHeaders: headers });
	sandbox.requests.length = 0;
	const type = 'n8n-nodes-telnyx-texml.telnyxTexml';
	const started = performance.now();
	const { output } = await runOne(
		{
			package: { nodes: { [type]: pkg.nodes[type] }, credentials: pkg.credentials },
			credentials: { telnyxTexmlApi: { apiKey: account.apiKey, baseUrl: sandbox.baseUrl } },
		},
		node(type, 1, {
			resource: 'call',
			operation: 'create',
			accountSid: account.sid,
			from: '+13125550100',
			to: '={{ $json.number }}',
			application: { __rl: true, mode: 'id', value: application.id },
			conferenceName: 'p7-bridge',
		}),
		numbers.map((number) => ({ json: { number } })),
	);
	const wall = (performance.now() - started) / 1000;
	sandbox.faults.configure({});
	const floor = P7_CALLS / P7_RATE;
	const calls = sandbox.store.calls.calls.filter((c) => c.accountSid === account.sid);
	const perNumber = new Map<string, number>();
	for (const call of calls) perNumber.set(call.to, (perNumber.get(call.to) ?? 0) + 1);
	const twice = [...perNumber.values()].filter((n) => n > 1).length;
	const bridge = sandbox.store.conferences.find(
		(c) => c.accountSid === account.sid && c.friendlyName === 'p7-bridge',
	);
	const joined = new Set(bridge?.participants.map((p) => p.dial?.to));
	// An item failed when it ended as an error or its callee is not in the conference.
	const failed = numbers.filter(
		(n, i) => output[i]?.json.error !== undefined || !joined.has(n),
	).length;
	const limited = sandbox.requests.filter((r) => r.status === 429).length;
	const ratio = wall / floor;
	return [
		headers === 'always'
			? `P7 ${P7_CALLS} Call → Create into one conference at ${P7_RATE} calls/s: wall ÷ ${floor} s floor`
			: 'P7 … x-ratelimit-* only on 429s',
		`${ratio.toFixed(2)}× (${wall.toFixed(1)} s), ${twice} placed twice, ${failed} failed, ${limited} × 429, ${joined.size} in the conference`,
		'',
		'',
		`≤ 1.10×, 0 placed twice, 0 failed: ${ratio <= 1.1 && twice === 0 && failed === 0 ? 'met' : 'NOT met'}`,
	];
}

/** P4: the tarball and the TeXML node's require() time, of dist/ (scripts/bench-package.ts). */
async function packageFigures() {
	const { measurePackages, RUNS } = await import('./bench-package');
	const [figures] = measurePackages([ROOT]);
	return { ...figures, requireMs: figures.requireMs.TelnyxTexml, runs: RUNS };
}

/** `--p7`: only the calls row, without the HTTP Request node or the other rows. */
async function onlyCalls() {
	const { loadPackage } = await import('../test/support/engine');
	const pkg = await loadPackage(ROOT);
	const sandbox = await startSandbox();
	try {
		const rows = [
			['Measure', 'This node', 'Compared with', 'Ratio', 'Goal'],
			['---', '---', '---', '---', '---'],
			...(await callFigures(pkg, sandbox)),
		];
		process.stdout.write(`${rows.map((r) => `| ${r.join(' | ')} |`).join('\n')}\n`);
		const os = await import('node:os');
		process.stdout.write(
			`Node ${process.version}, ${os.cpus().length} CPUs, load average ${os.loadavg()[0].toFixed(1)}.\n`,
		);
	} finally {
		await sandbox.close();
	}
}

async function main() {
	if (process.argv.includes('--simulate')) {
		// No n8n, no sockets: the limiter on a virtual clock (scripts/simulate.ts).
		const { simulationTable, SIMULATION_MODEL } = await import('./simulate');
		process.stdout.write(`${SIMULATION_MODEL}\n\n${await simulationTable()}\n`);
		return;
	}
	if (process.argv.includes('--package')) {
		// P4 only: the ways of building the package side by side (bench-package.ts).
		const { packageTable } = await import('./bench-package');
		process.stdout.write(`${await packageTable(log)}\n`);
		return;
	}
	if (process.argv.includes('--answer')) {
		// The real n8n app (bench-answer.ts); with --queue, a queue-mode row too.
		const { answerFigures } = await import('./bench-answer');
		const rows = await answerFigures(log, { queue: process.argv.includes('--queue') });
		const header = [
			['Measure', 'This node', 'Compared with', 'Ratio', 'Goal'],
			['---', '---', '---', '---', '---'],
		];
		process.stdout.write(`${[...header, ...rows].map((r) => `| ${r.join(' | ')} |`).join('\n')}\n`);
		const os = await import('node:os');
		process.stdout.write(
			`Node ${process.version}, ${os.cpus().length} CPUs, load average ${os.loadavg()[0].toFixed(1)}.\n`,
		);
		return;
	}
	const { downloadFigures } = await import('./bench-download');
	if (process.argv.includes('--p7')) return await onlyCalls();
	if (process.argv.includes('--download')) {
		const rows = await downloadFigures(log);
		const header = [
			['Measure', 'This node', 'Compared with', 'Ratio', 'Goal'],
			['---', '---', '---', '---', '---'],
		];
		process.stdout.write(`${[...header, ...rows].map((r) => `| ${r.join(' | ')} |`).join('\n')}\n`);
		return;
	}
	const httpRequest = httpRequestNode();
	const { loadPackage } = await import('../test/support/engine');
	const pkg = await loadPackage(ROOT);
	const sandbox = await startSandbox();
	const run = runners(pkg, httpRequest, sandbox);
	try {
		log('Warming up…');
		for (let round = 0; round < 2; round++) {
			for (const runner of [run.ours, run.bare, run.fetchLoop]) await runner(scene(sandbox));
		}

		log(`P1: ${ITEMS} updates against ${RATE_LIMIT} requests/s…`);
		/** One runner on a fresh rate-limit window, with its 429s. */
		const limitedRun = async (runner: Runner) => {
			await new Promise((resolve) => setTimeout(resolve, 1100));
			sandbox.faults.configure({ rateLimit: RATE_LIMIT });
			sandbox.requests.length = 0;
			const result = await timed(runner, scene(sandbox));
			return { ...result, limited: sandbox.requests.filter((r) => r.status === 429).length };
		};
		const p1Ours = await limitedRun(run.ours);
		const p1Batched = await limitedRun(run.oursBatched);
		const p1Http = await limitedRun(run.http);
		const floor = ITEMS / RATE_LIMIT;

		log(`P2: ${ITEMS} updates, no limit, ${ROUNDS} rounds…`);
		sandbox.faults.configure({});
		const rates: Record<'ours' | 'bare' | 'fetchLoop', number[]> = {
			ours: [],
			bare: [],
			fetchLoop: [],
		};
		for (let round = 0; round < ROUNDS; round++) {
			for (const name of ['ours', 'bare', 'fetchLoop'] as const) {
				const { seconds, failed } = await timed(run[name], scene(sandbox));
				if (failed > 0) throw new Error(`P2 ${name}: ${failed} items failed`);
				rates[name].push(ITEMS / seconds);
			}
		}
		const [ours, bare, raw] = [median(rates.ours), median(rates.bare), median(rates.fetchLoop)];

		log('P4: package…');
		const p4 = await packageFigures();

		const p7 = await callFigures(pkg, sandbox);
		const p6 = process.argv.includes('--queue') ? await queueFigures() : [];

		const p8 = await downloadFigures(log);

		const x = (n: number) => `${n.toFixed(2)}×`;
		const rows = [
			['Measure', 'This node', 'Compared with', 'Ratio', 'Goal'],
			['---', '---', '---', '---', '---'],
			[
				`P1 ${ITEMS} updates at ${RATE_LIMIT} req/s: wall ÷ ${floor} s floor`,
				`${x(p1Ours.seconds / floor)} (${p1Ours.seconds.toFixed(1)} s), ${p1Ours.failed} failed, ${p1Ours.limited} × 429`,
				`HTTP Request node: ${x(p1Http.seconds / floor)} (${p1Http.seconds.toFixed(1)} s), ${p1Http.failed} failed, ${p1Http.limited} × 429`,
				'',
				`≤ 1.10× and 0 failed: ${p1Ours.seconds / floor <= 1.1 && p1Ours.failed === 0 ? 'met' : 'NOT met'}`,
			],
			[
				'P1 … with Request Options → Batching: 1 item per batch, 1 ms apart',
				`${x(p1Batched.seconds / floor)} (${p1Batched.seconds.toFixed(1)} s), ${p1Batched.failed} failed, ${p1Batched.limited} × 429`,
				`default settings: ${x(p1Ours.seconds / floor)}`,
				x(p1Batched.seconds / p1Ours.seconds),
				'',
			],
			[
				`P2 ${ITEMS} updates, no limit: items/s (median of ${ROUNDS})`,
				ours.toFixed(0),
				`bare declarative node: ${bare.toFixed(0)}`,
				x(ours / bare),
				`≥ 0.90×: ${ours / bare >= 0.9 ? 'met' : 'NOT met'}`,
			],
			['', ours.toFixed(0), `raw fetch loop (10 at a time): ${raw.toFixed(0)}`, x(ours / raw), ''],
			[
				'P4 packed tarball',
				`${(p4.packed / 1024).toFixed(1)} kB (${(p4.unpacked / 1024).toFixed(1)} kB unpacked, ${p4.files} files)`,
				'',
				'',
				`≤ 100 kB: ${p4.packed <= 100 * 1024 ? 'met' : 'NOT met'}`,
			],
			[
				'P4 require() of the TeXML node',
				`${p4.requireMs.toFixed(1)} ms (median of ${p4.runs} fresh processes, n8n-workflow preloaded)`,
				'',
				'',
				`≤ 15 ms: ${p4.requireMs <= 15 ? 'met' : 'NOT met'}`,
			],
			...p7,
			...p6,
			...p8,
		];
		process.stdout.write(`${rows.map((r) => `| ${r.join(' | ')} |`).join('\n')}\n`);
		if (httpRequestError)
			process.stdout.write(`\nHTTP Request node ended with: "${httpRequestError}"\n`);
		const os = await import('node:os');
		process.stdout.write(
			`Node ${process.version}, ${os.cpus().length} CPUs, load average ${os.loadavg()[0].toFixed(1)}.\n`,
		);
	} finally {
		await sandbox.close();
	}
}

main().catch((error) => {
	process.stderr.write(`${error?.stack ?? error}\n`);
	process.exitCode = 1;
});
