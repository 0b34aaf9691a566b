/**
 * Whether room on the key comes back before the window's end, read from 429s alone (headers only
 * on 429s; with remaining counts on every answer, the counts pace the key: sharedKey.ts).
 *
 * Telnyx does not say how its limit counts. With fixed windows, once a window is full every
 * request until its end is refused, so after a 429 the key waits for that end. With a sliding
 * window (the last second's count) or a token bucket, room comes back a request at a time: waiting
 * for an end that does not exist leaves the key idle for half a window on average, while the other
 * processes on the key go on (in the simulation, 2 processes took 1.21–1.31× the floor instead of
 * 1.09–1.11× with fixed windows).
 *
 * The answers tell which. During a long pause one request, the probe, leaves a tenth of a window
 * after the 429: with fixed windows it is refused (one 429 more), with room coming back it is
 * accepted and the pause ends. A probe accepted, or a request accepted that reached Telnyx well
 * after one that was refused and well before the window seen open ends (impossible with fixed
 * windows), is a point for room coming back; a probe refused, or a 429 after a short pause, a
 * point against. With more points for than against, a 429 pauses the key a tenth of a window.
 */

/** The short pause, and the probe's delay after a 429: this share of a window. */
const SHORT_PAUSE = 0.1;
/** A probe only when the pause goes on at least this share of a window after it. */
const PROBE_BEFORE_END = 0.3;
/** Evidence counts only this share of a window before the end of the window seen open… */
const BEFORE_END = 0.2;
/** …and this share of a window after the refused request (answers overtake each other). */
const AFTER_REFUSED = 0.05;
/** The points stay within ± this, so that either reading can change within a few windows. */
const MOST = 2;
/** The first this many pauses send no probe: the first windows go to learning the limit. */
const QUIET_PAUSES = 2;
/** With the most points against, one probe per this many windows still checks. */
const RECHECK_WINDOWS = 20;

/** What a 429 does to the key: no request before `until`, but one (the probe) at `probeAt`. */
export interface Pause {
	until: number;
	probeAt?: number;
}

export class WindowShape {
	private points = 0;

	/** When the last refused request reached Telnyx, about. */
	private refusedAt: number | undefined;

	/** When the last short pause ended: a 429 to a request that left after it tells against. */
	private shortUntil: number | undefined;

	/** When the probe on its way left; undefined: none. */
	private probeLeftAt: number | undefined;

	private lastProbeAt = -Infinity;

	/** Pauses so far: the first ones (the key's first windows, its limit just learned) send no probe. */
	private pauses = 0;

	/** Whether room comes back within a window, as the answers so far tell. */
	get trickles(): boolean {
		return this.points > 0;
	}

	probeSent(now: number) {
		this.probeLeftAt = now;
		this.lastProbeAt = now;
	}

	/**
	 * One answer: refused (429) or not, when its request left and reached Telnyx (about), and where
	 * the window seen open ends (0: not known). Returns true for an accepted probe: room came back.
	 */
	observe(
		refused: boolean,
		leftAt: number,
		arrivedAt: number,
		endsAt: number,
		windowMs: number,
	): boolean {
		if (this.probeLeftAt !== undefined && leftAt === this.probeLeftAt) {
			this.probeLeftAt = undefined;
			this.score(refused ? -1 : 1);
			if (refused) this.refusedAt = arrivedAt;
			return !refused;
		}
		if (refused) {
			if (this.shortUntil !== undefined && leftAt >= this.shortUntil) {
				this.score(-1);
				this.shortUntil = undefined;
			}
			this.refusedAt = Math.max(this.refusedAt ?? -Infinity, arrivedAt);
			return false;
		}
		if (
			this.refusedAt !== undefined &&
			endsAt > 0 &&
			this.refusedAt >= endsAt - windowMs &&
			arrivedAt >= this.refusedAt + AFTER_REFUSED * windowMs &&
			arrivedAt <= endsAt - BEFORE_END * windowMs
		) {
			this.score(1);
			this.refusedAt = undefined;
		}
		if (this.shortUntil !== undefined && leftAt >= this.shortUntil) this.shortUntil = undefined;
		return false;
	}

	/** A 429 would pause the key until `until`: shorter when room comes back, else perhaps a probe. */
	pause(now: number, until: number, windowMs: number): Pause {
		this.pauses++;
		const short = now + SHORT_PAUSE * windowMs;
		if (this.trickles) {
			this.shortUntil = Math.min(until, short);
			return { until: this.shortUntil };
		}
		const checks = this.points > -MOST || now - this.lastProbeAt >= RECHECK_WINDOWS * windowMs;
		const long = until - short >= PROBE_BEFORE_END * windowMs;
		if (this.pauses > QUIET_PAUSES && checks && long && this.probeLeftAt === undefined)
			return { until, probeAt: short };
		return { until };
	}

	forget() {
		this.points = 0;
		this.refusedAt = undefined;
		this.shortUntil = undefined;
		this.probeLeftAt = undefined;
		this.lastProbeAt = -Infinity;
		this.pauses = 0;
	}

	private score(point: number) {
		this.points = Math.max(-MOST, Math.min(MOST, this.points + point));
	}
}
