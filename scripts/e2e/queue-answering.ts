/**
 * Answering calls in queue mode: activation points each application's Voice URL at the webhook
 * process (the cluster sets WEBHOOK_URL to its origin), the sandbox rings it there (the dial-in and
 * AI receptionist examples, the fallback fixtures), and each request the webhook process answered
 * ran as one execution on a worker. The answer to Telnyx comes back through the webhook process
 * while a worker runs the workflow (the receptionist's agent asks the world's scripted model there).
 */
import type { RingResult } from '../../sandbox';
import { DEMO } from '../../sandbox/demo-data';
import { DIAL_IN, runDialInExample, runFallbackChecks } from './answering';
import { expectEqual, expectTrue, type Checks } from './checks';
import { executionsAfter, lastExecutionId, type ExecutionRow } from './queue-job';
import type { QueueWorld } from './queue-world';
import { RECEPTIONIST, runReceptionistExample } from './receptionist';
import { log } from './runtime';
import { WORLD } from './world';

const ENDED = new Set(['success', 'error', 'crashed', 'canceled']);
/** The fixture that fails ends as an error; every other answering execution succeeds. */
const FAILING_FIXTURE = 'e2eAnswerFails01';

/**
 * The mute jobs leave their conferences live, listed before the world's: ends them, as their callers
 * hanging up would, so that the receptionist's tool (the example lists 20) finds weekly-sync.
 */
function endJobConferences(world: QueueWorld) {
	const kept = new Set<string>([WORLD.conferenceSid, DEMO.conference.sid]);
	const live = world.sandbox.store.conferences.filter(
		(c) => c.status !== 'completed' && !kept.has(c.sid),
	);
	for (const conference of live) world.sandbox.store.endConference(conference);
	if (live.length > 0) log(`answering: ended the mute jobs' ${live.length} live conferences`);
}

export async function answeringCases(checks: Checks, world: QueueWorld) {
	const webhook = world.cluster.webhook;
	if (!webhook) return;
	const workflows = [...world.examples, ...world.fallbacks];
	const ids = workflows
		.filter(
			(w) =>
				w.file.endsWith(DIAL_IN) || w.file.endsWith(RECEPTIONIST) || world.fallbacks.includes(w),
		)
		.map((w) => w.workflow.id);
	const calls: RingResult[] = [];
	world.sandbox.faults.configure({});
	const before = await lastExecutionId(world);
	const context = {
		webhookOrigin: webhook.url,
		editor: world.editor,
		sandbox: world.sandbox,
		workflows,
		onCall: (call: RingResult) => calls.push(call),
	};
	await runDialInExample(checks, context);
	await runFallbackChecks(checks, context);
	endJobConferences(world);
	await runReceptionistExample(checks, { ...context, model: world.model });

	await checks.check(
		'answering: each request the webhook process answered ran as one execution on a worker',
		async () => {
			// A 404 came before the webhook process knew the workflow; the Voice Fallback URL is not n8n's.
			const answered = calls.flatMap((c) => c.requests).filter((r) => r.status !== 404);
			expectTrue(answered.length > 0, 'no call reached n8n');
			expectEqual(
				answered
					.filter((r) => r.fallback || !r.url.startsWith(`${webhook.url}/webhook/`))
					.map((r) => r.url),
				[],
				'requests that did not go to the webhook process',
			);
			const executionsNow = async () =>
				(await Promise.all(ids.map((id) => executionsAfter(world, id, before)))).flat();
			// The slow fixture's execution goes on after the fallback answered: wait for every end.
			const deadline = Date.now() + 60_000;
			let executions: ExecutionRow[] = await executionsNow();
			while (
				(executions.length < answered.length || executions.some((e) => !ENDED.has(e.status))) &&
				Date.now() < deadline
			) {
				await new Promise((resolve) => setTimeout(resolve, 250));
				executions = await executionsNow();
			}
			expectEqual(executions.length, answered.length, 'executions for the requests answered');
			const failing = new Set(
				(await executionsAfter(world, FAILING_FIXTURE, before)).map((e) => e.id),
			);
			expectEqual(
				executions.filter((e) => e.status !== (failing.has(e.id) ? 'error' : 'success')),
				[],
				'executions that ended otherwise than expected',
			);
			const ranOn = executions.map((e) => ({
				id: e.id,
				workers: world.cluster.workers.filter((w) => w.executions().includes(e.id)),
			}));
			expectEqual(
				ranOn.filter((r) => r.workers.length !== 1).map((r) => r.id),
				[],
				'executions not run on exactly one worker',
			);
			const receptionist = workflows.find((w) => w.file.endsWith(RECEPTIONIST))?.workflow.id;
			const ofReceptionist = receptionist
				? (await executionsAfter(world, receptionist, before)).length
				: 0;
			const perWorker = new Map<string, number>();
			for (const r of ranOn)
				perWorker.set(r.workers[0].name, (perWorker.get(r.workers[0].name) ?? 0) + 1);
			log(
				`answering: ${answered.length} requests answered by the webhook process (${webhook.url}), ` +
					`${executions.length} executions (${ofReceptionist} of the AI receptionist), run on ${[...perWorker].map(([name, n]) => `${name} × ${n}`).join(', ')}`,
			);
		},
	);
}
