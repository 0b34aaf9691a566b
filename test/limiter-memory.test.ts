import { Limiter, type RateLimitSignal } from '../nodes/TelnyxTexml/transport/limiter';
import { VirtualClock } from '../sandbox';

/** What the key's limiter keeps from Telnyx's answers, and how a late 429 is read (virtual time). */
describe('the key’s limiter', () => {
	test('keeps a learned limit and its own rate over a pause between bursts, forgets them after a minute idle', async () => {
		const clock = new VirtualClock(undefined, false);
		const limiter = new Limiter(clock);
		await limiter.acquire();
		// Refused on its only request: others hold the key; a gentle start at a fifth of its limit.
		limiter.release({ status: 429, limit: 7, resetSeconds: 1, retryAfterMs: 1 });
		expect(limiter.allowance).toBe(7);
		expect(limiter.rate).toBeCloseTo(1.4);

		await clock.advance(5_000);
		await limiter.acquire();
		limiter.release({ status: 200 });
		expect(limiter.allowance).toBe(7);
		expect(limiter.rate).toBeCloseTo(1.4);

		await clock.advance(61_000);
		await limiter.acquire();
		limiter.release({ status: 200 });
		expect(limiter.allowance).toBeUndefined();
		expect(limiter.rate).toBeUndefined();
	});

	test('a 429 answered after more than a window slows down from the rate accepted, not to the floor', async () => {
		const clock = new VirtualClock(undefined, false);
		const limiter = new Limiter(clock);
		const leftAt = clock.now();
		for (let i = 0; i < 10; i++) {
			await limiter.acquire();
			limiter.release({ status: 200 });
		}
		await limiter.acquire();
		await clock.advance(1300);
		limiter.release({ status: 429, retryAfterMs: 1 }, leftAt);

		// 10 of 11 requests accepted in 1.3 s, less the 5 % margin: far above the floor of 0.5/s.
		expect(limiter.rate).toBeCloseTo((10 / 1.3) * 0.95);
	});

	test('sends one request until the first answer, one more per five answers until Telnyx names its limit, then up to Max Concurrent Requests', async () => {
		const clock = new VirtualClock(undefined, false);
		const limiter = new Limiter(clock);
		limiter.configure({ maxConcurrent: 10, maxPerSecond: 0 });
		let granted = 0;
		const waiting = Array.from({ length: 12 }, async () => {
			await limiter.acquire();
			granted++;
		});
		const settle = () => new Promise((resolve) => setImmediate(resolve)); // whatever can run, has
		await settle();
		expect(granted).toBe(1);
		// No limit named: still one on its way for four answers, two from the fifth.
		for (let answers = 1; answers <= 4; answers++) {
			limiter.release({ status: 200 });
			await settle();
			expect(granted).toBe(answers + 1);
			expect(limiter.sending).toBe(1);
		}
		limiter.release({ status: 200 });
		await settle();
		expect(granted).toBe(7);
		expect(limiter.sending).toBe(2);
		limiter.release({ status: 200, limit: 1000, remaining: 990, resetSeconds: 1 });
		// The limit is known: the rest go at its pace, up to Max Concurrent Requests.
		for (let ms = 0; ms < 100 && granted < 12; ms += 5) await clock.advance(5);
		await Promise.all(waiting);
		expect(granted).toBe(12);
		expect(limiter.sending).toBe(6);
	});
});

/** A 429 after the window this process saw open should have ended: how long the key waits. */
describe('a late 429', () => {
	const refused = { status: 429, limit: 100, remaining: 0, resetSeconds: 1, retryAfterMs: 1000 };

	/** A limiter (headers only on 429s) whose first answer opened the window [0, 1000). */
	async function windowOpenAt0(first: RateLimitSignal) {
		const clock = new VirtualClock(0, false);
		const limiter = new Limiter(clock);
		limiter.configure({ maxConcurrent: 10, maxPerSecond: 0 });
		await limiter.acquire();
		limiter.release(first, 0);
		return { clock, limiter };
	}

	/** When the next request leaves, the clock running from now on. */
	function nextLeaves(clock: VirtualClock, limiter: Limiter): Promise<number> {
		const sent = limiter.acquire().then(() => clock.now());
		clock.start();
		return sent;
	}

	/** A 429 at `at` to a request that left at `leftAt`. */
	async function refusedAt(at: number, leftAt = at) {
		const { clock, limiter } = await windowOpenAt0({ status: 200 });
		await clock.advance(at);
		await limiter.acquire();
		limiter.release(refused, leftAt);
		return nextLeaves(clock, limiter);
	}

	test('just after (its end was seen a little early): a short pause', async () => {
		expect(await refusedAt(1050)).toBe(1150);
	});

	test('well after: the window after it is full too, so the key waits for that one’s end', async () => {
		// Retry-After (whole seconds) would say 2300; the windows follow each other.
		expect(await refusedAt(1300)).toBe(2000);
	});

	test('answered after the end, but sent well before it: it reached Telnyx in the window that ended, no pause', async () => {
		// Left at 900, answered at 1060: it reached Telnyx at about 980, before the end at 1000.
		expect(await refusedAt(1060, 900)).toBe(1060);
	});

	/**
	 * A window [0, 1000) used up at 900; the answer to a request that left at 1000 shows the next
	 * one open at 1020; then the 429 to a request that left at `leftAt` comes back at 1050.
	 */
	async function refusedAfterNewWindow(leftAt: number) {
		const { clock, limiter } = await windowOpenAt0({ status: 200, limit: 100 });
		await clock.advance(880);
		await limiter.acquire();
		const second = limiter.acquire(); // evenly spaced: a moment later
		await clock.advance(20);
		await second;
		limiter.release(refused, 880); // [0, 1000) is full
		const opening = limiter.acquire();
		await clock.advance(100);
		await opening;
		await clock.advance(40);
		limiter.release({ status: 200 }, 1000); // left after the 429 came back: opens [1020, 2020)
		await clock.advance(10);
		limiter.release(refused, leftAt);
		return nextLeaves(clock, limiter);
	}

	test('overtaken by the answer that showed the next window open: it hit the window before, no pause', async () => {
		expect(await refusedAfterNewWindow(890)).toBe(1050);
	});

	test('not overtaken: the window just seen open is full, so the key waits for its end', async () => {
		expect(await refusedAfterNewWindow(1010)).toBe(2020);
	});
});
