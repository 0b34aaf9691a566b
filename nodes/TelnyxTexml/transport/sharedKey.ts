/**
 * How one process paces itself while other processes send with the same API key (n8n queue mode,
 * several instances). Nothing is shared between them but Telnyx's answers, which tell each of them
 * the same: how much of the one shared window is left. The limiter (limiter.ts) keeps the key's
 * limit and the requests of this process; this keeps the rate the process allows itself and what
 * it saw of Telnyx's windows. docs/queue-mode.md tells the design and the simulation it was tuned
 * with (scripts/simulate.ts).
 */

/** Share of the key's limit that processes sharing it leave unused, so that together they stay under. */
const MARGIN = 0.05;
/** Without remaining counts, a 429 never takes a process below this share of its own rate. */
const GENTLEST = 0.7;
/** Each process takes this share of what a window left unused on top (all alike: fairness). */
const EVEN_STEP = 0.3;
/** Without remaining counts, a clean window lets a process try this much more… */
const PROBE = 0.1;
/** …doubled for each clean window in a row before, up to this many times… */
const MAX_DOUBLINGS = 4;
/** …and this share of the limit on top (all alike: fairness). */
const PROBE_EVEN = 0.05;
/** The most one window's answers scale a process's own rate by, up or down… */
const MAX_STEP = 4;
/** …of which it moves this power (part of the way, in log terms): no swinging past. */
const DAMPING = 0.7;
/** A remaining count that rises by more than this share of the limit: a new window. */
const REOPENED = 0.2;
/** A window seen open this many windows ago is over, whatever the count says (or without one). */
const WINDOW_OVER = 1.1;
/**
 * A 429 less than this share of a window past the end this process expected: that end was seen a
 * little early, Telnyx's window ends soon, so a pause this long. Later: the next window is full too.
 */
export const LATE_PAUSE = 0.1;
/** The gentle start: this share of the limit, for this share of a window (unless others show up). */
const START_SHARE = 0.35;
const START_LOOK = 0.2;
/** A process whose first answers are 429s (others hold the key) starts at this share of the limit… */
const NEWCOMER_SHARE = 0.2;
/** …and one refused after a first window it shared, at no less than this share. */
const FIRST_SHARE = 0.1;
/** The pace of Telnyx's count is read over at least this share of a window (after 429s), else… */
const SPAN_READ = 0.05;
/** …over this much: a short span of a clean window says more about others' bursts than their pace. */
const SPAN_READ_CLEAN = 0.5;
/** Others clearly use the key when they took this share of a window. */
const OTHERS_ACTIVE = 0.1;
/** Room within a window is read after this share of it, while at least this share is left… */
const ROOM_LOOK = 0.25;
/** …and taken when the key's pace is below this share of what would use the window up. */
const ROOM = 0.7;
/** The lowest rate a process lowers itself to, in requests per second. */
const MIN_RATE = 0.5;
/** How many windows of send times are kept, to read the rate a 429'd request was sent at. */
const SENT_WINDOWS_KEPT = 10;

/** What the limiter knows of the key and of this process's requests, at one answer. */
export interface KeyView {
	/** x-ratelimit-limit, as learned; undefined: not yet. */
	limit: number | undefined;
	windowSeconds: number;
	/** This process's requests on their way. */
	inFlight: number;
	/** This process's requests that may count in Telnyx's current window. */
	counted: number;
}

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
	/** When room seen within it last raised the rate (see `takeRoom`). */
	raised?: number;
}

/** When a request that left at `leftAt` and was answered at `now` reached Telnyx, about: halfway. */
export const reachedTelnyx = (now: number, leftAt = now): number => (leftAt + now) / 2;

const unseen = (start: number): Seen => ({ start, mine: 0, limited: 0, others: 0, bound: false });

/**
 * - Each window, as it closes, sizes the rate: with remaining counts, the key's use of that window
 *   (the lowest count seen, how fast the count went down, the 429s) scales the rate so that all
 *   processes, each scaling alike, together fill the limit less a margin; a share of what was left
 *   unused is added alike to all, so that one that got less catches up. Without remaining counts
 *   (headers only on 429s): after a clean window a probe up, further for each clean window in a
 *   row; after 429s down to what Telnyx accepted.
 * - Within a window, room the key's pace leaves unused is taken at once (`takeRoom`).
 * - The window's end, seen from its opening, tells the limiter how long a 429 really holds.
 * - A gentle start: 35 % of the limit until the first answers show whether others are at work; a
 *   fifth of it when the first answers are 429s.
 */
