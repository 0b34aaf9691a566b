/**
 * Telnyx's rate limit as the sandbox models it: a window of one second that opens with the first
 * request after the previous one closed, and admits `limit` requests. Every answer may carry what
 * is left of it (x-ratelimit-*); beyond the limit, a 429 with Retry-After. The sandbox server and
 * the limiter simulation both count with this one class.
 */
export class RateWindow {
	private start = -Infinity;

	private count = 0;

	constructor(
		readonly limit: number,
		readonly windowMs = 1000,
	) {}

	/** Counts one request arriving at `now`: whether it is admitted, and the headers that say so. */
	take(now: number): { admitted: boolean; headers: Record<string, string> } {
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
export class TokenBucket {
	private tokens: number;

	private last = -Infinity;

	constructor(
		readonly limit: number,
		readonly windowMs = 1000,
	) {
		this.tokens = limit;
	}

	take(now: number): { admitted: boolean; headers: Record<string, string> } {
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
