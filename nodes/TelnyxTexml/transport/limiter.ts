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
/** Share of the key's limit that processes sharing it leave unused, so that together they stay under. */
const MARGIN = 0.05;
/** Without remaining counts, a 429 never takes a process below this share of its own rate. */
const GENTLEST = 0.7;
/** Each process takes this share of what a window left unused on top (all alike: fairness). */
const EVEN_STEP = 0.3;
/** Without remaining counts, a clean window lets a process try this much more… */
const PROBE = 0.1;
/** …and this share of the limit on top (all alike: fairness). */
const PROBE_EVEN = 0.1;
/** The most one window's answers scale a process's own rate by, up or down… */
const MAX_STEP = 4;
/** …of which it moves this power (part of the way, in log terms): no swinging past. */
const DAMPING = 0.7;
/** A remaining count that rises by more than this share of the limit: a new window. */
const REOPENED = 0.2;
/** A 429 past the window end this process expected: Telnyx's window ends soon, so a short pause. */
const LATE_PAUSE = 0.1;
/** The gentle start: this share of the limit, for this share of a window (unless others show up). */
const START_SHARE = 0.5;
const START_LOOK = 0.2;
/** The pace of Telnyx's count is read over at least this share of a window (after 429s), else… */
const SPAN_READ = 0.05;
/** …over this much: a short span of a clean window says more about others' bursts than their pace. */
const SPAN_READ_CLEAN = 0.5;
/** Others clearly use the key when they took this share of a window. */
const OTHERS_ACTIVE = 0.1;
/** The lowest rate a process lowers itself to, in requests per second. */
const MIN_RATE = 0.5;
/**
 * After this long with nothing sent, what was learned about the key (its limit, this process's
 * share) is forgotten. Until then it is kept, as Telnyx's limit does not change between bursts: a
 * few seconds idle must not send the next burst into 429s again.
 */
const FORGET_AFTER_IDLE_MS = 60_000;
/** How many windows of send times are kept, to read the rate a 429'd request was sent at. */
const SENT_WINDOWS_KEPT = 10;

