/** What a rate-limit model says of one request arriving: admitted or not, and its x-ratelimit-*. */
export interface RateTake {
	admitted: boolean;
	headers: Record<string, string>;
}

/** A shape of rate limit: counts one request arriving at `now` (ms). */
export interface RateModel {
	readonly limit: number;
	take(now: number): RateTake;
}

/** The shapes the sandbox and the simulation offer: Telnyx does not say which one it uses. */
export type RateModelName = 'fixed' | 'sliding' | 'bucket';

/**
 * Telnyx's rate limit as the sandbox models it by default: a window of one second that opens with
 * the first request after the previous one closed, and admits `limit` requests. Every answer may carry what
 * is left of it (x-ratelimit-*); beyond the limit, a 429 with Retry-After. The sandbox server and
 * the limiter simulation both count with the classes of this file.
 */
export class RateWindow implements RateModel {
	private start = -Infinity;

	private count = 0;

	constructor(
		readonly limit: number,
		readonly windowMs = 1000,
	) {}

	/** Counts one request arriving at `now`: whether it is admitted, and the headers that say so. */
	take(now: number): RateTake {
		if (now - this.start >= this.windowMs) {
			this.start = now;
			this.count = 0;
		}
		this.count++;
		const headers: Record<string, string> = {
			'x-ratelimit-limit': String(this.limit),
			'x-ratelimit-remaining': String(Math.max(0, this.limit - this.count)),
			// What is left of the window, computed from its age: start + window − now can round
			// to a hair over a whole second, and a reset of 2 would tell of a 2-second window.
			'x-ratelimit-reset': String(
				Math.max(1, Math.ceil((this.windowMs - (now - this.start)) / 1000)),
			),
		};
		return { admitted: this.count <= this.limit, headers };
	}
}

/**
 * The other common shape of a rate limit, for the limiter simulation: a bucket of `limit` tokens
 * that refills at `limit` per window, one token per request. Telnyx does not say which shape it
 * uses; a limiter that only works with one of them would be tuned to the sandbox, not to Telnyx.
 * Its answers carry the same headers: the tokens left, and the seconds until the bucket is full.
 */
export class TokenBucket implements RateModel {
	private tokens: number;

	private last = -Infinity;

	constructor(
		readonly limit: number,
		readonly windowMs = 1000,
	) {
		this.tokens = limit;
	}

	take(now: number): RateTake {
		const perMs = this.limit / this.windowMs;
		if (this.last > -Infinity)
			this.tokens = Math.min(this.limit, this.tokens + (now - this.last) * perMs);
		this.last = now;
		const admitted = this.tokens >= 1;
		if (admitted) this.tokens -= 1;
		const headers: Record<string, string> = {
			'x-ratelimit-limit': String(this.limit),
			'x-ratelimit-remaining': String(Math.floor(this.tokens)),
			'x-ratelimit-reset': String(
				Math.max(1, Math.ceil((this.limit - this.tokens) / perMs / 1000)),
			),
		};
		return { admitted, headers };
	}
}

/**
 * A sliding window: a request is admitted while fewer than `limit` were admitted in the last
 * `windowMs` (a refused one does not count). No window opens or closes, so a client that waits for
 * "the window's end" after a 429 waits for nothing; room comes back one request at a time, as the
 * oldest admitted ones age out. Headers: what is left of the last window's count, and the whole
 * seconds until the oldest admitted request ages out (at least 1).
 */
export class SlidingWindow implements RateModel {
	/** When the admitted requests of the last window arrived, oldest first. */
	private readonly admittedAt: number[] = [];

	constructor(
		readonly limit: number,
		readonly windowMs = 1000,
	) {}

	take(now: number): RateTake {
		while (this.admittedAt.length > 0 && this.admittedAt[0] + this.windowMs <= now)
			this.admittedAt.shift();
		const admitted = this.admittedAt.length < this.limit;
		if (admitted) this.admittedAt.push(now);
		const oldest = this.admittedAt[0] ?? now;
		const headers: Record<string, string> = {
			'x-ratelimit-limit': String(this.limit),
			'x-ratelimit-remaining': String(this.limit - this.admittedAt.length),
			'x-ratelimit-reset': String(Math.max(1, Math.ceil((oldest + this.windowMs - now) / 1000))),
		};
		return { admitted, headers };
	}
}

/** The model named `name`, admitting `limit` requests per `windowMs`. */
export function rateModel(name: RateModelName, limit: number, windowMs = 1000): RateModel {
	if (name === 'sliding') return new SlidingWindow(limit, windowMs);
	if (name === 'bucket') return new TokenBucket(limit, windowMs);
	return new RateWindow(limit, windowMs);
}
