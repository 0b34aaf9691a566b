/**
 * P9, the answer time: the dial-in example, activated in the real n8n app, against n8n's own
 * Webhook → Respond to Webhook workflow holding the same TeXML as a fixed string, side by side in
 * one run. Each gets 400 incoming calls, 20 at a time: the Voice URL request exactly as the
 * sandbox's ring sends it (its form fields and headers, signed with the sandbox's key), timed from
 * the request sent to the whole answer read. The two alternate in rounds (10 × 40 each, the order
 * swapped every round) after a warm-up, so the machine's load falls on both alike; a round lasts
 * under a second, and a pause of the machine's lands in one round of one workflow. An answer
 * failed when it is not 200, not XML, or not the expected TeXML (the trigger's fallback included).
 * Two more workflows, measured alike, show where the time goes (no goal): the example's trigger and
 * its Ask for PIN node alone, and the example's shape built from n8n's own nodes (the same TeXML as
 * fixed text in five Respond to Webhook nodes).
 *
 * `npm run bench -- --answer` runs it in regular mode; `--answer --queue` adds a queue-mode row
 * (main, 2 workers, a webhook process; the calls go to the webhook process). Nothing else runs.
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { parseXml, type RingRequest, type TexmlSandbox } from '../sandbox';
import { DEMO } from '../sandbox/demo-data';
import { DIAL_IN } from './e2e/answering';
import { cli, createHome, startServer, writeJson } from './e2e/n8n';
import { buildAndPack, installIntoUserFolder } from './e2e/package';
import { startQueueWorld } from './e2e/queue-world';
import { EditorSession } from './e2e/rest';
import { DEFAULT_N8N, ensureN8n } from './e2e/runtime';
import { activate } from './e2e/trigger';
import { loadWorkflows } from './e2e/workflows';
import { credentialFixture, startWorld } from './e2e/world';
import { median } from './stats';

const CALLS = 400;
const AT_A_TIME = 20;
const ROUNDS = 10;
const WARM_UP = 40;
const RESPOND_PATH = 'p9-answer';
const SHAPE_PATH = 'p9-shape';
const ANSWER_TRIGGER = 'n8n-nodes-telnyx-texml.telnyxTexmlAnswerTrigger';
/** The application the trigger-only workflow answers (not one of the demo's). */
const ALONE_APPLICATION = '1293384261075731690';

type Log = (line: string) => void;

/** An n8n with the dial-in example imported; where its production webhooks answer. */
interface App {
	editor: EditorSession;
	sandbox: TexmlSandbox;
	origin: string;
	dialInId: string;
	stop(): Promise<void>;
}

interface Answer {
	ms: number;
	failure?: string;
}

const n8nVersion = () => process.env.E2E_N8N_VERSION ?? DEFAULT_N8N;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const dialInWorkflow = () => {
	const file = loadWorkflows().find((w) => w.file.endsWith(DIAL_IN));
	if (!file) throw new Error(`examples/${DIAL_IN} is missing`);
	return file.workflow;
};

/** n8n in regular mode, as `npm run e2e` runs it: the packed package in a fresh user folder. */
async function regularApp(log: Log): Promise<App> {
	const runtime = await ensureN8n(n8nVersion());
	const scratch = mkdtempSync(path.join(os.tmpdir(), 'telnyx-p9-'));
	const sandbox = await startWorld();
	let stopServer = async () => {};
	const stop = async () => {
		await stopServer();
		await sandbox.close();
		rmSync(scratch, { recursive: true, force: true });
	};
	try {
		log('P9: packing the package and starting n8n…');
		const tarball = await buildAndPack(scratch);
		const home = await createHome(runtime, path.join(scratch, 'user'));
		await installIntoUserFolder(home.userFolder, tarball);
		const dialIn = dialInWorkflow();
		writeJson(path.join(scratch, 'credentials.json'), credentialFixture(sandbox));
		writeJson(path.join(scratch, 'workflows.json'), [dialIn]);
		await cli(home, ['import:credentials', `--input=${path.join(scratch, 'credentials.json')}`]);
		await cli(home, ['import:workflow', `--input=${path.join(scratch, 'workflows.json')}`]);
		const server = await startServer(home);
		stopServer = () => server.stop();
		const editor = new EditorSession(server.url);
		await editor.signIn();
		return { editor, sandbox, origin: server.url, dialInId: dialIn.id, stop };
	} catch (error) {
		await stop();
		throw error;
	}
}

/** n8n in queue mode (the queue e2e's cluster, 2 workers): the calls go to the webhook process. */
async function queueApp(log: Log): Promise<App> {
	log('P9: starting PostgreSQL, Redis and n8n in queue mode (2 workers)…');
	const world = await startQueueWorld({ workers: 2, n8n: n8nVersion() });
	return {
		editor: world.editor,
		sandbox: world.sandbox,
		origin: world.cluster.webhook!.url,
		dialInId: dialInWorkflow().id,
		stop: () => world.stop(),
	};
}

