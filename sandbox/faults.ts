import type http from 'node:http';

import { realClock, type Clock } from './clock';
import type { RecordedRequest, Reply } from './http';
import { rateModel, type RateModel, type RateModelName } from './rate-window';

/** Ways the sandbox misbehaves on purpose, as Telnyx or the network can. All off by default. */
export interface FaultOptions {
	/** Requests allowed per one-second window; beyond it Telnyx's 429. 0 or absent: no limit. */
	rateLimit?: number;
	/**
	 * Which answers carry `x-ratelimit-*` while a limit is set: every answer (default), or only the
	 * 429s, so a client learns the limit only from being refused.
	 */
	rateLimitHeaders?: 'always' | 'on429';
	/**
	 * How the limit counts: a fixed one-second window (default), a sliding one (the last 1,000 ms),
	 * or a token bucket that refills at the limit per second. Telnyx does not say which.
	 */
	rateLimitModel?: RateModelName;
	/** Milliseconds added before every answer. */
	latencyMs?: number;
	/** The first attempt of each distinct request (method, path, body) is answered 503. */
	failFirst?: boolean;
	/** The first attempt of each distinct request has its connection destroyed, unanswered. */
	resetFirst?: boolean;
	/** Share of requests (0–1) that meet a random fault: 503, reset before or after processing. */
	faultRatio?: number;
	/** Seed of the random faults, so a run can be repeated exactly. */
	seed?: number;
}

/** What happened to a request on purpose, noted in the request log. */
export type FaultKind = 'rate-limited' | '503' | 'reset' | 'lost';

type Decision = { reply: Reply; fault: FaultKind } | { fault: 'reset' | 'lost' } | undefined;

/** Small seeded generator (mulberry32): the same seed gives the same faults. */
export function seeded(seed: number) {
	let state = seed >>> 0;
	return () => {
		state = (state + 0x6d2b79f5) >>> 0;
		let t = state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

const serviceUnavailable = (): Reply => ({
	status: 503,
	body: {
		errors: [
			{
				code: '10007',
				title: 'Service unavailable',
				detail: 'The service is temporarily unavailable. Please try again later.',
			},
		],
	},
});

export class Faults {
	private options: FaultOptions = {};

	private seen = new Set<string>();

	private random = seeded(0);

	private window: RateModel | undefined;

	/** `clock`: when requests arrive (the rate window) and how long latency lasts. */
	constructor(
		options: FaultOptions = {},
		private readonly clock: Clock = realClock,
	) {
		this.configure(options);
	}

	/** Replaces the fault options (at any time) and starts their counters afresh. */
	configure(options: FaultOptions) {
		this.options = { ...options };
		this.seen = new Set();
		this.random = seeded(options.seed ?? 1);
		this.window = options.rateLimit
			? rateModel(options.rateLimitModel ?? 'fixed', options.rateLimit)
			: undefined;
	}

	get current(): Readonly<FaultOptions> {
		return this.options;
	}

	/** Decides at arrival what happens to a request; counts it against the rate limit. */
	private decide(recorded: RecordedRequest): {
		decision: Decision;
		headers: Record<string, string>;
	} {
		const { failFirst, resetFirst, faultRatio } = this.options;
		let headers: Record<string, string> = {};
		if (this.window) {
			const { admitted, headers: limitHeaders } = this.window.take(this.clock.now());
			if (this.options.rateLimitHeaders !== 'on429') headers = limitHeaders;
			if (!admitted) {
				const reply: Reply = {
					status: 429,
					headers: { ...limitHeaders, 'retry-after': limitHeaders['x-ratelimit-reset'] },
					body: {
						errors: [
							{
								code: '10011',
								title: 'Too many requests',
								detail: 'You have exceeded the maximum number of allowed requests.',
							},
						],
					},
				};
				return { decision: { reply, fault: 'rate-limited' }, headers };
			}
		}
		const identity = `${recorded.method} ${recorded.url}\n${recorded.body}`;
		const first = !this.seen.has(identity);
		this.seen.add(identity);
		if (first && resetFirst) return { decision: { fault: 'reset' }, headers };
		if (first && failFirst)
			return { decision: { reply: serviceUnavailable(), fault: '503' }, headers };
		if (faultRatio && this.random() < faultRatio) {
			const pick = this.random();
			if (pick < 1 / 3) return { decision: { reply: serviceUnavailable(), fault: '503' }, headers };
			return { decision: { fault: pick < 2 / 3 ? 'reset' : 'lost' }, headers };
		}
		return { decision: undefined, headers };
	}

	/**
	 * Answers one request, faults included: `answer` runs the real route (skipped when the request
	 * is refused or reset first), `send` writes the reply.
	 */
	async respond(
		recorded: RecordedRequest,
		res: http.ServerResponse,
		answer: () => Reply,
		send: (reply: Reply) => void,
	) {
		const { decision, headers } = this.decide(recorded);
		if (this.options.latencyMs) await this.clock.sleep(this.options.latencyMs);
		if (decision) recorded.fault = decision.fault;
		if (decision && 'reply' in decision) return send(decision.reply);
		if (decision?.fault === 'reset') return void res.destroy();
		const reply = answer();
		if (decision?.fault === 'lost') {
			// Processed, but the answer never leaves: the client cannot tell this from a reset.
			recorded.status = reply.status;
			return void res.destroy();
		}
		send({ ...reply, headers: { ...headers, ...reply.headers } });
	}
}
