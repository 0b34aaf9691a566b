/**
 * `npm run e2e -- --queue [--runs N] [--workers 2,4] [--keep]`: this package in n8n's queue mode
 * (main + workers + a webhook process, PostgreSQL, Redis) against the sandbox limited to 100
 * requests/second for the key:
 * - 4 × 250 mutes started together, with x-ratelimit-* on every answer and only on 429s, and on a
 *   sliding window (only on 429s), with 2 and with 4 workers: every item updated, 0 failed, every
 *   worker used, figures printed;
 * - the trigger behind the webhook process: signed → runs on a worker, forged → 401 and no run;
 * - answering calls: the dial-in and AI receptionist examples and the fallback fixtures rung at
 *   the webhook process (WEBHOOK_URL), each request run on a worker, its TeXML answered by the
 *   webhook process;
 * - recordings: the recap example's callback to the webhook process, the audio downloaded on a
 *   worker into the `database` binary-data mode and read back by main, transcribed and summarised;
 * - a worker killed mid-job: every participant ends muted, or its execution is marked failed.
 */
import type { Participant } from '../../sandbox';
import { DEMO } from '../../sandbox/demo-data';
import { Checks, expectEqual, expectTrue } from './checks';
import { answeringCases } from './queue-answering';
import { recordingCases } from './queue-recordings';
import {
	describeJob,
	executionsAfter,
	lastExecutionId,
	runMuteJob,
	type JobFigures,
} from './queue-job';
import { startQueueWorld, type QueueWorld } from './queue-world';
import { log } from './runtime';
import { activate } from './trigger';
import { median } from '../stats';

export interface QueueOptions {
	n8n: string;
	runs: number;
	workers: number[];
	keep: boolean;
}

const EXECUTIONS = 4;
const ITEMS = 250;
/** The sandbox's rate limit per configuration: which answers carry x-ratelimit-*, how it counts. */
const LIMITS = [
	{ headers: 'always', model: 'fixed' },
	{ headers: 'on429', model: 'fixed' },
	{ headers: 'on429', model: 'sliding' },
] as const;
const headerWords = {
	always: 'x-ratelimit-* on every answer',
	on429: 'x-ratelimit-* only on 429s',
};
const modelWords = { fixed: '', sliding: ', sliding window', bucket: ', token bucket' };

interface Configuration {
	workers: number;
	headers: (typeof LIMITS)[number]['headers'];
	model: (typeof LIMITS)[number]['model'];
	jobs: JobFigures[];
}

export async function runQueueE2e(options: QueueOptions): Promise<number> {
	const started = Date.now();
	const checks = new Checks('queue:');
	const configurations: Configuration[] = [];
	let killReport = '';
	const world = await startQueueWorld({
		workers: options.workers[0],
		n8n: options.n8n,
		keep: options.keep,
	});
	const paces: string[] = [];
	/** Per worker count: the job's wall without a rate limit, on warm workers. */
	const ownPace = new Map<number, number>();
	const measurePace = async (workers: number) => {
		// The same job without a rate limit: how fast this machine runs it at all (the 10 s floor
		// means little when n8n itself needs about as long). Twice: the first run warms the workers.
		await checks.check(`${workers} workers, no rate limit: the machine's own pace`, async () => {
			const walls: number[] = [];
			for (let run = 0; run < 2; run++) {
				const figures = await runMuteJob(world, {
					executions: EXECUTIONS,
					items: ITEMS,
					rateLimitHeaders: 'always',
					rateLimit: 0,
				});
				log(describeJob(figures));
				expectEqual(figures.failed, 0, 'participants not muted');
				walls.push(figures.wall);
			}
			ownPace.set(workers, walls[1]);
			paces.push(
				`Without a rate limit, ${workers} workers: ${walls.map((w) => w.toFixed(1)).join(' s (fresh workers), then ')} s (warm) for ${EXECUTIONS * ITEMS} mutes (${((EXECUTIONS * ITEMS) / walls[1]).toFixed(0)} per second warm).`,
			);
			log(paces[paces.length - 1]);
		});
	};
	try {
		for (const workers of options.workers) {
			if (world.cluster.workers.length !== workers) await world.restartWorkers(workers);
			await measurePace(workers);
			for (const { headers, model } of LIMITS) {
				// Fresh workers for each configuration: what one learned must not help the next.
				await world.restartWorkers(workers);
				const configuration: Configuration = { workers, headers, model, jobs: [] };
				configurations.push(configuration);
				for (let run = 1; run <= options.runs; run++) {
					const name = `${workers} workers, ${headerWords[headers]}${modelWords[model]}, run ${run}/${options.runs}: ${EXECUTIONS} × ${ITEMS} mutes, every item updated`;
					await checks.check(name, async () => {
						const figures = await runMuteJob(world, {
							executions: EXECUTIONS,
							items: ITEMS,
							rateLimitHeaders: headers,
							rateLimitModel: model,
						});
						configuration.jobs.push(figures);
						log(describeJob(figures));
						expectTrue(!figures.timedOut, 'the executions did not end within 10 minutes');
						expectEqual(figures.failed, 0, 'participants not muted');
						expectEqual(
							figures.executions.map((e) => e.status),
							Array(EXECUTIONS).fill('success'),
							'execution statuses',
						);
						expectEqual(
							Object.keys(figures.perWorker).length,
							Math.min(workers, EXECUTIONS),
							'workers that ran an execution',
						);
					});
				}
			}
			if (workers === options.workers[0]) {
				await triggerCases(checks, world);
				await answeringCases(checks, world);
				await recordingCases(checks, world);
			}
		}
		killReport = await killCase(checks, world);
	} finally {
		await world.stop();
	}

	process.stdout.write(`\n${summary(configurations, ownPace)}\n`);
	for (const pace of paces) process.stdout.write(`${pace}\n`);
	if (killReport) process.stdout.write(`${killReport}\n`);
	process.stdout.write(
		`\ne2e --queue: ${checks.passed} passed, ${checks.failed} failed (${((Date.now() - started) / 1000).toFixed(0)} s)\n`,
	);
	return checks.failed ? 1 : 0;
}

