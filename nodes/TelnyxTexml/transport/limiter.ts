import { createHash } from 'node:crypto';

import { realClock, type Clock } from './clock';

/** What the user allows for one API key (credential, or the node's older Sending option). 0: no cap. */
export interface LimiterSettings {
	maxConcurrent: number;
	maxPerSecond: number;
}

/** What Telnyx said about its rate limit in one response. */
export interface RateLimitSignal {
	status?: number;
	/** x-ratelimit-limit: requests allowed per window. */
	limit?: number;
	/** x-ratelimit-remaining: requests left in the current window. */
	remaining?: number;
	/** x-ratelimit-reset: seconds until the window starts again. */
	resetSeconds?: number;
	/** Retry-After (or retry-after-ms), in milliseconds. */
	retryAfterMs?: number;
}

/** A 429 without Retry-After or reset pauses the key this long. */
const DEFAULT_PAUSE_MS = 1000;
/** Never pause a key longer than this on Telnyx's word alone. */
const MAX_PAUSE_MS = 60_000;
/** On a 429 the process keeps this share of the rate it was sending at (multiplicative decrease). */
const DECREASE = 0.7;
/** While answers come back clean, the rate grows by this share of the key's limit per second. */
const INCREASE = 0.05;
/** The lowest rate a process lowers itself to, in requests per second. */
const MIN_RATE = 0.5;
/**
 * After this long with nothing sent, what was learned about the key (its limit, this process's
 * reduced rate) is forgotten. Until then it is kept, as Telnyx's limit does not change between
 * bursts: a few seconds idle must not send the next burst into 429s again.
 */
const FORGET_AFTER_IDLE_MS = 60_000;
/** How many windows of send times are kept, to read the rate a 429'd request was sent at. */
const SENT_WINDOWS_KEPT = 10;

/**
 * Admits requests for one API key:
 * - at most `maxConcurrent` waiting for an answer;
 * - at most the user's own cap per second, evenly spaced;
 * - when Telnyx announces a limit (x-ratelimit-limit per window, the window being the longest
 *   x-ratelimit-reset seen), up to it per window. A request counts from the moment it leaves until
 *   one window after its answer came back: it reached Telnyx somewhere in between, so however
 *   Telnyx places its window, it never sees more than that from this process. A limit once learned
 *   (from any answer, a 429's included) is kept until Telnyx announces another one;
 * - after a 429, or when Telnyx says the window is used up, nothing until Telnyx says so;
 * - other processes may share the key (n8n queue mode) and nothing is shared between them but
 *   Telnyx's answers. So a 429 also lowers this process's own rate (to 70 % of what it was
 *   sending), and clean answers raise it again slowly (by 5 % of the key's limit per second) until
 *   it no longer binds: processes that share a key settle near their fair share of its limit;
 * - a request answered 429 (Telnyx did not process it) goes ahead of those not sent yet.
 */
export class Limiter {
	/** `clock`: the real one, but for tests and the simulation. */
	constructor(readonly clock: Clock = realClock) {}

	private settings: LimiterSettings = { maxConcurrent: 10, maxPerSecond: 0 };

	private inFlight = 0;

	/** Requests answered 429, waiting to be sent again: they go first. */
	private readonly again: Array<() => void> = [];

	private readonly queue: Array<() => void> = [];

	private pumping = false;

	private wakeOnRelease: (() => void) | undefined;

	/** Earliest time the next request may leave (the user's cap, this process's own rate). */
	private nextSlotAt = 0;

	/** No request leaves before this time (429, window used up). */
	private pausedUntil = 0;

	private learnedLimit: number | undefined;

	private windowSeconds = 1;

	/** When the answers of the last window came back, oldest first. */
	private readonly answeredAt: number[] = [];

	/** When the requests of the last window left, oldest first (the rate actually sent at). */
	private readonly sentAt: number[] = [];

	/** Requests per second this process allows itself after 429s; undefined: no rate of its own. */
	private ownRate: number | undefined;

	/** The rate this process was sending at when the first 429 came, when Telnyx names no limit. */
	private rateAtFirst429: number | undefined;

	private lastDecreaseAt = 0;

	private lastIncreaseAt = 0;

	private lastBusyAt = 0;

	configure(settings: LimiterSettings) {
		this.settings = settings;
	}

	/** Requests to send per window, while a limit is known; the whole limit (see above). */
	get allowance(): number | undefined {
		return this.learnedLimit;
	}

	/** The rate this process allows itself after 429s, in requests per second (undefined: none). */
	get rate(): number | undefined {
		return this.ownRate;
	}

	get idle(): boolean {
		return this.inFlight === 0 && this.queue.length === 0 && this.again.length === 0;
	}

