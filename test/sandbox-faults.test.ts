/** The sandbox's rate limit as a client meets it: which answers carry Telnyx's x-ratelimit-* headers. */
import { startSandbox, VirtualClock, type FaultOptions, type TexmlSandbox } from '../sandbox';

let sandbox: TexmlSandbox;
afterEach(async () => await sandbox.close());

/**
 * 20 requests at once against a limit of 1 per second: one answered 200, 19 answered 429. The
 * sandbox's clock stands still (virtual), so all 20 fall in one window however long they take.
 */
async function burst(faults: FaultOptions) {
	sandbox = await startSandbox({ faults, clock: new VirtualClock(undefined, false) });
	const answers = await Promise.all(
		Array.from({ length: 20 }, () =>
			fetch(`${sandbox.baseUrl}/whoami`, {
				headers: { authorization: `Bearer ${sandbox.account.apiKey}` },
			}).then(async (r) => {
				await r.text();
				return {
					status: r.status,
					limit: r.headers.get('x-ratelimit-limit'),
					retryAfter: r.headers.get('retry-after'),
				};
			}),
		),
	);
	const ok = answers.filter((a) => a.status === 200);
	const refused = answers.filter((a) => a.status === 429);
	expect([ok.length, refused.length]).toEqual([1, 19]);
	return { ok, refused };
}

test('by default every answer carries x-ratelimit-*, the 429s Retry-After too', async () => {
	const { ok, refused } = await burst({ rateLimit: 1 });
	expect(new Set(ok.map((a) => a.limit))).toEqual(new Set(['1']));
	expect(new Set(refused.map((a) => a.limit))).toEqual(new Set(['1']));
	expect(refused.every((a) => Number(a.retryAfter) >= 1)).toBe(true);
});

test('rateLimitHeaders on429: only the 429s tell the limit', async () => {
	const { ok, refused } = await burst({ rateLimit: 1, rateLimitHeaders: 'on429' });
	expect(new Set(ok.map((a) => a.limit))).toEqual(new Set([null]));
	expect(new Set(refused.map((a) => a.limit))).toEqual(new Set(['1']));
	expect(refused.every((a) => Number(a.retryAfter) >= 1)).toBe(true);
});