type WorkflowNode = { name: string; type: string; parameters: Record<string, unknown> };

const webhookNode = (path: string) => ({
	id: randomUUID(),
	name: 'Webhook',
	type: 'n8n-nodes-base.webhook',
	typeVersion: 2.1,
	position: [0, 0],
	webhookId: randomUUID(),
	parameters: { httpMethod: 'POST', path, responseMode: 'responseNode', options: {} },
});

const respondNode = (name: string, texml: string, y = 0) => ({
	id: randomUUID(),
	name,
	type: 'n8n-nodes-base.respondToWebhook',
	typeVersion: 1.5,
	position: [660, y],
	parameters: {
		respondWith: 'text',
		responseBody: texml,
		options: {
			responseHeaders: { entries: [{ name: 'content-type', value: 'application/xml' }] },
		},
	},
});

const to = (...names: string[]) => names.map((node) => [{ node, type: 'main', index: 0 }]);

async function createActive(editor: EditorSession, workflow: object): Promise<string> {
	const created = await editor.request<{ id: string }>('POST', '/rest/workflows', {
		active: false,
		settings: { executionOrder: 'v1' },
		...workflow,
	});
	if (created.status !== 200 || !created.data?.id)
		throw new Error(
			`creating a P9 workflow: ${created.status} ${JSON.stringify(created.data).slice(0, 300)}`,
		);
	await activate(editor, created.data.id);
	return created.data.id;
}

/** n8n's own way: a Webhook answered by Respond to Webhook with the TeXML as fixed text. */
async function createRespondWorkflow(editor: EditorSession, texml: string): Promise<string> {
	return await createActive(editor, {
		name: 'P9: Webhook → Respond to Webhook',
		nodes: [webhookNode(RESPOND_PATH), respondNode('Respond to Webhook', texml)],
		connections: { Webhook: { main: to('Respond to Webhook') } },
	});
}

/**
 * For where the time goes (no goal): the dial-in built from n8n's own nodes, in the example's
 * shape: Webhook → If (a PIN entered?) → no: Respond to Webhook with the same TeXML as fixed
 * text; yes: the example's PIN Table and Route Call → four Respond to Webhook nodes. n8n checks and
 * copies every node of a workflow on each call, also the ones that do not run.
 */
async function createShapeWorkflow(editor: EditorSession, texml: string): Promise<string> {
	const example = dialInWorkflow() as unknown as { nodes: WorkflowNode[] };
	const copy = (name: string, x: number) => {
		const node = example.nodes.find((n) => n.name === name);
		if (!node) throw new Error(`P9: the dial-in example has no ${name}`);
		return { ...node, id: randomUUID(), position: [x, 200] };
	};
	const routes = ['Join as Attendee', 'Join as Host', 'Wrong PIN', 'Goodbye'];
	return await createActive(editor, {
		name: "P9: the dial-in's shape in n8n's own nodes",
		nodes: [
			webhookNode(SHAPE_PATH),
			{
				id: randomUUID(),
				name: 'PIN Entered?',
				type: 'n8n-nodes-base.if',
				typeVersion: 2.2,
				position: [220, 0],
				parameters: {
					conditions: {
						options: { caseSensitive: true, leftValue: '', typeValidation: 'strict', version: 2 },
						conditions: [
							{
								id: randomUUID(),
								leftValue: '={{ $json.body.Digits !== undefined }}',
								rightValue: '',
								operator: { type: 'boolean', operation: 'true', singleValue: true },
							},
						],
						combinator: 'and',
					},
					options: {},
				},
			},
			copy('PIN Table', 220),
			copy('Route Call', 440),
			respondNode('Ask for PIN', texml),
			...routes.map((name, i) =>
				respondNode(name, '<Response><Hangup/></Response>', 200 + i * 160),
			),
		],
		connections: {
			Webhook: { main: to('PIN Entered?') },
			'PIN Entered?': { main: [...to('PIN Table'), ...to('Ask for PIN')] },
			'PIN Table': { main: to('Route Call') },
			'Route Call': { main: to(...routes) },
		},
	});
}