export class SharedKeyPace {
	/** Requests per second this process allows itself, evenly spaced; undefined: the whole limit. */
	rate: number | undefined;

	/** Where Telnyx's current window ends, as seen from its opening; 0: not known. */
	windowEndsAt = 0;

	private window: Seen = unseen(0);

	private lastRemaining: number | undefined;

	/** When the request whose answer showed the current window open left. */
	private openedBy = -Infinity;

	/**
	 * When the last 429 came back, until a window opens: a request that left after it and is
	 * accepted opens one.
	 */
	private refusedAt: number | undefined;

	/** When the gentle start began; Infinity: over; undefined: not yet. */
	private startedAt: number | undefined;

	private lastDecreaseAt = -Infinity;

	/** Clean windows in a row (headers only on 429s), each probing further. */
	private cleanStreak = 0;

	/** When the requests of the last windows left, oldest first (the rate actually sent at). */
	private readonly sentAt: number[] = [];

	/** Answers of the last windows: when, and whether Telnyx accepted the request. */
	private readonly outcomes: Array<{ at: number; ok: boolean }> = [];

	/** A request left. */
	sent(now: number) {
		this.sentAt.push(now);
	}

	/** This process's own rate held a request back. */
	held() {
		if (this.rate !== undefined) this.window.bound = true;
	}

	/** Telnyx accepted a request that left at `leftAt`. */
	accepted(key: KeyView, now: number, remaining?: number, leftAt = now) {
		this.outcomes.push({ at: now, ok: true });
		const arrivedAt = reachedTelnyx(now, leftAt);
		const { limit } = key;
		const windowMs = key.windowSeconds * 1000;
		// An answer overtaken by the one that opened the window belongs to the window before.
		const late = arrivedAt < this.window.start;
		// A window opened: Telnyx's count went up again; without counts, this is the first answer,
		// or one to a request sent after a 429 came back (one sent before may have reached Telnyx
		// before the refused one)…
		const seen =
			!late &&
			(remaining !== undefined && limit !== undefined
				? this.reopened(key, remaining, arrivedAt)
				: (this.refusedAt !== undefined && leftAt >= this.refusedAt) || this.windowEndsAt === 0);
		// …or the one seen is over (a slow sender, or clean windows without counts).
		const over = !late && arrivedAt - this.window.start >= WINDOW_OVER * windowMs;
		if (seen || over) {
			this.windowClosed(key);
			let start = arrivedAt;
			// Not seen opening: the windows follow each other, so the one seen keeps its phase.
			if (!seen && this.windowEndsAt > 0) {
				start = this.windowEndsAt;
				start += Math.floor((arrivedAt - start) / windowMs) * windowMs;
			}
			this.window = unseen(start);
			this.openedBy = seen ? leftAt : start; // not seen opening: its start, about
			this.windowEndsAt = start + windowMs;
			this.refusedAt = undefined;
		}
		if (late) return;
		this.window.mine++;
		if (remaining === undefined || limit === undefined) return;
		this.lastRemaining = remaining;
		this.window.minRemaining = Math.min(this.window.minRemaining ?? Infinity, remaining);
		// Counted by Telnyx but neither accepted from this process yet nor still on the way.
		const others = limit - remaining - this.window.mine - key.inFlight;
		this.window.others = Math.max(this.window.others, others);
		this.window.first ??= { remaining, at: arrivedAt };
		this.window.last = { remaining, at: arrivedAt };
		this.starting(key, now, others);
		this.takeRoom(key, remaining, arrivedAt);
	}

