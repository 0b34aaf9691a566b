import { createHash } from 'node:crypto';

import { realClock, type Clock } from './clock';
import { LATE_PAUSE, reachedTelnyx, SharedKeyPace, type KeyView } from './sharedKey';
import { WindowShape } from './windowShape';

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

/**
 * Until Telnyx names its limit (headers only on 429s), one more request on its way per this many
 * answers. Every request on its way when the window fills is refused: processes that start
 * together on a key they know nothing of spend fewer 429s learning its limit (in the simulation,
 * 16 processes: 29 instead of 86), and one alone still finds it within its first window.
 */
const ANSWERS_PER_MORE = 5;

/** A 429 without Retry-After or reset pauses the key this long. */
const DEFAULT_PAUSE_MS = 1000;
/** Never pause a key longer than this on Telnyx's word alone. */
const MAX_PAUSE_MS = 60_000;
/**
 * After this long with nothing sent, what was learned about the key (its limit, this process's
 * share) is forgotten. Until then it is kept, as Telnyx's limit does not change between bursts: a
 * few seconds idle must not send the next burst into 429s again.
 */
const FORGET_AFTER_IDLE_MS = 60_000;

/**
 * Admits requests for one API key:
 * - at most `maxConcurrent` waiting for an answer (one, until the first answer tells about the key);
 * - at most the user's own cap per second, evenly spaced;
 * - when Telnyx announces a limit (x-ratelimit-limit per window, the window being the longest
 *   x-ratelimit-reset seen), up to it per window. A request counts from the moment it leaves until
 *   one window after its answer came back: it reached Telnyx somewhere in between, so however
 *   Telnyx places its window, it never sees more than that from this process. A limit once
 *   learned (from any answer, a 429's included) is kept until Telnyx announces another one;
 * - after a 429, or when Telnyx's window is used up by others, nothing until the window ends: the
 *   end of the window this process saw open, or of the one after it (Retry-After and reset are
 *   whole seconds), else Retry-After. A 429 to a request that reached Telnyx before that end, or
 *   that left before the one whose answer showed the current window open, tells of a window that
 *   is over: no pause. Without remaining counts, whether room comes back before the window's end
 *   (a sliding window, a token bucket) is read from the 429s (windowShape.ts): then a 429 pauses
 *   a tenth of a window, else one request may probe during a long pause;
 * - other processes may share the key (n8n queue mode) and share nothing but Telnyx's answers:
 *   each paces itself at a rate of its own, sized by what Telnyx's windows showed (sharedKey.ts);
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

	/**
	 * Answers so far: until the first, one request at a time; until Telnyx names its limit, one
	 * more at a time per ANSWERS_PER_MORE answers (see there).
	 */
	private answered = 0;

	/** This process's own pace while others share the key. */
	private readonly pace = new SharedKeyPace();

	/** Whether room comes back before the window's end, without remaining counts (windowShape.ts). */
	private readonly shape = new WindowShape();

	/** Whether an accepted answer told the remaining count: then the counts pace the key. */
	private counts = false;

	/** During a pause, one request (the probe) may leave at this time; undefined: none. */
	private probeAt: number | undefined;

	/** When the accepted probe left: a 429 to a request that left before it pauses nothing. */
	private resumedBy = -Infinity;

	private lastBusyAt = 0;

	configure(settings: LimiterSettings) {
		this.settings = settings;
	}

	/** Requests to send per window, while a limit is known (see above). */
	get allowance(): number | undefined {
		return this.learnedLimit;
	}

	/** The key's limit per window, as Telnyx announced it. */
	get limit(): number | undefined {
		return this.learnedLimit;
	}

	/** The rate this process allows itself below the key's limit, per second (undefined: none). */
	get rate(): number | undefined {
		return this.pace.rate;
	}

	/** Requests sent and not answered yet. */
	get sending(): number {
		return this.inFlight;
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
		const windowMs = this.windowSeconds * 1000;
		// Kept until Telnyx announces another one: an answer without the header says nothing.
		if (signal.limit !== undefined && signal.limit > 0) this.learnedLimit = signal.limit;
		if (signal.resetSeconds !== undefined && signal.resetSeconds > this.windowSeconds) {
			this.windowSeconds = Math.min(signal.resetSeconds, MAX_PAUSE_MS / 1000);
		}
		if (signal.status === undefined) return;
		this.answered++;
		const key = this.view(now);
		const sentAt = leftAt ?? now;
		if (signal.status !== 429 && signal.remaining !== undefined) this.counts = true;
		const windowEnds = this.pace.windowEndsAt;
		if (
			!this.counts &&
			this.shape.observe(
				signal.status === 429,
				sentAt,
				reachedTelnyx(now, leftAt),
				windowEnds,
				windowMs,
			)
		) {
			// The probe was accepted: room came back before the window's end, the pause is over.
			this.pausedUntil = Math.min(this.pausedUntil, now);
			this.resumedBy = sentAt;
		}
		let pauseMs = 0;
		if (signal.status === 429) {
			pauseMs = signal.retryAfterMs ?? (signal.resetSeconds ?? 0) * 1000;
			if (!(pauseMs > 0)) pauseMs = DEFAULT_PAUSE_MS;
			this.pace.refused(key, now, leftAt);
		} else {
			this.pace.accepted(key, now, signal.remaining, leftAt);
			const limit = this.learnedLimit;
			if (signal.remaining === 0 && limit !== undefined && key.counted < limit) {
				// Telnyx's window is used up before ours is: others use this key too.
				pauseMs = signal.resetSeconds !== undefined ? signal.resetSeconds * 1000 : 0;
			}
		}
		// A 429 overtaken by the answer that showed a new window open: the window it hit is over.
		// Or one to a request that left before the accepted probe: room came back since.
		if (signal.status === 429 && (this.pace.overtaken(leftAt) || sentAt < this.resumedBy))
			pauseMs = 0;
		if (pauseMs > 0) {
			// Telnyx's Retry-After and reset are whole seconds: the end of the window seen opening
			// is nearer when it is known; one expected to have ended just now ends any moment.
			const endsAt = this.pace.windowEndsAt;
			let until = now + Math.min(pauseMs, MAX_PAUSE_MS);
			if (endsAt > 0) {
				// The windows follow each other: the one seen, or the one after it, ends next. A
				// request that reached Telnyx before that end hit the window ending.
				const late = reachedTelnyx(now, leftAt) - endsAt;
				const next =
					late >= 0 && late < LATE_PAUSE * windowMs
						? now + LATE_PAUSE * windowMs
						: endsAt + Math.max(0, Math.ceil(late / windowMs)) * windowMs;
				until = Math.min(until, next);
			}
			if (!this.counts && until > this.pausedUntil) {
				const pause = this.shape.pause(now, until, windowMs);
				until = pause.until;
				this.probeAt = pause.probeAt;
			}
			this.pausedUntil = Math.max(this.pausedUntil, until);
		}
	}

	/** What the pace needs to know of the key and of this process's requests. */
	private view(now: number): KeyView {
		return {
			limit: this.learnedLimit,
			windowSeconds: this.windowSeconds,
			inFlight: this.inFlight,
			counted: this.counted(now),
		};
	}

	private forget() {
		this.learnedLimit = undefined;
		this.windowSeconds = 1;
		this.answered = 0;
		this.pace.forget();
		this.shape.forget();
		this.counts = false;
		this.probeAt = undefined;
		this.resumedBy = -Infinity;
	}

	/** Requests that may count in Telnyx's current window: in flight, or answered within a window. */
	private counted(now: number): number {
		const windowMs = this.windowSeconds * 1000;
		// The same sum as the wake-up time in waitMs: rounding must not keep a request counted.
		while (this.answeredAt.length > 0 && this.answeredAt[0] + windowMs <= now)
			this.answeredAt.shift();
		this.pace.trim(now, windowMs);
		return this.inFlight + this.answeredAt.length;
	}

	/**
	 * How long the next request must wait, by every rule but concurrency; Infinity when only an
	 * answer can make room (the window is full of requests still in flight).
	 */
	private waitMs(now: number): number {
		const windowMs = this.windowSeconds * 1000;
		let until = Math.max(this.pausedUntil, this.nextSlotAt);
		// The probe leaves during the pause (windowShape.ts).
		if (this.probeAt !== undefined && this.pausedUntil > now)
			until = Math.max(this.probeAt, this.nextSlotAt);
		const allowance = this.allowance;
		if (this.nextSlotAt > now) this.pace.held();
		if (allowance !== undefined && this.counted(now) >= allowance) {
			if (this.answeredAt.length === 0) return Infinity;
			until = Math.max(until, this.answeredAt[0] + windowMs);
		}
		return until - now;
	}

	/**
	 * Requests per second by the user's cap and this process's own rate (alone: the key's limit,
	 * evenly spaced, so that another process starting on the key finds room); 0: none applies.
	 */
	private spacingRate(): number {
		const own =
			this.pace.rate ??
			(this.learnedLimit !== undefined ? this.learnedLimit / this.windowSeconds : 0);
		const rates = [this.settings.maxPerSecond, own].filter((r) => r > 0);
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
				// Knowing nothing of the key yet, one request first: its answer tells what to do.
				let maxConcurrent =
					this.settings.maxConcurrent > 0 ? this.settings.maxConcurrent : Infinity;
				if (this.learnedLimit === undefined)
					maxConcurrent = Math.min(maxConcurrent, 1 + Math.floor(this.answered / ANSWERS_PER_MORE));
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
				if (this.pausedUntil > now) {
					this.shape.probeSent(now);
					this.probeAt = undefined;
				}
				this.inFlight++;
				this.pace.sent(now);
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
