/**
 * `npm run bench -- --simulate`: N processes sharing one API key (n8n queue mode), each with its own
 * key limiter (the real `Limiter`, through the real `sendThrough`), sending through a model of
 * Telnyx's rate limit (the sandbox's own `RateWindow`, a `SlidingWindow` or a `TokenBucket`), with a per-request
 * latency and seeded jitter, on a virtual clock: no sockets, no wall time, the same figures on
 * every run.
 */
import type { INode } from 'n8n-workflow';

import { sendThrough } from '../nodes/TelnyxTexml/transport/core';
import { Limiter } from '../nodes/TelnyxTexml/transport/limiter';
import { sendingSettings } from '../nodes/TelnyxTexml/transport/sending';
import { VirtualClock } from '../sandbox/clock';
import { seeded } from '../sandbox/faults';
import { rateModel } from '../sandbox/rate-window';

export interface SimulationOptions {
	/** Processes sharing the key, each with its own limiter. */
	processes: number;
	/** Which answers carry x-ratelimit-*: all (Telnyx's way), or only the 429s. */
	headers: 'always' | 'on429';
	/**
	 * How the key's limit counts: the sandbox's fixed window (default), a sliding window (the last
	 * 1,000 ms), or a token bucket.
	 */
	server?: 'window' | 'sliding' | 'bucket';
	/** Requests per one-second window for the key. */
	limit?: number;
	/** The job: limit × floorSeconds requests, split evenly over the processes. */
	floorSeconds?: number;
	/** Round trip of one request, in ms (half out, half back). */
	latencyMs?: number;
	/** Each way varies by up to this share of itself, seeded. */
	jitter?: number;
	/** Processes start within this many ms of each other (workers picking up their jobs). */
	startSpreadMs?: number;
	/** Requests each process has out at once (Max Concurrent Requests). */
	maxConcurrent?: number;
	seed?: number;
	/** Print, each second, what every process got accepted/refused and its allowance. */
	trace?: (line: string) => void;
}

export interface SimulationResult {
	processes: number;
	headers: 'always' | 'on429';
	requests: number;
	limited: number;
	failed: number;
	floorSeconds: number;
	wallSeconds: number;
	/** Requests accepted ÷ what the limit allows over the run. */
	utilisation: number;
	/** 429s ÷ requests sent. */
	limitedShare: number;
	/** From the start until every 3 s got ≥ 85 % of the limit while all were busy; undefined: never. */
	convergeSeconds: number | undefined;
	/** The least-served process from the last start to the first end: its accepted ÷ an even share. */
	fairness: number;
}

const NODE = { name: 'Simulation', type: 'simulation' } as INode;

/** Settled: 3-second stretches at this share of the limit or more (one process alone makes 89–100 %). */
const SETTLED = 0.85;

export async function simulate(options: SimulationOptions): Promise<SimulationResult> {
	const {
		processes,
		headers: mode,
		server = 'window',
		limit = 100,
		floorSeconds = 20,
		latencyMs = 50,
		jitter = 0.5,
		startSpreadMs = 200,
		maxConcurrent = 10,
		seed = 1,
		trace,
	} = options;
	const clock = new VirtualClock(0);
	const random = seeded(seed);
	const window = rateModel(server === 'window' ? 'fixed' : server, limit);
	const start = clock.now();
	/** Per process: when its requests were accepted; and every answer's time and status. */
	const accepted: number[][] = Array.from({ length: processes }, () => []);
	const answers: Array<{ at: number; status: number }> = [];
	const finished: number[] = [];
	const startedAt: number[] = [];
	let failed = 0;
	const limiters: Limiter[] = [];
	const refusedAt: number[][] = Array.from({ length: processes }, () => []);
	const way = () => (latencyMs / 2) * (1 + jitter * (2 * random() - 1));

	const run = async (index: number, items: number) => {
		await clock.sleep(random() * startSpreadMs);
		startedAt[index] = clock.now() - start;
		const limiter = new Limiter(clock);
		limiters[index] = limiter;
		const settings = { ...sendingSettings({}), maxConcurrent };
		limiter.configure(settings);
		const send = async () => {
			await clock.sleep(way());
			const { admitted, headers } = window.take(clock.now());
			(admitted ? accepted : refusedAt)[index].push(clock.now() - start);
			await clock.sleep(way());
			answers.push({ at: clock.now() - start, status: admitted ? 200 : 429 });
			const told = mode === 'always' || !admitted ? headers : {};
			if (admitted) return { value: true, answer: { status: 200, headers: told } };
			return {
				error: Object.assign(new Error('Too Many Requests'), { httpCode: '429' }),
				answer: { status: 429, headers: { ...told, 'retry-after': headers['x-ratelimit-reset'] } },
			};
		};
		await Promise.all(
			Array.from({ length: items }, async () => {
				try {
					await sendThrough({ limiter, settings }, { node: NODE, repeatable: true }, send);
				} catch {
					failed++;
				}
			}),
		);
		finished[index] = clock.now() - start;
	};

	const total = limit * floorSeconds;
	let running = true;
	const tracer = async () => {
		for (let second = 1; running; second++) {
			await clock.sleep(1000);
			const inSecond = (times: number[]) =>
				times.filter((t) => t >= (second - 1) * 1000 && t < second * 1000).length;
			trace!(
				`${second} s: ${limiters
					.map(
						(l, i) =>
							`${inSecond(accepted[i])}/${inSecond(refusedAt[i])}/${l?.rate?.toFixed(0) ?? '-'}`,
					)
					.join(' ')} sum ${limiters.reduce((a, l) => a + (l?.rate ?? 100), 0).toFixed(0)}`,
			);
		}
	};
	if (trace) void tracer();

	await Promise.all(
		Array.from({ length: processes }, async (_, i) =>
			run(i, Math.floor(total / processes) + (i < total % processes ? 1 : 0)),
		),
	);

	running = false;
	const wallSeconds = Math.max(...finished) / 1000;
	const done = accepted.reduce((sum, a) => sum + a.length, 0);
	const limited = answers.filter((a) => a.status === 429).length;
	const perSecond = Array.from({ length: Math.ceil(wallSeconds) }, () => 0);
	for (const times of accepted) for (const at of times) perSecond[Math.floor(at / 1000)]++;
	const allBusyUntil = Math.min(...finished);
	// Converged: from this second on, while every process still had work, every 3-second stretch
	// got at least SETTLED of the limit accepted.
	const busySeconds = Math.floor(allBusyUntil / 1000) - 1; // the last second may be cut short
	const holds = (s: number) =>
		Array.from({ length: Math.max(0, busySeconds - s - 2) }, (_, k) => s + k).every(
			(k) => perSecond[k] + perSecond[k + 1] + perSecond[k + 2] >= 3 * SETTLED * limit,
		);
	const firstHeld = Array.from({ length: busySeconds }, (_, s) => s).find(
		(s) => s + 2 < busySeconds && holds(s),
	);
	const converged = firstHeld ?? -1;
	// Fairness over the stretch when all processes were at work: the last start to the first end.
	const allBusyFrom = Math.max(...startedAt);
	const served = accepted.map(
		(times) => times.filter((at) => at >= allBusyFrom && at <= allBusyUntil).length,
	);
	const even = served.reduce((a, b) => a + b, 0) / processes;
	return {
		processes,
		headers: mode,
		requests: answers.length,
		limited,
		failed,
		floorSeconds,
		wallSeconds,
		utilisation: done / (limit * wallSeconds),
		limitedShare: limited / Math.max(1, answers.length),
		convergeSeconds: converged >= 0 ? converged : undefined,
		fairness: even > 0 ? Math.min(...served) / even : 1,
	};
}

