import { Limiter } from '../nodes/TelnyxTexml/transport/limiter';
import { VirtualClock } from '../sandbox';

/** What the key's limiter keeps from Telnyx's answers, and how a late 429 is read (virtual time). */
describe('the key’s limiter', () => {
	test('keeps a learned limit and its reduced rate over a pause between bursts, forgets them after a minute idle', async () => {
		const clock = new VirtualClock(undefined, false);
		const limiter = new Limiter(clock);
		await limiter.acquire();
		limiter.release({ status: 429, limit: 7, resetSeconds: 1, retryAfterMs: 1 });
		expect(limiter.allowance).toBe(7);
		const reduced = limiter.rate;
		expect(reduced).toBeCloseTo(4.9);

		await clock.advance(5_000);
		await limiter.acquire();
		limiter.release({ status: 200 });
		expect(limiter.allowance).toBe(7);
		expect(limiter.rate).toBeDefined();

		await clock.advance(61_000);
		await limiter.acquire();
		limiter.release({ status: 200 });
		expect(limiter.allowance).toBeUndefined();
		expect(limiter.rate).toBeUndefined();
	});

	test('a 429 answered after more than a window slows down from the rate sent, not to the floor', async () => {
		const clock = new VirtualClock(undefined, false);
		const limiter = new Limiter(clock);
		await Promise.all(Array.from({ length: 10 }, async () => await limiter.acquire()));
		const leftAt = clock.now();
		for (let i = 0; i < 9; i++) limiter.release({ status: 200 });
		await clock.advance(1300);
		limiter.release({ status: 429, retryAfterMs: 1 }, leftAt);

		// 10 requests in 1.3 s, 70 % of it: far above the floor of 0.5 per second.
		expect(limiter.rate).toBeCloseTo((10 / 1.3) * 0.7);
	});
});
