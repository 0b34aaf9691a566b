/**
 * Where the sandbox reads the time and waits. The sandbox models Telnyx and takes nothing from the
 * node; the node's sending core has a clock of the same shape, so a test hands one virtual clock
 * to both and the sandbox counts its rate window in the limiter's time.
 */
export interface Clock {
	now(): number;
	sleep(ms: number): Promise<void>;
}

export const realClock: Clock = {
	now: () => Date.now(),
	sleep: async (ms: number) => await new Promise<void>((resolve) => setTimeout(resolve, ms)),
};

interface Timer {
	at: number;
	order: number;
	wake: () => void;
}

/**
 * Virtual time for tests and the simulation: `now()` moves only when a sleep is due. Started, it
 * runs as a discrete-event clock: once nothing else is left to run (no pending promise, no timer
 * or socket event of this turn), the earliest sleep ends and time jumps to it. Stopped (`auto`
 * false), sleeps wait until `advance` or `start`, so a test can act while the code under test waits.
 * Sleeps due at the same time end in the order they began: a run is repeatable exactly.
 */
export class VirtualClock implements Clock {
	private time: number;

	private readonly timers: Timer[] = [];

	private order = 0;

	private scheduled = false;

	private readonly onSleep: Array<() => void> = [];

	/**
	 * `busy`: while it says so (requests on real sockets still on their way), time does not jump,
	 * so a request takes no virtual time and the sandbox sees it when the limiter sent it.
	 */
	constructor(
		start = Date.UTC(2026, 0, 1),
		private auto = true,
		private readonly busy: () => boolean = () => false,
	) {
		this.time = start;
	}

	now(): number {
		return this.time;
	}

	async sleep(ms: number): Promise<void> {
		await new Promise<void>((wake) => {
			const at = this.time + Math.max(0, Number.isFinite(ms) ? ms : 0);
			this.timers.push({ at, order: this.order++, wake });
			for (const notify of this.onSleep.splice(0)) notify();
			this.schedule();
		});
	}

	/** Sleeps not ended yet. */
	get sleeping(): number {
		return this.timers.length;
	}

	/** Resolves once something sleeps on this clock (at once when something already does). */
	async untilSleeping(): Promise<void> {
		if (this.timers.length > 0) return;
		await new Promise<void>((resolve) => this.onSleep.push(resolve));
	}

	/** Lets time run on its own from now on (see above). */
	start() {
		this.auto = true;
		this.schedule();
	}

	/** Moves time forward by `ms`, ending the sleeps due on the way, in order. */
	async advance(ms: number) {
		const until = this.time + ms;
		for (;;) {
			const next = this.earliest();
			if (!next || next.at > until) break;
			this.fire(next);
			await new Promise<void>((resolve) => setImmediate(resolve));
		}
		this.time = until;
	}

	private earliest(): Timer | undefined {
		let best: Timer | undefined;
		for (const timer of this.timers)
			if (!best || timer.at < best.at || (timer.at === best.at && timer.order < best.order))
				best = timer;
		return best;
	}

	private fire(timer: Timer) {
		this.timers.splice(this.timers.indexOf(timer), 1);
		this.time = Math.max(this.time, timer.at);
		timer.wake();
	}

	/** After everything runnable now has run (setImmediate comes after pending promises), one sleep ends. */
	private schedule() {
		if (!this.auto || this.scheduled) return;
		this.scheduled = true;
		setImmediate(() => {
			this.scheduled = false;
			if (!this.auto) return;
			if (this.busy()) {
				this.scheduled = true;
				setTimeout(() => {
					this.scheduled = false;
					this.schedule();
				}, 1);
				return;
			}
			const next = this.earliest();
			if (!next) return;
			this.fire(next);
			if (this.timers.length > 0) this.schedule();
		});
	}
}