/** The first request of an incoming call, as the sandbox's ring sent `template`, signed anew. */
async function answerOf(
	sandbox: TexmlSandbox,
	template: RingRequest,
	url: string,
	expected: string,
	n: number,
): Promise<Answer> {
	const callSid = `v3:p9-${n}-${randomUUID()}`;
	const body = new URLSearchParams({
		...template.fields,
		CallSid: callSid,
		CallSidLegacy: callSid,
	}).toString();
	const timestamp = String(Math.floor(Date.now() / 1000));
	const headers = {
		...template.headers,
		'telnyx-timestamp': timestamp,
		'telnyx-signature-ed25519': sandbox.statusCallbacks.sign(timestamp, body),
	};
	const started = performance.now();
	try {
		const res = await fetch(url, {
			method: 'POST',
			headers,
			body,
			signal: AbortSignal.timeout(30_000),
		});
		const text = await res.text();
		const ms = performance.now() - started;
		const type = res.headers.get('content-type') ?? '';
		if (res.status !== 200) return { ms, failure: `HTTP ${res.status}` };
		if (!type.startsWith('application/xml')) return { ms, failure: `content type "${type}"` };
		if (text !== expected) return { ms, failure: `another answer: ${text.slice(0, 160)}` };
		return { ms };
	} catch (error) {
		return {
			ms: performance.now() - started,
			failure: `no answer: ${(error as Error).message}`,
		};
	}
}

/** `count` calls to `url`, `AT_A_TIME` at once. */
async function fire(
	count: number,
	send: (n: number) => Promise<Answer>,
	first: number,
): Promise<Answer[]> {
	const answers: Answer[] = [];
	let next = 0;
	await Promise.all(
		Array.from({ length: AT_A_TIME }, async () => {
			while (next < count) {
				const n = next++;
				answers.push(await send(first + n));
			}
		}),
	);
	return answers;
}

/** Posts until n8n has registered the webhook (404 until then), at most 30 s. */
async function whenRegistered(send: () => Promise<Answer>) {
	const deadline = Date.now() + 30_000;
	let answer = await send();
	while (answer.failure === 'HTTP 404' && Date.now() < deadline) {
		await sleep(250);
		answer = await send();
	}
	if (answer.failure) throw new Error(`P9: the first call failed: ${answer.failure}`);
}

/** Nearest rank: the smallest value at or above which lie `share` of the values. */
function percentile(values: number[], share: number) {
	const sorted = [...values].sort((a, b) => a - b);
	return sorted[Math.max(0, Math.ceil(share * sorted.length) - 1)];
}

/**
 * For where the time goes (no goal): the example's answer trigger and its Ask for PIN node alone,
 * without PIN Table and Route Call, on an application of its own. Returns its Voice URL.
 */
async function createTriggerOnlyWorkflow(app: App): Promise<string> {
	const example = dialInWorkflow() as unknown as { nodes: WorkflowNode[] };
	const trigger = example.nodes.find((n) => n.type === ANSWER_TRIGGER);
	const ask = example.nodes.find((n) => n.name === 'Ask for PIN');
	if (!trigger || !ask) throw new Error('P9: the dial-in example has no trigger or Ask for PIN');
	const line = app.sandbox.store.calls.addApplication(DEMO.account.sid, {
		id: ALONE_APPLICATION,
		friendlyName: 'P9: trigger and answer alone',
		voiceUrl: 'https://example.com/texml/closed.xml',
	});
	await createActive(app.editor, {
		name: 'P9: Telnyx TeXML Answer Trigger → Telnyx TeXML Response',
		nodes: [
			{
				...trigger,
				id: randomUUID(),
				webhookId: randomUUID(),
				parameters: {
					...trigger.parameters,
					application: { __rl: true, mode: 'id', value: line.id },
				},
			},
			{ ...ask, id: randomUUID() },
		],
		connections: { [trigger.name]: { main: to(ask.name) } },
	});
	if (!line.voiceUrl?.startsWith(`${app.origin}/webhook/`))
		throw new Error(`P9: the trigger-only line's Voice URL is ${line.voiceUrl}`);
	return line.voiceUrl;
}

interface Variant {
	name: string;
	url: string;
	expected: string;
	answers: Answer[];
}

