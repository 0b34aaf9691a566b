import { createHash } from 'node:crypto';
import { sleep } from 'n8n-workflow';

/** What the user allows for one API key (node option "Sending"). 0 means no cap of its own. */
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

/**
 * Admits requests for one API key:
 * - at most `maxConcurrent` waiting for an answer;
 * - with a cap of the user's own, evenly spaced at that many per second;
 * - when Telnyx announces a limit (x-ratelimit-limit per window, the window being the longest
 *   x-ratelimit-reset seen), up to it per window. A request counts from the moment it
 *   leaves until one window after its answer came back: it reached Telnyx somewhere in between,
 *   so however Telnyx places its window, it never sees more than that. A burst can thus use
 *   Telnyx's whole window without a 429;
 * - after a 429, or when Telnyx says the window is used up, nothing until Telnyx says so.
 */
export class Limiter {
	private settings: LimiterSettings = { maxConcurrent: 10, maxPerSecond: 0 };

	private inFlight = 0;

	private readonly queue: Array<() => void> = [];

	private pumping = false;

	private wakeOnRelease: (() => void) | undefined;

	/** Earliest time the next request may leave (the user's cap). */
	private nextSlotAt = 0;

	/** No request leaves before this time (429, window used up). */
	private pausedUntil = 0;

	private advertisedLimit: number | undefined;

	private windowSeconds = 1;

	/** When the answers of the last window came back, oldest first. */
	private readonly answeredAt: number[] = [];

	configure(settings: LimiterSettings) {
		this.settings = settings;
	}

	/**
	 * Requests to send per advertised window, or undefined while Telnyx announces no limit. The
	 * whole limit: counting each request until a window after its answer leaves no need for headroom.
	 */
	get allowance(): number | undefined {
		return this.advertisedLimit;
	}

	get idle(): boolean {
		return this.inFlight === 0 && this.queue.length === 0;
	}

	/** Resolves when this request may be sent; call `release` once its response (or failure) is in. */
	async acquire(): Promise<void> {
		await new Promise<void>((resolve) => {
			this.queue.push(resolve);
			void this.pump();
		});
	}

	release(signal: RateLimitSignal = {}) {
		this.inFlight--;
		const now = Date.now();
		this.answeredAt.push(now);
		this.counted(now); // drops what is older than a window, so the list stays short
		this.observe(signal);
		const wake = this.wakeOnRelease;
		this.wakeOnRelease = undefined;
		wake?.();
	}

	/** Learns from one response's headers. */
	observe(signal: RateLimitSignal) {
		const now = Date.now();
		// An answer without a limit means none is announced any more (a limit is not kept forever).
		if (signal.status !== undefined) this.advertisedLimit = signal.limit && signal.limit > 0 ? signal.limit : undefined;
		if (signal.resetSeconds !== undefined && signal.resetSeconds > this.windowSeconds) {
			this.windowSeconds = Math.min(signal.resetSeconds, MAX_PAUSE_MS / 1000);
		}
		let pauseMs = 0;
		if (signal.status === 429) {
			pauseMs = signal.retryAfterMs ?? (signal.resetSeconds ?? 0) * 1000;
			if (!(pauseMs > 0)) pauseMs = DEFAULT_PAUSE_MS;
		} else if (signal.remaining === 0 && signal.resetSeconds !== undefined && this.counted(now) < (this.allowance ?? 0)) {
			// Telnyx's window is used up before ours is: others use this key too. Its reset is coarse
			// (whole seconds), so it is only followed when our own count cannot explain the 0.
			pauseMs = signal.resetSeconds * 1000;
		}
		if (pauseMs > 0) this.pausedUntil = Math.max(this.pausedUntil, now + Math.min(pauseMs, MAX_PAUSE_MS));
	}

	/** Requests that may count in Telnyx's current window: in flight, or answered within a window. */
	private counted(now: number): number {
		const windowMs = this.windowSeconds * 1000;
		while (this.answeredAt.length > 0 && this.answeredAt[0] <= now - windowMs) this.answeredAt.shift();
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

	/** One loop per key hands out slots in arrival order; it sleeps instead of busy-waiting. */
	private async pump() {
		if (this.pumping) return;
		this.pumping = true;
		try {
			while (this.queue.length > 0) {
				const now = Date.now();
				const waitMs = this.waitMs(now);
				const maxConcurrent = this.settings.maxConcurrent > 0 ? this.settings.maxConcurrent : Infinity;
				if (waitMs === Infinity || (waitMs <= 0 && this.inFlight >= maxConcurrent)) {
					await new Promise<void>((resolve) => (this.wakeOnRelease = resolve));
					continue;
				}
				if (waitMs > 0) {
					await sleep(waitMs);
					continue;
				}
				if (this.settings.maxPerSecond > 0) {
					// Spacing counts from the previous slot, so a late wake-up is made up, but by at
					// most half a slot: the user's cap is never exceeded by a burst.
					const interval = 1000 / this.settings.maxPerSecond;
					this.nextSlotAt = Math.max(this.nextSlotAt, now - interval / 2) + interval;
				}
				this.inFlight++;
				this.queue.shift()!();
			}
		} finally {
			this.pumping = false;
		}
	}
}

/** Keys of idle limiters beyond this many are forgotten, oldest first. */
const MAX_KEYS = 50;

const limiters = new Map<string, Limiter>();

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
		limiter = new Limiter();
		for (const [oldId, old] of limiters) {
			if (limiters.size < MAX_KEYS) break;
			if (old.idle) limiters.delete(oldId);
		}
	}
	limiters.set(id, limiter);
	return limiter;
}

/** Reads Telnyx's rate-limit headers (n8n gives header names in lower case). */
export function rateLimitSignal(status: number, headers: Record<string, unknown> = {}): RateLimitSignal {
	const number = (name: string) => {
		const value = Number(headers[name]);
		return headers[name] !== undefined && Number.isFinite(value) && value >= 0 ? value : undefined;
	};
	let resetSeconds = number('x-ratelimit-reset');
	// Telnyx sends seconds until the reset; a value that large can only be a Unix time.
	if (resetSeconds !== undefined && resetSeconds > 1e9) resetSeconds = Math.max(0, resetSeconds - Date.now() / 1000);
	return {
		status,
		limit: number('x-ratelimit-limit'),
		remaining: number('x-ratelimit-remaining'),
		resetSeconds,
		retryAfterMs: retryAfterMs(headers),
	};
}

/** retry-after-ms, else Retry-After in seconds or as an HTTP date, as the official SDK reads them. */
export function retryAfterMs(headers: Record<string, unknown>): number | undefined {
	const ms = Number(headers['retry-after-ms']);
	if (headers['retry-after-ms'] !== undefined && Number.isFinite(ms) && ms >= 0) return ms;
	const raw = headers['retry-after'];
	if (raw === undefined) return undefined;
	const seconds = Number(raw);
	if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
	const date = Date.parse(String(raw));
	return Number.isNaN(date) ? undefined : Math.max(0, date - Date.now());
}
