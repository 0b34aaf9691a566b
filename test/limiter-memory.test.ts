import { Limiter } from '../nodes/TelnyxTexml/transport/limiter';
import { VirtualClock } from '../sandbox';

/** What the key's limiter keeps from Telnyx's answers, and how a late 429 is read (virtual time). */
describe('the key’s limiter', () => {
	test('keeps a learned limit and its own rate over a pause between bursts, forgets them after a minute idle', async () => {
		const clock = new VirtualClock(undefined, false);
		const limiter = new Limiter(clock);
		await limiter.acquire();
		// Refused on its only request: others use the key; the process starts from the floor.
		limiter.release({ status: 429, limit: 7, resetSeconds: 1, retryAfterMs: 1 });
		expect(limiter.allowance).toBe(7);
		expect(limiter.rate).toBe(0.5);

		await clock.advance(5_000);
		await limiter.acquire();
		limiter.release({ status: 200 });
		expect(limiter.allowance).toBe(7);
		expect(limiter.rate).toBe(0.5);

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
		await limiter.acquire(); // alone until the first answer
		limiter.release({ status: 200 });
		await Promise.all(Array.from({ length: 10 }, async () => await limiter.acquire()));
		for (let i = 0; i < 9; i++) limiter.release({ status: 200 });
		await clock.advance(1300);
		limiter.release({ status: 429, retryAfterMs: 1 }, leftAt);

		// 10 of 11 requests accepted in 1.3 s, less the 5 % margin: far above the floor of 0.5/s.
		expect(limiter.rate).toBeCloseTo((10 / 1.3) * 0.95);
	});

	test('sends one request until the first answer, then up to Max Concurrent Requests', async () => {
		const clock = new VirtualClock(undefined, false);
		const limiter = new Limiter(clock);
		let granted = 0;
		const waiting = Array.from({ length: 5 }, async () => {
			await limiter.acquire();
			granted++;
		});
		await new Promise((resolve) => setImmediate(resolve)); // whatever can run, has
		expect(granted).toBe(1);
		limiter.release({ status: 200 });
		await Promise.all(waiting);
		expect(granted).toBe(5);
	});
});
