/**
 * One queue-mode job: E executions of N mutes each, posted to the webhook process together, against
 * the sandbox limited to 100 requests/second for the key. Measured from the sandbox's request log
 * (what reached "Telnyx"), its state (who is muted) and n8n's database (how each execution ended).
 */
import type { Conference, RateModelName } from '../../sandbox';
import { MUTE_WORKFLOW } from './queue-workflows';
import type { QueueWorld } from './queue-world';
import { WORLD } from './world';

export const RATE_LIMIT = 100;

export interface JobOptions {
	executions: number;
	items: number;
	rateLimitHeaders: 'always' | 'on429';
	/** How the sandbox counts the limit: fixed one-second windows (default), sliding, or a bucket. */
	rateLimitModel?: RateModelName;
	/** Requests per second the sandbox allows the key (default 100; 0: none, the machine's own pace). */
	rateLimit?: number;
	/** Called every 100 ms while the job runs (the worker-kill case acts from here). */
	during?: (progress: { muted: number; elapsedMs: number }) => Promise<void> | void;
	timeoutMs?: number;
}

export interface ExecutionRow {
	id: string;
	status: string;
	startedAt?: number;
	stoppedAt?: number;
	/** When the job's polling first saw it ended (n8n's stoppedAt is when its run stopped). */
	seenEndedAt?: number;
}

export interface JobFigures {
	items: number;
	/** Participants not muted when every execution had ended. */
	failed: number;
	/** Conferences (one per execution) with a participant not muted. */
	conferencesNotMuted: number;
	/** Seconds from the POSTs to the last execution's end. */
	wall: number;
	/** items ÷ rate limit: the fastest the key allows. */
	floor: number;
	requests: number;
	limited: number;
	attemptsMean: number;
	attemptsMax: number;
	executions: ExecutionRow[];
	/** Execution count per worker name, for the executions of this job. */
	perWorker: Record<string, number>;
	timedOut: boolean;
	/** Where the wall time went, in seconds from the POSTs (see `phasesOf`). */
	phases: JobPhases;
}

/**
 * The job's time line: when the executions started (n8n's own start-up), when the first and the
 * last mute reached the sandbox, and the pace Telnyx accepted in between, per second: what the
 * limiter controls, apart from what n8n itself takes before and after.
 */
export interface JobPhases {
	executionsStarted: [number, number];
	firstRequest: number;
	lastRequest: number;
	acceptedPerSecond: number[];
}

const ms = (value: string | undefined) => (value ? Date.parse(value.replace(' ', 'T')) : undefined);

/** The executions of the mute workflow with an id above `afterId`, from n8n's database. */
export async function executionsAfter(
	world: QueueWorld,
	workflowId: string,
	afterId: number,
): Promise<ExecutionRow[]> {
	const rows = await world.cluster.sql(
		`SELECT id, status, to_char("startedAt" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'), ` +
			`to_char("stoppedAt" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') ` +
			`FROM execution_entity WHERE "workflowId" = '${workflowId}' AND id > ${afterId} ORDER BY id`,
	);
	return rows.map(([id, status, startedAt, stoppedAt]) => ({
		id,
		status,
		startedAt: ms(startedAt),
		stoppedAt: ms(stoppedAt),
	}));
}

export async function lastExecutionId(world: QueueWorld): Promise<number> {
	const [[max]] = await world.cluster.sql('SELECT COALESCE(MAX(id), 0) FROM execution_entity');
	return Number(max);
}

const ENDED = new Set(['success', 'error', 'crashed', 'canceled']);