/** What this process saw of one of Telnyx's windows (see `windowClosed`). */
interface Seen {
	/** When it opened, about. */
	start: number;
	/** This process's requests Telnyx accepted in it, and refused. */
	mine: number;
	limited: number;
	/** The lowest x-ratelimit-remaining seen; undefined: none told. */
	minRemaining?: number;
	/** The most requests of other processes its counts showed. */
	others: number;
	/** The first and last remaining count seen, and when those requests reached Telnyx, about. */
	first?: { remaining: number; at: number };
	last?: { remaining: number; at: number };
	/** Whether this process's own rate held requests back in it. */
	bound: boolean;
}

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
 *   end of the window this process saw open (Retry-After and reset are whole seconds), else
 *   Retry-After;
 * - other processes may share the key (n8n queue mode) and share nothing but Telnyx's answers.
 *   Those tell every process the same: how much of the shared window is left. So each process
 *   paces itself at its own rate, sized once per window by what the window showed: the key's
 *   use of it (the lowest remaining count, how fast the count went down, the 429s) scales the
 *   rate so that all processes, each scaling alike, together fill the limit less a margin; a
 *   share of what was left unused is added alike to all, so that one that got less catches up.
 *   When only 429s carry the headers: after 429s, down to what Telnyx accepted from it; after a
 *   clean window, a small probe up. A process starts gently (half the limit) until its first
 *   answers show whether others are at work; alone, it takes the whole limit at once;
 * - a request answered 429 (Telnyx did not process it) goes ahead of those not sent yet.
 * docs/queue-mode.md tells the design and the simulation it was tuned with.
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

	/** When the requests of the last windows left, oldest first (the rate actually sent at). */
	private readonly sentAt: number[] = [];

	/** Answers of the last windows: when, and whether Telnyx accepted the request. */
	private readonly outcomes: Array<{ at: number; ok: boolean }> = [];

	/** Requests per second this process allows itself, evenly spaced; undefined: the key's whole limit. */
	private own: number | undefined;

	/** Where Telnyx's current window ends, as seen from its start; 0: not known. */
	private windowEndsAt = 0;

	private lastRemaining: number | undefined;

	/** A 429 came since the last accepted answer (the next accepted one opens a window). */
	private limitedSinceAccepted = false;

	private window: Seen = { start: 0, mine: 0, limited: 0, others: 0, bound: false };

	/** Whether any answer came yet: until then, one request at a time. */
	private answered = false;

	/** When the gentle start began; Infinity: over; undefined: not yet. */
	private startedAt: number | undefined;

	private lastDecreaseAt = -Infinity;

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
		return this.own;
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
		this.answered = true;
		const ok = signal.status !== 429;
		this.outcomes.push({ at: now, ok });
		// When Telnyx received it, about: halfway between leaving and the answer.
		const arrivedAt = leftAt === undefined ? now : (leftAt + now) / 2;
		const limit = this.learnedLimit;
		const remaining = ok ? signal.remaining : undefined;
		let pauseMs = 0;
		if (!ok) {
			this.window.limited++;
			this.limitedSinceAccepted = true;
			pauseMs = signal.retryAfterMs ?? (signal.resetSeconds ?? 0) * 1000;
			if (!(pauseMs > 0)) pauseMs = DEFAULT_PAUSE_MS;
			// With remaining counts, the window's close sizes the rate (the 429s included).
			if (this.lastRemaining === undefined) this.slowDown(now, leftAt);
		} else {
			// An answer overtaken by the one that opened the window belongs to the window before.
			const late = arrivedAt < this.window.start;
			// A window opened: Telnyx's count went up again, or it accepted this after refusing.
			const opened = late
				? false
				: remaining !== undefined && limit !== undefined
					? this.reopened(remaining, limit, arrivedAt)
					: this.limitedSinceAccepted || now - this.window.start >= 2 * windowMs;
			if (opened) {
				this.windowClosed();
				this.window = { start: arrivedAt, mine: 0, limited: 0, others: 0, bound: false };
				this.windowEndsAt = arrivedAt + windowMs;
			}
			if (!late) this.window.mine++;
			if (!late && remaining !== undefined && limit !== undefined) {
				this.lastRemaining = remaining;
				this.window.minRemaining = Math.min(this.window.minRemaining ?? Infinity, remaining);
				// Counted by Telnyx but neither accepted from this process yet nor still on the way.
				const others = limit - remaining - this.window.mine - this.inFlight;
				this.window.others = Math.max(this.window.others, others);
				this.window.first ??= { remaining, at: arrivedAt };
				this.window.last = { remaining, at: arrivedAt };
				this.starting(now, limit, others);
			}
			this.limitedSinceAccepted = false;
			if (remaining === 0 && limit !== undefined && this.counted(now) < limit) {
				// Telnyx's window is used up before ours is: others use this key too.
				pauseMs = signal.resetSeconds !== undefined ? signal.resetSeconds * 1000 : 0;
			}
		}
		if (pauseMs > 0) {
			// Telnyx's Retry-After and reset are whole seconds: the end of the window seen opening
			// is nearer when it is known; one expected to have ended already ends any moment.
			let until = now + Math.min(pauseMs, MAX_PAUSE_MS);
			if (this.windowEndsAt > now) until = Math.min(until, this.windowEndsAt);
			else if (this.windowEndsAt > 0 && now - this.windowEndsAt < windowMs)
				until = Math.min(until, now + LATE_PAUSE * windowMs);
			this.pausedUntil = Math.max(this.pausedUntil, until);
		}
	}

	/**
	 * The first answers that tell the remaining count: a gentle start (half the limit) until they
	 * show whether others use the key. Alone, the whole limit at once; with others, the window's
	 * close sizes this process's share.
	 */
	private starting(now: number, limit: number, others: number) {
		if (this.startedAt === undefined) {
			if (this.own !== undefined) return;
			this.startedAt = now;
			this.own = (limit * START_SHARE) / this.windowSeconds;
		}
		if (this.startedAt === Infinity) return;
		if (others > limit * OTHERS_ACTIVE) this.startedAt = Infinity;
		else if (now - this.startedAt >= START_LOOK * this.windowSeconds * 1000) {
			this.startedAt = Infinity;
			this.own = undefined;
		}
	}

	/**
	 * Whether Telnyx's count went up again: a new window. Answers overtake each other by up to the
	 * requests on the way, so a small rise means one only late in the window.
	 */
	private reopened(remaining: number, limit: number, arrivedAt: number): boolean {
		if (this.lastRemaining === undefined) return true;
		const rise = remaining - this.lastRemaining;
		const windowMs = this.windowSeconds * 1000;
		// A window lasts a whole one: no new one within half a window of the last opening.
		if (rise <= 0 || arrivedAt - this.window.start < 0.5 * windowMs) return false;
		const lateInWindow = arrivedAt - this.window.start >= 0.9 * windowMs;
		return (
			remaining >= limit - 1 ||
			rise > Math.max(limit * REOPENED, this.inFlight + 2) ||
			(lateInWindow && rise > 2)
		);
	}

	/** The key's limit per second, as far as it is known. */
	private ceiling(): number | undefined {
		return this.learnedLimit !== undefined ? this.learnedLimit / this.windowSeconds : undefined;
	}

	/**
	 * What the window that just closed showed sizes this process's own rate for the next one. With
	 * remaining counts: the key's use of that window, estimated from the lowest count seen (plus
	 * what the others sent after this process's last request, and what Telnyx refused), scales the
	 * rate so that all processes together, each scaling alike, fill the limit less the margin; an
	 * even step of what was left unused lets a process that got less catch up. Without them: after
	 * a clean window a small probe.
	 */
	private windowClosed() {
		const { mine, limited, minRemaining, others, bound, first, last } = this.window;
		const limit = this.learnedLimit;
		const ceiling = this.ceiling();
		if (limit === undefined || ceiling === undefined || mine + limited === 0) return;
		if (minRemaining !== undefined) {
			const used = limit - minRemaining;
			let usage = used;
			if (limited > 0) usage = Math.max(usage, (limit * (mine + limited)) / Math.max(1, mine));
			// How fast the count went down: a window used up early was asked for that much more.
			const windowMs = this.windowSeconds * 1000;
			if (
				first &&
				last &&
				// Read over a short span only when 429s say the window was overrun: else noise.
				last.at - first.at >= (limited > 0 ? SPAN_READ : SPAN_READ_CLEAN) * windowMs &&
				last.remaining < first.remaining
			)
				usage = Math.max(
					usage,
					((first.remaining - last.remaining) * windowMs) / (last.at - first.at),
				);
			if (this.own === undefined) {
				// Alone so far: others showing up means a start at this process's share of the use.
				if (others <= limit * OTHERS_ACTIVE && limited === 0) return;
				this.own = (ceiling * (1 - MARGIN) * mine) / Math.max(usage, 1);
			} else {
				let factor = (limit * (1 - MARGIN)) / Math.max(usage, 1);
				if (!bound) factor = Math.min(1, factor);
				factor = Math.min(MAX_STEP, Math.max(1 / MAX_STEP, factor)) ** DAMPING;
				const unused = Math.max(0, limit * (1 - MARGIN) - usage);
				this.own = this.own * factor + (EVEN_STEP * unused) / this.windowSeconds;
			}
		} else {
			if (this.own === undefined || limited > 0 || !bound) return;
			this.own = this.own * (1 + PROBE) + ceiling * PROBE_EVEN;
		}
		this.own = Math.min(ceiling, Math.max(MIN_RATE, this.own));
		// Alone again (a window without others or 429s) at the key's whole limit: the rate no
		// longer binds, Telnyx's headers do.
		const alone = minRemaining === undefined || others <= limit * OTHERS_ACTIVE;
		if (this.own >= ceiling && alone && limited === 0) this.own = undefined;
	}

	/**
	 * After 429s, once per window: to what Telnyx accepted of what this process sent over the last
	 * window (or since the 429'd request left, when its answer took longer than a window), less
	 * the margin; never below GENTLEST of the rate it allowed itself.
	 */
	private slowDown(now: number, leftAt?: number) {
		const windowMs = this.windowSeconds * 1000;
		if (now - this.lastDecreaseAt < windowMs) return;
		this.lastDecreaseAt = now;

		const since = Math.min(now - windowMs, leftAt ?? now);
		const sent = this.sentAt.filter((at) => at >= since).length;
		const answered = this.outcomes.filter((o) => o.at >= since);
		const accepted =
			answered.length > 0 ? answered.filter((o) => o.ok).length / answered.length : 1;
		const perSecond = (sent * accepted) / Math.max(this.windowSeconds, (now - since) / 1000);
		const from = Math.min(this.ceiling() ?? Infinity, perSecond);
		this.own = Math.max(MIN_RATE, from * (1 - MARGIN), (this.own ?? 0) * GENTLEST);
	}

	private forget() {
		this.learnedLimit = undefined;
		this.windowSeconds = 1;
		this.own = undefined;
		this.lastDecreaseAt = -Infinity;
		this.windowEndsAt = 0;
		this.lastRemaining = undefined;
		this.answered = false;
		this.startedAt = undefined;
	}

	/** Requests that may count in Telnyx's current window: in flight, or answered within a window. */
	private counted(now: number): number {
		const windowMs = this.windowSeconds * 1000;
		// The same sum as the wake-up time in waitMs: rounding must not keep a request counted.
		while (this.answeredAt.length > 0 && this.answeredAt[0] + windowMs <= now)
			this.answeredAt.shift();
		while (this.sentAt.length > 0 && this.sentAt[0] <= now - SENT_WINDOWS_KEPT * windowMs)
			this.sentAt.shift();
		while (this.outcomes.length > 0 && this.outcomes[0].at <= now - SENT_WINDOWS_KEPT * windowMs)
			this.outcomes.shift();
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
		if (this.own !== undefined && this.nextSlotAt > now) this.window.bound = true;
		if (allowance !== undefined && this.counted(now) >= allowance) {
			if (this.answeredAt.length === 0) return Infinity;
			until = Math.max(until, this.answeredAt[0] + windowMs);
		}
		return until - now;
	}

	/** Requests per second by the user's cap and this process's own rate; 0: neither applies. */
	private spacingRate(): number {
		const rates = [this.settings.maxPerSecond, this.own ?? 0].filter((r) => r > 0);
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
				const maxConcurrent = !this.answered
					? 1
					: this.settings.maxConcurrent > 0
						? this.settings.maxConcurrent
						: Infinity;
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