	/**
	 * Resolves when this request may be sent; call `release` once its answer (or failure) is in.
	 * `first`: the request was answered 429 and goes ahead of those not sent yet.
	 */
	async acquire(first = false): Promise<void> {
		const now = this.clock.now();
		if (
			this.idle &&
			now - this.lastBusyAt > Math.max(FORGET_AFTER_IDLE_MS, 3 * this.windowSeconds * 1000)
		) {
			this.forget();
		}
		this.lastBusyAt = now;
		await new Promise<void>((resolve) => {
			(first ? this.again : this.queue).push(resolve);
			void this.pump();
		});
	}

	/** `leftAt`: when the request left (so a late 429 reads the rate it was sent at). */
	release(signal: RateLimitSignal = {}, leftAt?: number) {
		this.inFlight--;
		const now = this.clock.now();
		this.lastBusyAt = now;
		this.answeredAt.push(now);
		this.counted(now); // drops what is older than a window, so the lists stay short
		this.observe(signal, leftAt);
		const wake = this.wakeOnRelease;
		this.wakeOnRelease = undefined;
		wake?.();
	}

	/** Learns from one answer's status and headers. */
	observe(signal: RateLimitSignal, leftAt?: number) {
		const now = this.clock.now();
		// Kept until Telnyx announces another one: an answer without the header says nothing.
		if (signal.limit !== undefined && signal.limit > 0) this.learnedLimit = signal.limit;
		if (signal.resetSeconds !== undefined && signal.resetSeconds > this.windowSeconds) {
			this.windowSeconds = Math.min(signal.resetSeconds, MAX_PAUSE_MS / 1000);
		}
		let pauseMs = 0;
		if (signal.status === 429) {
			pauseMs = signal.retryAfterMs ?? (signal.resetSeconds ?? 0) * 1000;
			if (!(pauseMs > 0)) pauseMs = DEFAULT_PAUSE_MS;
			this.slowDown(now, leftAt);
		} else if (signal.status !== undefined) {
			if (
				signal.remaining === 0 &&
				signal.resetSeconds !== undefined &&
				this.counted(now) < (this.allowance ?? 0)
			) {
				// Telnyx's window is used up before ours is: others use this key too. Its reset is
				// coarse (whole seconds), so it is only followed when our own count cannot explain the 0.
				pauseMs = signal.resetSeconds * 1000;
			}
			this.speedUp(now);
		}
		if (pauseMs > 0)
			this.pausedUntil = Math.max(this.pausedUntil, now + Math.min(pauseMs, MAX_PAUSE_MS));
	}

	/** The key's limit per second, as far as it is known. */
	private ceiling(): number | undefined {
		return this.learnedLimit !== undefined
			? this.learnedLimit / this.windowSeconds
			: this.rateAtFirst429;
	}

	/**
	 * Multiplicative decrease, once per window (the 429s of one burst are one signal), from the rate
	 * this process allows itself: its own rate, else the key's limit, else what it sent in the window.
	 */
	private slowDown(now: number, leftAt?: number) {
		const windowMs = this.windowSeconds * 1000;
		if (now - this.lastDecreaseAt < windowMs) return;
		// The rate sent at: over the last window, or since the 429'd request left when its answer
		// took longer than a window (else a late 429 would read no rate at all and drop to the floor).
		const since = Math.min(now - windowMs, leftAt ?? now);
		const sent = this.sentAt.filter((at) => at >= since).length;
		const sending = sent / Math.max(this.windowSeconds, (now - since) / 1000);
		if (this.learnedLimit === undefined) this.rateAtFirst429 ??= sending > 0 ? sending : undefined;
		const from = this.ownRate ?? this.ceiling() ?? sending;
		this.ownRate = Math.max(MIN_RATE, from * DECREASE);
		this.lastDecreaseAt = now;
		this.lastIncreaseAt = now;
	}

	/** Additive increase while answers come back clean and there is something to send. */
	private speedUp(now: number) {
		if (this.ownRate === undefined) return;
		const elapsed = (now - this.lastIncreaseAt) / 1000;
		this.lastIncreaseAt = now;
		if (this.queue.length === 0 && this.again.length === 0) return;
		const ceiling = this.ceiling();
		this.ownRate += Math.max(MIN_RATE, (ceiling ?? 10) * INCREASE) * elapsed;
		// Back at the key's whole limit: the rate no longer binds, Telnyx's headers do.
		if (ceiling !== undefined && this.ownRate >= ceiling) this.ownRate = undefined;
	}

	private forget() {
		this.learnedLimit = undefined;
		this.windowSeconds = 1;
		this.ownRate = undefined;
		this.rateAtFirst429 = undefined;
		this.lastDecreaseAt = 0;
	}

	/** Requests that may count in Telnyx's current window: in flight, or answered within a window. */
	private counted(now: number): number {
		const windowMs = this.windowSeconds * 1000;
		while (this.answeredAt.length > 0 && this.answeredAt[0] <= now - windowMs)
			this.answeredAt.shift();
		while (this.sentAt.length > 0 && this.sentAt[0] <= now - SENT_WINDOWS_KEPT * windowMs)
			this.sentAt.shift();
		return this.inFlight + this.answeredAt.length;
	}