/** Per configuration: runs without a failed item, wall ÷ floor and 429 share (min / median / max). */
export function summary(
	configurations: Configuration[],
	ownPace = new Map<number, number>(),
): string {
	const spread = (values: number[], digits: number, unit = '') => {
		const sorted = [...values].sort((a, b) => a - b);
		const shown = (value: number) => value.toFixed(digits) + unit;
		return sorted.length === 1
			? shown(sorted[0])
			: `${shown(sorted[0])} / ${shown(median(sorted))} / ${shown(sorted[sorted.length - 1])}`;
	};
	const rows = [
		'| Workers | Rate-limit headers | Runs with 0 failed | Wall ÷ 10 s floor (min / median / max) | Median wall ÷ own pace | First mute sent after (median) | 429s of requests | Attempts per item (mean / max) |',
		'| --- | --- | --- | --- | --- | --- | --- | --- |',
	];
	for (const c of configurations.filter((x) => x.jobs.length > 0)) {
		const clean = c.jobs.filter((j) => j.failed === 0 && !j.timedOut).length;
		rows.push(
			`| ${c.workers} | ${c.headers === 'always' ? 'every answer' : 'only 429s'}${modelWords[c.model]} | ${clean} of ${c.jobs.length} | ` +
				`${spread(
					c.jobs.map((j) => j.wall / j.floor),
					2,
					'×',
				)} | ${ownPace.has(c.workers) ? `${(median(c.jobs.map((j) => j.wall)) / ownPace.get(c.workers)!).toFixed(2)}×` : '–'} | ${median(c.jobs.map((j) => j.phases.firstRequest)).toFixed(1)} s | ${spread(
					c.jobs.map((j) => (100 * j.limited) / j.requests),
					1,
					' %',
				)} | ` +
				`${(c.jobs.reduce((s, j) => s + j.attemptsMean, 0) / c.jobs.length).toFixed(3)} / ${Math.max(...c.jobs.map((j) => j.attemptsMax))} |`,
		);
	}
	return rows.join('\n');
}

const TRIGGER = 'n8n-nodes-telnyx-texml.telnyxTexmlTrigger';

/** A participant-join callback for the demo conference, signed with `sign` (or forged). */
function joinCallback(world: QueueWorld, participant: Participant, forged = false) {
	const body = new URLSearchParams({
		AccountSid: DEMO.account.sid,
		ConferenceSid: DEMO.conference.sid,
		FriendlyName: DEMO.conference.friendlyName,
		CallSid: participant.callSid,
		StatusCallbackEvent: 'participant-join',
		SequenceNumber: '1',
	}).toString();
	const timestamp = String(Math.floor(Date.now() / 1000));
	const signature = forged
		? Buffer.alloc(64, 1).toString('base64')
		: world.signer.sign(timestamp, body);
	return {
		method: 'POST',
		headers: {
			'content-type': 'application/x-www-form-urlencoded',
			'telnyx-timestamp': timestamp,
			'telnyx-signature-ed25519': signature,
		},
		body,
	};
}

