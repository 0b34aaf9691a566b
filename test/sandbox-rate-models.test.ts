/**
 * The sandbox's three shapes of rate limit (Telnyx does not say which one it uses): a fixed
 * one-second window, a sliding one (the last 1,000 ms) and a token bucket. Times in ms, on the
 * sandbox's virtual clock: nothing here waits.
 */
import {
	RateWindow,
	SlidingWindow,
	startSandbox,
	TokenBucket,
	VirtualClock,
	type RateModel,
	type TexmlSandbox,
} from '../sandbox';

/** Which of the requests arriving at `times` each model admits (limit 2 per second). */
function admitted(model: RateModel, times: number[]) {
	return times.map((t) => model.take(t).admitted);
}

const TIMES = [0, 500, 900, 1000, 1400, 1500, 1999];

describe('the models, request by request (limit 2 per second)', () => {
	test('fixed window: a new window at 1000 admits two more at once', () => {
		expect(admitted(new RateWindow(2), TIMES)).toEqual([
			true,
			true,
			false,
			true,
			true,
			false,
			false,
		]);
	});

	test('sliding window: room comes back one request at a time, as the admitted ones age out', () => {
		// At 1000 the one of 0 has aged out; at 1400 those of 500 and 1000 still count; at 1500 the
		// one of 500 ages out; at 1999 those of 1000 and 1500 still count. The refused one of 900
		// never counted.
		expect(admitted(new SlidingWindow(2), TIMES)).toEqual([
			true,
			true,
			false,
			true,
			false,
			true,
			false,
		]);
	});

	test('token bucket: two at once, then one token back every 500 ms, saved up to two', () => {
		// 900 finds the 0.8 token of 500–900 on top of the one left at 500.
		expect(admitted(new TokenBucket(2), TIMES)).toEqual([
			true,
			true,
			true,
			true,
			false,
			true,
			false,
		]);
	});

	test('sliding window headers: what is left of the last 1,000 ms, and whole seconds until room', () => {
		const window = new SlidingWindow(3);
		expect(window.take(0).headers).toEqual({
			'x-ratelimit-limit': '3',
			'x-ratelimit-remaining': '2',
			'x-ratelimit-reset': '1',
		});
		window.take(100);
		const full = window.take(200);
		expect([full.admitted, full.headers['x-ratelimit-remaining']]).toEqual([true, '0']);
		const refused = window.take(300);
		expect([refused.admitted, refused.headers['x-ratelimit-remaining']]).toEqual([false, '0']);
		// The request of 0 aged out at 1000: one more fits.
		expect(window.take(1000).headers['x-ratelimit-remaining']).toBe('0');
		expect(window.take(1050).admitted).toBe(false);
	});
});

describe('the sandbox with rateLimitModel sliding', () => {
	let sandbox: TexmlSandbox;
	afterEach(async () => await sandbox.close());

	/** One request at each of `times` (ms from the start, virtual): status and x-ratelimit-limit. */
	async function at(times: number[], headers: 'always' | 'on429') {
		const clock = new VirtualClock(0, false);
		sandbox = await startSandbox({
			faults: { rateLimit: 2, rateLimitHeaders: headers, rateLimitModel: 'sliding' },
			clock,
		});
		const answers: Array<[number, string | null, string | null]> = [];
		for (const t of times) {
			await clock.advance(t - clock.now());
			const res = await fetch(`${sandbox.baseUrl}/whoami`, {
				headers: { authorization: `Bearer ${sandbox.account.apiKey}` },
			});
			await res.text();
			answers.push([
				res.status,
				res.headers.get('x-ratelimit-remaining'),
				res.headers.get('retry-after'),
			]);
		}
		return answers;
	}

	test('counts the last 1,000 ms: refused at 900, admitted at 1000, refused at 1400, admitted at 1500', async () => {
		expect(await at([0, 500, 900, 1000, 1400, 1500], 'always')).toEqual([
			[200, '1', null],
			[200, '0', null],
			[429, '0', '1'],
			[200, '0', null],
			[429, '0', '1'],
			[200, '0', null],
		]);
	});

	test('with headers only on 429s, the 200s carry none', async () => {
		expect(await at([0, 500, 900, 1000], 'on429')).toEqual([
			[200, null, null],
			[200, null, null],
			[429, '0', '1'],
			[200, null, null],
		]);
	});
});