	/**
	 * How long the next request must wait, by every rule but concurrency; Infinity when only an
	 * answer can make room (the window is full of requests still in flight).
	 */
	private waitMs(now: number): number {
		const windowMs = this.windowSeconds * 1000;
		let until = Math.max(this.pausedUntil, this.nextSlotAt);
		const allowance = this.allowance;
		if (allowance && this.counted(now) >= allowance) {
			if (this.answeredAt.length === 0) return Infinity;
			until = Math.max(until, this.answeredAt[0] + windowMs);
		}
		return until - now;
	}

	/** Requests per second by the user's cap and this process's own rate; 0: neither applies. */
	private spacingRate(): number {
		const rates = [this.settings.maxPerSecond, this.ownRate ?? 0].filter((r) => r > 0);
		return rates.length > 0 ? Math.min(...rates) : 0;
	}

	/** One loop per key hands out slots, re-sent requests first; it sleeps instead of busy-waiting. */
	private async pump() {
		if (this.pumping) return;
		this.pumping = true;
		try {
			while (this.again.length > 0 || this.queue.length > 0) {
				const now = this.clock.now();
				const waitMs = this.waitMs(now);
				const maxConcurrent =
					this.settings.maxConcurrent > 0 ? this.settings.maxConcurrent : Infinity;
				if (waitMs === Infinity || (waitMs <= 0 && this.inFlight >= maxConcurrent)) {
					await new Promise<void>((resolve) => (this.wakeOnRelease = resolve));
					continue;
				}
				if (waitMs > 0) {
					await this.clock.sleep(waitMs);
					continue;
				}
				const rate = this.spacingRate();
				if (rate > 0) {
					// Spacing counts from the previous slot, so a late wake-up is made up, but by at
					// most half a slot: the cap is never exceeded by a burst.
					const interval = 1000 / rate;
					this.nextSlotAt = Math.max(this.nextSlotAt, now - interval / 2) + interval;
				}
				this.inFlight++;
				this.sentAt.push(now);
				(this.again.length > 0 ? this.again : this.queue).shift()!();
			}
		} finally {
			this.pumping = false;
		}
	}
}

/** Keys of idle limiters beyond this many are forgotten, oldest first. */
const MAX_KEYS = 50;

const limiters = new Map<string, Limiter>();

/** The clock of limiters created from now on: the real one, but in tests. */
let clockOfNewLimiters: Clock = realClock;

/** Sets the clock of the limiters `limiterFor` creates from now on (tests); returns the old one. */
export function setLimiterClock(clock: Clock): Clock {
	const before = clockOfNewLimiters;
	clockOfNewLimiters = clock;
	return before;
}

/**
 * The limiter shared by every item and execution using this API key against this base URL. The map
 * holds a hash of the two, never the key itself.
 */
export function limiterFor(apiKey: string, baseUrl: string): Limiter {
	const id = createHash('sha256').update(`${baseUrl}\n${apiKey}`).digest('base64url');
	let limiter = limiters.get(id);
	if (limiter) {
		limiters.delete(id); // re-insert: Map order is least recently used first
	} else {
		limiter = new Limiter(clockOfNewLimiters);
		for (const [oldId, old] of limiters) {
			if (limiters.size < MAX_KEYS) break;
			if (old.idle) limiters.delete(oldId);
		}
	}
	limiters.set(id, limiter);
	return limiter;
}

/** Reads Telnyx's rate-limit headers (n8n gives header names in lower case). */
export function rateLimitSignal(
	status: number,
	headers: Record<string, unknown> = {},
	now = Date.now(),
): RateLimitSignal {
	const number = (name: string) => {
		const value = Number(headers[name]);
		return headers[name] !== undefined && Number.isFinite(value) && value >= 0 ? value : undefined;
	};
	let resetSeconds = number('x-ratelimit-reset');
	// Telnyx sends seconds until the reset; a value that large can only be a Unix time.
	if (resetSeconds !== undefined && resetSeconds > 1e9)
		resetSeconds = Math.max(0, resetSeconds - now / 1000);
	return {
		status,
		limit: number('x-ratelimit-limit'),
		remaining: number('x-ratelimit-remaining'),
		resetSeconds,
		retryAfterMs: retryAfterMs(headers, now),
	};
}

/** retry-after-ms, else Retry-After in seconds or as an HTTP date, as the official SDK reads them. */
export function retryAfterMs(
	headers: Record<string, unknown>,
	now = Date.now(),
): number | undefined {
	const ms = Number(headers['retry-after-ms']);
	if (headers['retry-after-ms'] !== undefined && Number.isFinite(ms) && ms >= 0) return ms;
	const raw = headers['retry-after'];
	if (raw === undefined) return undefined;
	const seconds = Number(raw);
	if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
	const date = Date.parse(String(raw));
	return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}