	/** Telnyx answered 429. `leftAt`: when the request left. */
	refused(key: KeyView, now: number, leftAt?: number) {
		this.outcomes.push({ at: now, ok: false });
		this.window.limited++;
		this.refusedAt = now;
		// With remaining counts, the window's close sizes the rate (the 429s included).
		if (this.lastRemaining !== undefined) return;
		// Refused before Telnyx accepted anything from it of late: others hold the key, and what
		// this process got says nothing of its share. A gentle start, sized by the window's close.
		if (this.rate === undefined && key.limit !== undefined && !this.outcomes.some((o) => o.ok))
			this.rate = (key.limit * NEWCOMER_SHARE) / key.windowSeconds;
		else this.slowDown(key, now, leftAt);
	}

	/**
	 * Whether a request that left at `leftAt` left before the one that showed the current window
	 * open: its 429 tells of the window before, which is over.
	 */
	overtaken(leftAt?: number): boolean {
		return leftAt !== undefined && leftAt < this.openedBy;
	}

	/** Drops what is older than the windows kept. */
	trim(now: number, windowMs: number) {
		const kept = now - SENT_WINDOWS_KEPT * windowMs;
		while (this.sentAt.length > 0 && this.sentAt[0] <= kept) this.sentAt.shift();
		while (this.outcomes.length > 0 && this.outcomes[0].at <= kept) this.outcomes.shift();
	}

	forget() {
		this.rate = undefined;
		this.lastDecreaseAt = -Infinity;
		this.windowEndsAt = 0;
		this.window = unseen(0);
		this.openedBy = -Infinity;
		this.refusedAt = undefined;
		this.lastRemaining = undefined;
		this.startedAt = undefined;
		this.cleanStreak = 0;
	}

	/**
	 * The first answers that tell the remaining count: a gentle start (half the limit) until they
	 * show whether others use the key. Alone, the whole limit at once; with others, the window's
	 * close sizes this process's share.
	 */
	private starting(key: KeyView, now: number, others: number) {
		const limit = key.limit!;
		if (this.startedAt === undefined) {
			if (this.rate !== undefined) return;
			this.startedAt = now;
			this.rate = (limit * START_SHARE) / key.windowSeconds;
		}
		if (this.startedAt === Infinity) return;
		if (others > limit * OTHERS_ACTIVE) this.startedAt = Infinity;
		else if (now - this.startedAt >= START_LOOK * key.windowSeconds * 1000) {
			this.startedAt = Infinity;
			this.rate = undefined;
		}
	}

	/**
	 * Within a window: when the count shows room the key's current pace leaves unused (others
	 * slowed down or finished), this process takes its share of it at once: the room × its share of
	 * the window so far. Every process reads the same count, so together they take the room once.
	 */
	private takeRoom(key: KeyView, remaining: number, arrivedAt: number) {
		if (this.rate === undefined || !this.window.bound) return;
		const windowMs = key.windowSeconds * 1000;
		const elapsed = arrivedAt - this.window.start;
		const left = windowMs - elapsed;
		if (elapsed < ROOM_LOOK * windowMs || left < ROOM_LOOK * windowMs) return;
		if (arrivedAt - (this.window.raised ?? -Infinity) < ROOM_LOOK * windowMs) return;
		const limit = key.limit!;
		const used = limit - remaining;
		// Requests per second: what the key is sending at, and what would use the window up.
		const pace = (used * 1000) / elapsed;
		const allowed = (remaining * (1 - MARGIN) * 1000) / left;
		if (pace >= ROOM * allowed) return;
		this.window.raised = arrivedAt;
		const share = this.window.mine / Math.max(1, used);
		this.rate = Math.min(limit / key.windowSeconds, this.rate + (allowed - pace) * share);
	}

	/**
	 * Whether Telnyx's count went up again: a new window. Answers overtake each other by up to the
	 * requests on the way, so a small rise means one only late in the window.
	 */
	private reopened(key: KeyView, remaining: number, arrivedAt: number): boolean {
		if (this.lastRemaining === undefined) return true;
		const limit = key.limit!;
		const rise = remaining - this.lastRemaining;
		const windowMs = key.windowSeconds * 1000;
		// A window lasts a whole one: no new one within half a window of the last opening.
		if (rise <= 0 || arrivedAt - this.window.start < 0.5 * windowMs) return false;
		const lateInWindow = arrivedAt - this.window.start >= 0.9 * windowMs;
		return (
			remaining >= limit - 1 ||
			rise > Math.max(limit * REOPENED, key.inFlight + 2) ||
			(lateInWindow && rise > 2)
		);
	}