const serverWords = { window: 'window', sliding: 'sliding window', bucket: 'token bucket' };

/** What the table below models, in words. */
export const SIMULATION_MODEL =
	'Simulation: N processes share one key of 100 requests per 1-second window (the sandbox’s RateWindow), ' +
	'or per sliding second (SlidingWindow: the last 1,000 ms), or a token bucket of 100 that refills at 100 per second (TokenBucket); ' +
	'each has its own Limiter (Max Concurrent Requests 10) and an even part of 2,000 requests (a 20 s floor); ' +
	'50 ms round trip ± 50 % per way, starts spread over 200 ms; seed 1; virtual clock.';

/**
 * The table of `npm run bench -- --simulate`: 1 to 32 processes, the sandbox's fixed and sliding
 * windows with both header modes, and a token bucket with headers on every answer.
 */
export async function simulationTable(
	counts = [1, 2, 4, 8, 16, 32],
	options: Partial<SimulationOptions> = {},
): Promise<string> {
	const rows = [
		[
			'Processes',
			'Limit, x-ratelimit-*',
			'Utilisation',
			'429s',
			'Settled after (≥ 85 % per 3 s)',
			'Fairness (least served)',
			'Wall ÷ floor',
			'Failed',
		],
		['---', '---', '---', '---', '---', '---', '---', '---'],
	];
	const variants = [
		{ server: 'window', headers: 'always' },
		{ server: 'window', headers: 'on429' },
		{ server: 'sliding', headers: 'always' },
		{ server: 'sliding', headers: 'on429' },
		{ server: 'bucket', headers: 'always' },
	] as const;
	for (const { server, headers } of variants) {
		for (const processes of counts) {
			const r = await simulate({ ...options, processes, headers, server });
			rows.push([
				String(processes),
				`${serverWords[server]}, ${headers === 'always' ? 'every answer' : 'only 429s'}`,
				`${(100 * r.utilisation).toFixed(1)} %`,
				`${(100 * r.limitedShare).toFixed(1)} % (${r.limited})`,
				r.convergeSeconds === undefined ? 'never' : `${r.convergeSeconds} s`,
				`${r.fairness.toFixed(2)}× even share`,
				`${(r.wallSeconds / r.floorSeconds).toFixed(2)}×`,
				String(r.failed),
			]);
		}
	}
	return rows.map((r) => `| ${r.join(' | ')} |`).join('\n');
}

if (require.main === module) {
	const [n, mode, server] = process.argv.slice(2);
	if (n)
		void simulate({
			processes: Number(n),
			headers: mode === 'on429' ? 'on429' : 'always',
			server: server === 'bucket' || server === 'sliding' ? server : 'window',
			trace: (line) => process.stdout.write(`${line}\n`),
		}).then((r) => process.stdout.write(`${JSON.stringify(r)}\n`));
	else
		simulationTable()
			.then((table) => process.stdout.write(`${table}\n`))
			.catch((error) => {
				process.stderr.write(`${error?.stack ?? error}\n`);
				process.exitCode = 1;
			});
}