async function measure(app: App, log: Log, mode: string): Promise<string[][]> {
	const { sandbox, editor } = app;
	await activate(editor, app.dialInId);
	const line = sandbox.store.calls.application(DEMO.account.sid, DEMO.dialIn.id);
	if (!line?.voiceUrl?.startsWith(`${app.origin}/webhook/`))
		throw new Error(`P9: the Dial-in line's Voice URL is ${line?.voiceUrl}, not ${app.origin}`);

	// One whole call first (until n8n has registered the webhook): the example works, and its
	// first request is the template of every call measured.
	const ringOnce = () =>
		sandbox.ring({
			applicationId: line.id,
			from: '+13125550150',
			to: '+13125550100',
			inputs: [{ digits: '1234#' }],
		});
	let call = await ringOnce();
	for (let tries = 0; call.requests[0]?.status === 404 && tries < 120; tries++) {
		await sleep(250);
		call = await ringOnce();
	}
	const template = call.requests[0];
	if (call.ended.kind !== 'conference' || template.status !== 200 || !template.answer)
		throw new Error(`P9: the dial-in call ended ${JSON.stringify(call.ended)}`);
	const expected = template.answer;
	if (parseXml(expected.trim()).children[0]?.name !== 'Gather')
		throw new Error(`P9: the dial-in example's first answer asks for no PIN: ${expected}`);

	await createRespondWorkflow(editor, expected);
	await createShapeWorkflow(editor, expected);
	const aloneUrl = await createTriggerOnlyWorkflow(app);
	const variants: Variant[] = [
		{ name: 'dial-in example', url: line.voiceUrl, expected, answers: [] },
		{
			name: 'Webhook → Respond to Webhook',
			url: `${app.origin}/webhook/${RESPOND_PATH}`,
			expected,
			answers: [],
		},
		{
			name: 'trigger → Ask for PIN alone',
			url: aloneUrl,
			// The same document; its action URLs name its own trigger.
			expected: expected.split(line.voiceUrl).join(aloneUrl),
			answers: [],
		},
		{
			name: "the dial-in's shape in n8n's own nodes",
			url: `${app.origin}/webhook/${SHAPE_PATH}`,
			expected,
			answers: [],
		},
	];
	const send = (variant: Variant) => (n: number) =>
		answerOf(sandbox, template, variant.url, variant.expected, n);
	for (const variant of variants) await whenRegistered(() => send(variant)(0));

	log(`P9 (${mode}): warming up, ${WARM_UP} calls each…`);
	for (const variant of variants) await fire(WARM_UP, send(variant), 1);
	const perRound = CALLS / ROUNDS;
	for (let round = 0; round < ROUNDS; round++) {
		// Each round starts with another variant, so that none always follows the same one.
		const order = variants.map((_, i) => variants[(i + round) % variants.length]);
		const medians: string[] = [];
		for (const variant of order) {
			const answers = await fire(perRound, send(variant), 1000 + round * perRound);
			variant.answers.push(...answers);
			medians.push(`${variant.name} ${median(answers.map((a) => a.ms)).toFixed(1)} ms`);
		}
		log(`P9 (${mode}) round ${round + 1} of ${ROUNDS}: median ${medians.join(', ')}`);
	}

	const figures = (variant: Variant) => {
		const ms = variant.answers.map((a) => a.ms);
		const failures = variant.answers.filter((a) => a.failure);
		for (const reason of new Set(failures.map((a) => a.failure)))
			log(
				`P9 (${mode}), ${variant.name}: ${failures.filter((a) => a.failure === reason).length} × ${reason}`,
			);
		return { median: median(ms), p95: percentile(ms, 0.95), failed: failures.length };
	};
	const [ours, theirs, alone, shape] = variants.map(figures);
	const ratio = ours.median / theirs.median;
	const shown = (f: typeof ours) =>
		`median ${f.median.toFixed(1)} ms, p95 ${f.p95.toFixed(1)} ms, ${f.failed} failed`;
	const ratios = (f: typeof ours) =>
		`${(f.median / theirs.median).toFixed(2)}× median, ${(f.p95 / theirs.p95).toFixed(2)}× p95`;
	return [
		[
			`P9 answer time, ${mode}: ${CALLS} incoming calls each, ${AT_A_TIME} at a time (${ROUNDS} alternating rounds of ${perRound})`,
			`dial-in example: ${shown(ours)}`,
			`Webhook → Respond to Webhook: ${shown(theirs)}`,
			ratios(ours),
			mode === 'regular mode'
				? `≤ 1.10× median and 0 failed: ${ratio <= 1.1 && ours.failed === 0 && theirs.failed === 0 ? 'met' : 'NOT met'}`
				: 'reported (no goal)',
		],
		[
			'P9 … the answer trigger → Ask for PIN alone (the example without PIN Table and Route Call)',
			shown(alone),
			`Webhook → Respond to Webhook: median ${theirs.median.toFixed(1)} ms`,
			ratios(alone),
			'',
		],
		[
			"P9 … the dial-in's shape in n8n's own nodes (Webhook, If, PIN Table, Route Call, 5 × Respond to Webhook with fixed text)",
			shown(shape),
			`Webhook → Respond to Webhook: median ${theirs.median.toFixed(1)} ms`,
			ratios(shape),
			'',
		],
	];
}

/** The P9 rows: regular mode, and queue mode when asked. */
export async function answerFigures(log: Log, options: { queue: boolean }): Promise<string[][]> {
	const rows: string[][] = [];
	for (const mode of options.queue ? ['regular', 'queue'] : ['regular']) {
		const app = mode === 'queue' ? await queueApp(log) : await regularApp(log);
		try {
			rows.push(
				...(await measure(app, log, mode === 'queue' ? 'queue mode, 2 workers' : 'regular mode')),
			);
		} finally {
			await app.stop();
		}
	}
	return rows;
}