	/** What the window that just closed showed sizes the rate for the next one (see above). */
	private windowClosed(key: KeyView) {
		const { mine, limited, minRemaining, others, bound, first, last, raised } = this.window;
		const { limit, windowSeconds } = key;
		if (limit === undefined || mine + limited === 0) return;
		const ceiling = limit / windowSeconds;
		if (minRemaining !== undefined) {
			let usage = limit - minRemaining;
			if (limited > 0) usage = Math.max(usage, (limit * (mine + limited)) / Math.max(1, mine));
			// How fast the count went down: a window used up early was asked for that much more.
			// Read over a short span only when 429s say the window was overrun: else noise.
			const windowMs = windowSeconds * 1000;
			const span = first && last ? last.at - first.at : 0;
			if (
				first &&
				last &&
				span >= (limited > 0 ? SPAN_READ : SPAN_READ_CLEAN) * windowMs &&
				last.remaining < first.remaining
			)
				usage = Math.max(usage, ((first.remaining - last.remaining) * windowMs) / span);
			if (this.rate === undefined) {
				// Alone so far: others showing up means a start at this process's share of the use.
				if (others <= limit * OTHERS_ACTIVE && limited === 0) return;
				this.rate = (ceiling * (1 - MARGIN) * mine) / Math.max(usage, 1);
			} else {
				let factor = (limit * (1 - MARGIN)) / Math.max(usage, 1);
				// Not held back by its own rate, or already raised within the window: no higher.
				if (!bound || raised) factor = Math.min(1, factor);
				factor = Math.min(MAX_STEP, Math.max(1 / MAX_STEP, factor)) ** DAMPING;
				const unused = Math.max(0, limit * (1 - MARGIN) - usage);
				this.rate = this.rate * factor + (EVEN_STEP * unused) / windowSeconds;
			}
		} else {
			if (this.rate === undefined || limited > 0 || !bound) {
				this.cleanStreak = 0;
				return;
			}
			// Clean windows in a row: others may have left, so each probe goes further.
			const step = PROBE * 2 ** Math.min(this.cleanStreak++, MAX_DOUBLINGS);
			this.rate = this.rate * (1 + step) + ceiling * PROBE_EVEN;
		}
		this.rate = Math.min(ceiling, Math.max(MIN_RATE, this.rate));
		// Alone again (a window without others or 429s) at the key's whole limit: the rate no
		// longer binds, Telnyx's headers do.
		const alone = minRemaining === undefined || others <= limit * OTHERS_ACTIVE;
		if (this.rate >= ceiling && alone && limited === 0) this.rate = undefined;
	}

	/**
	 * After 429s without remaining counts, once per window: to what Telnyx accepted of what this
	 * process sent over the last window (or since the 429'd request left, when its answer took
	 * longer than a window), less the margin; never below GENTLEST of the rate it allowed itself.
	 */
	private slowDown(key: KeyView, now: number, leftAt?: number) {
		const windowMs = key.windowSeconds * 1000;
		if (now - this.lastDecreaseAt < windowMs) return;
		this.lastDecreaseAt = now;
		const since = Math.min(now - windowMs, leftAt ?? now);
		const sent = this.sentAt.filter((at) => at >= since).length;
		const answered = this.outcomes.filter((o) => o.at >= since);
		const accepted =
			answered.length > 0 ? answered.filter((o) => o.ok).length / answered.length : 1;
		const perSecond = (sent * accepted) / Math.max(key.windowSeconds, (now - since) / 1000);
		const ceiling = key.limit !== undefined ? key.limit / key.windowSeconds : Infinity;
		const from = Math.min(ceiling, perSecond);
		// The first 429: who got most of the first window is luck, not a share.
		const least = this.rate === undefined && key.limit !== undefined ? ceiling * FIRST_SHARE : 0;
		this.rate = Math.max(MIN_RATE, least, from * (1 - MARGIN), (this.rate ?? 0) * GENTLEST);
	}
}
