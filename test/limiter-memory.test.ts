import { Limiter } from '../nodes/TelnyxTexml/transport/limiter';

/** What the key's limiter keeps from Telnyx's answers, and how a late 429 is read. */
afterEach(() => jest.restoreAllMocks());

describe('the key’s limiter', () => {
	test('keeps a learned limit and its reduced rate over a pause between bursts, forgets them after a minute idle', async () => {
		const limiter = new Limiter();
		await limiter.acquire();
		limiter.release({ status: 429, limit: 7, resetSeconds: 1, retryAfterMs: 1 });
		expect(limiter.allowance).toBe(7);
		const reduced = limiter.rate;
		expect(reduced).toBeCloseTo(4.9);

		const start = Date.now();
		const now = jest.spyOn(Date, 'now').mockReturnValue(start + 5_000);
		await limiter.acquire();
		limiter.release({ status: 200 });
		expect(limiter.allowance).toBe(7);
		expect(limiter.rate).toBeDefined();

		now.mockReturnValue(start + 5_000 + 61_000);
		await limiter.acquire();
		limiter.release({ status: 200 });
		expect(limiter.allowance).toBeUndefined();
		expect(limiter.rate).toBeUndefined();
	});

	test('a 429 answered after more than a window slows down from the rate sent, not to the floor', async () => {
		const limiter = new Limiter();
		await Promise.all(Array.from({ length: 10 }, async () => await limiter.acquire()));
		const leftAt = Date.now();
		for (let i = 0; i < 9; i++) limiter.release({ status: 200 });
		await new Promise((resolve) => setTimeout(resolve, 1300));
		limiter.release({ status: 429, retryAfterMs: 1 }, leftAt);

		// 10 requests in about 1.3 s, 70 % of it: far above the floor of 0.5 per second.
		expect(limiter.rate).toBeGreaterThan(3);
		expect(limiter.rate).toBeLessThan(7.1);
	});
});