export async function runMuteJob(world: QueueWorld, options: JobOptions): Promise<JobFigures> {
	const { sandbox } = world;
	const conferences: Conference[] = Array.from({ length: options.executions }, () =>
		sandbox.store.addConference(WORLD.accountSid, {
			participants: Array.from({ length: options.items }, (_, i) => ({ label: `p${i}` })),
		}),
	);
	const sids = new Set(conferences.map((c) => c.sid));
	const afterId = await lastExecutionId(world);
	// Configuring starts a fresh rate-limit window: earlier traffic does not count against this job.
	const rateLimit = options.rateLimit ?? RATE_LIMIT;
	sandbox.faults.configure({
		rateLimit,
		rateLimitHeaders: options.rateLimitHeaders,
		rateLimitModel: options.rateLimitModel,
	});
	const firstRequest = sandbox.requests.length;

	const started = Date.now();
	const url = `${world.cluster.webhook!.url}/webhook/${MUTE_WORKFLOW.path}`;
	const answers = await Promise.all(
		conferences.map((c) =>
			fetch(url, {
				method: 'POST',
				headers: { 'content-type': 'application/json' },
				body: JSON.stringify({
					participants: c.participants.map((p) => ({ conference: c.sid, label: p.label })),
				}),
			}).then((r) => r.status),
		),
	);
	if (answers.some((status) => status !== 200))
		throw new Error(`the webhook process answered ${answers.join(', ')}`);

	const total = options.executions * options.items;
	const muted = () =>
		conferences.reduce((sum, c) => sum + c.participants.filter((p) => p.muted).length, 0);
	const deadline = started + (options.timeoutMs ?? 10 * 60_000);
	let executions: ExecutionRow[] = [];
	const seenEnded = new Map<string, number>();
	let timedOut = false;
	for (;;) {
		await options.during?.({ muted: muted(), elapsedMs: Date.now() - started });
		executions = await executionsAfter(world, MUTE_WORKFLOW.id, afterId);
		for (const e of executions) {
			if (ENDED.has(e.status) && !seenEnded.has(e.id)) seenEnded.set(e.id, Date.now());
			e.seenEndedAt = seenEnded.get(e.id);
		}
		if (executions.length >= options.executions && executions.every((e) => ENDED.has(e.status)))
			break;
		if (Date.now() > deadline) {
			timedOut = true;
			break;
		}
		await new Promise((resolve) => setTimeout(resolve, 100));
	}
	const ended = Math.max(...executions.map((e) => e.stoppedAt ?? Date.now()));
	const requests = sandbox.requests
		.slice(firstRequest)
		.filter((r) => [...sids].some((sid) => r.url.includes(sid)));
	const perItem = new Map<string, number>();
	for (const r of requests) perItem.set(r.url, (perItem.get(r.url) ?? 0) + 1);
	const ids = new Set(executions.map((e) => e.id));
	const perWorker: Record<string, number> = {};
	for (const worker of world.cluster.workers) {
		const count = worker.executions().filter((id) => ids.has(id)).length;
		if (count > 0) perWorker[worker.name] = count;
	}
	return {
		phases: phasesOf(started, executions, requests),
		items: total,
		failed: total - muted(),
		conferencesNotMuted: conferences.filter((c) => c.participants.some((p) => !p.muted)).length,
		wall: (ended - started) / 1000,
		floor: total / (rateLimit || RATE_LIMIT),
		requests: requests.length,
		limited: requests.filter((r) => r.status === 429).length,
		attemptsMean: requests.length / total,
		attemptsMax: Math.max(0, ...perItem.values()),
		executions,
		perWorker,
		timedOut,
	};
}

/** The job's time line from the sandbox's log and n8n's execution rows (see `JobPhases`). */
function phasesOf(
	started: number,
	executions: ExecutionRow[],
	requests: Array<{ receivedAt?: number; status?: number }>,
): JobPhases {
	const seconds = (at: number) => (at - started) / 1000;
	const starts = executions.map((e) => seconds(e.startedAt ?? started));
	const arrivals = requests.map((r) => seconds(r.receivedAt ?? started));
	const acceptedPerSecond: number[] = [];
	for (const r of requests) {
		if (r.status === 429) continue;
		const second = Math.floor(seconds(r.receivedAt ?? started));
		while (acceptedPerSecond.length <= second) acceptedPerSecond.push(0);
		acceptedPerSecond[second]++;
	}
	return {
		executionsStarted: [Math.min(...starts), Math.max(...starts)],
		firstRequest: Math.min(...arrivals),
		lastRequest: Math.max(...arrivals),
		acceptedPerSecond,
	};
}

/** One line per job, as the e2e and the bench print it. */
export function describeJob(f: JobFigures): string {
	const p = f.phases;
	const sending = p.lastRequest - p.firstRequest;
	return (
		`${describeTotals(f)}; executions started at ${p.executionsStarted.map((t) => t.toFixed(1)).join('–')} s, ` +
		`mutes sent from ${p.firstRequest.toFixed(1)} to ${p.lastRequest.toFixed(1)} s ` +
		`(${(f.items / Math.max(0.001, sending)) | 0} per second), accepted per second: ${p.acceptedPerSecond.join(' ')}`
	);
}

function describeTotals(f: JobFigures): string {
	const workers = Object.entries(f.perWorker)
		.map(([name, count]) => `${name} ${count}`)
		.join(', ');
	return (
		`wall ${f.wall.toFixed(1)} s = ${(f.wall / f.floor).toFixed(2)}× the ${f.floor} s floor; ` +
		`${f.limited} × 429 of ${f.requests} requests (${((100 * f.limited) / Math.max(1, f.requests)).toFixed(1)} %); ` +
		`attempts per item ${f.attemptsMean.toFixed(3)} (max ${f.attemptsMax}); ${f.failed} failed; ` +
		`executions ${f.executions.map((e) => e.status).join('/')}; workers: ${workers || 'none seen'}`
	);
}