async function triggerCases(checks: Checks, world: QueueWorld) {
	const example = world.examples.find((w) => w.workflow.nodes.some((n) => n.type === TRIGGER));
	if (!example) return;
	const trigger = example.workflow.nodes.find((n) => n.type === TRIGGER) as { webhookId?: string };
	const url = `${world.cluster.webhook!.url}/webhook/${trigger.webhookId}/conference`;
	const conference = world.sandbox.store.conference(DEMO.account.sid, DEMO.conference.sid);
	world.sandbox.faults.configure({});

	await checks.check(
		'trigger behind the webhook process: a forged callback gets 401 and starts nothing',
		async () => {
			await activate(world.editor, example.workflow.id);
			expectTrue(conference, 'the demo conference is missing');
			const before = await lastExecutionId(world);
			const newcomer = world.sandbox.store.addParticipant(conference, {
				label: 'forged-joiner',
				callSid: 'v3:queue-forged',
			});
			// The webhook process finds a newly activated workflow in the database: 404 until then.
			const deadline = Date.now() + 30_000;
			let res = await fetch(url, joinCallback(world, newcomer, true));
			while (res.status === 404 && Date.now() < deadline) {
				await new Promise((resolve) => setTimeout(resolve, 500));
				res = await fetch(url, joinCallback(world, newcomer, true));
			}
			expectEqual(res.status, 401, 'webhook answer');
			await new Promise((resolve) => setTimeout(resolve, 2000));
			expectEqual(
				await executionsAfter(world, example.workflow.id, before),
				[],
				'executions after a forged callback',
			);
			expectEqual(newcomer.muted, false, 'the forged newcomer is muted');
		},
	);

	await checks.check(
		'trigger behind the webhook process: a signed join gets an empty 200 and a worker mutes the newcomer',
		async () => {
			expectTrue(conference, 'the demo conference is missing');
			const before = await lastExecutionId(world);
			const requestsBefore = world.sandbox.requests.length;
			const newcomer = world.sandbox.store.addParticipant(conference, {
				label: 'late-joiner',
				callSid: 'v3:queue-late-joiner',
			});
			const res = await fetch(url, joinCallback(world, newcomer));
			expectEqual([res.status, await res.text()], [200, ''], 'webhook answer (status, body)');
			const deadline = Date.now() + 60_000;
			let executions = await executionsAfter(world, example.workflow.id, before);
			while (
				!(executions.length === 1 && executions[0].status === 'success') &&
				Date.now() < deadline
			) {
				await new Promise((resolve) => setTimeout(resolve, 250));
				executions = await executionsAfter(world, example.workflow.id, before);
			}
			expectEqual(
				executions.map((e) => e.status),
				['success'],
				'executions of the trigger workflow',
			);
			const ranOn = world.cluster.workers
				.filter((w) => w.executions().includes(executions[0].id))
				.map((w) => w.name);
			expectEqual(
				ranOn.length,
				1,
				`workers that ran execution ${executions[0].id} (${ranOn.join(', ')})`,
			);
			expectEqual(newcomer.muted, true, 'the newcomer is muted in the sandbox');
			expectEqual(
				world.sandbox.requests
					.slice(requestsBefore)
					.map((r) => [r.method, r.url, r.body, r.status]),
				[
					[
						'POST',
						`/v2/texml/Accounts/${DEMO.account.sid}/Conferences/${DEMO.conference.sid}/Participants/${newcomer.callSid}`,
						'Muted=true',
						200,
					],
				],
				'requests the worker sent',
			);
			log(
				`signed callback: 200 with an empty body; execution ${executions[0].id} ran on ${ranOn[0]}`,
			);
		},
	);
}

/**
 * A worker killed (SIGKILL, with its task runner) once 30 % of the mutes are in. n8n does not
 * re-run a crashed worker's jobs; it marks their executions failed once their lock expires.
 */
async function killCase(checks: Checks, world: QueueWorld): Promise<string> {
	let report = '';
	await checks.check(
		`a worker killed mid-job: every participant ends muted, or its execution is marked failed`,
		async () => {
			await world.restartWorkers(2);
			let killedAt = 0;
			let victim: { name: string; executions: string[] } | undefined;
			const figures = await runMuteJob(world, {
				executions: EXECUTIONS,
				items: ITEMS,
				rateLimitHeaders: 'on429',
				timeoutMs: 6 * 60_000,
				during: async ({ muted }) => {
					if (victim || muted < 0.3 * EXECUTIONS * ITEMS) return;
					const worker = world.cluster.workers.find((w) => w.executions().length > 0);
					if (!worker) return;
					victim = { name: worker.name, executions: worker.executions() };
					killedAt = Date.now();
					await worker.stop('SIGKILL');
					log(
						`killed ${worker.name} (SIGKILL) with ${muted} of ${EXECUTIONS * ITEMS} participants muted`,
					);
				},
			});
			log(describeJob(figures));
			expectTrue(victim, 'no worker was killed (the job ended before 30 % of the mutes)');
			const notMuted = figures.failed;
			const failedExecutions = figures.executions.filter((e) => e.status !== 'success');
			const marks = figures.executions
				.filter((e) => victim!.executions.includes(e.id) && e.seenEndedAt)
				.map(
					(e) =>
						`execution ${e.id} marked ${e.status} ${((e.seenEndedAt! - killedAt) / 1000).toFixed(0)} s after the kill`,
				);
			report =
				`Worker killed mid-job (${victim.name}, executions ${victim.executions.join(', ')}): ${notMuted} participants not muted; ` +
				`${marks.length > 0 ? marks.join('; ') : 'no execution marked'}` +
				`${figures.timedOut ? '; still running after 6 minutes' : ''}.`;
			log(report);
			expectTrue(!figures.timedOut, 'executions still running 6 minutes after the kill');
			// Each execution mutes one conference: every conference left partly unmuted needs a failed execution.
			expectTrue(
				figures.conferencesNotMuted <= failedExecutions.length,
				`${figures.conferencesNotMuted} conferences not fully muted, ${failedExecutions.length} executions marked failed`,
			);
		},
	);
	return report;
}
