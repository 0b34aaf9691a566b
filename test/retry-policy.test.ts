import { isRetryable, retryDelayMs } from '../nodes/TelnyxTexml/transport/retry';
import { rateLimitSignal, retryAfterMs } from '../nodes/TelnyxTexml/transport/limiter';

/** The official SDK's retry policy, as the node applies it (see the Telnyx reference). */
describe('which failures are sent again', () => {
	it.each([408, 409, 429, 500, 502, 503, 504])(
		'%i: yes, for operations safe to repeat',
		(status) => {
			expect(isRetryable({ status }, true)).toBe(true);
		},
	);

	it.each([400, 401, 403, 404, 405, 415, 422])('%i: never', (status) => {
		expect(isRetryable({ status }, true)).toBe(false);
	});

	it.each(['ECONNRESET', 'ETIMEDOUT', 'ECONNABORTED', 'ECONNREFUSED', 'ENOTFOUND'])(
		'%s: yes, when safe to repeat',
		(code) => {
			expect(isRetryable({ code }, true)).toBe(true);
		},
	);

	it('a dial: only when the request cannot have reached Telnyx, or Telnyx did not process it', () => {
		expect(isRetryable({ code: 'ECONNREFUSED' }, false)).toBe(true);
		expect(isRetryable({ code: 'ENOTFOUND' }, false)).toBe(true);
		for (const code of ['ECONNRESET', 'ETIMEDOUT', 'ECONNABORTED'])
			expect(isRetryable({ code }, false)).toBe(false);
		for (const status of [408, 409, 500, 503]) expect(isRetryable({ status }, false)).toBe(false);
		// A 429: Telnyx did not process it (its dials-per-second limit included).
		expect(isRetryable({ status: 429 }, false)).toBe(true);
	});

	it('x-should-retry from Telnyx wins', () => {
		expect(isRetryable({ status: 503, shouldRetry: false }, true)).toBe(false);
		expect(isRetryable({ status: 400, shouldRetry: true }, true)).toBe(true);
		expect(isRetryable({ status: 503, shouldRetry: true }, false)).toBe(false);
	});
});

describe('how long to wait before the next attempt', () => {
	it('0.5 s × 2^n, at most 8 s, times a jitter from 0.75 to 1.0', () => {
		const lowest = (attempt: number) => retryDelayMs({ status: 503 }, attempt, () => 1);
		const highest = (attempt: number) => retryDelayMs({ status: 503 }, attempt, () => 0);
		expect([1, 2, 3, 4, 5, 6].map(highest)).toEqual([500, 1000, 2000, 4000, 8000, 8000]);
		expect([1, 2, 3, 4, 5, 6].map(lowest)).toEqual([375, 750, 1500, 3000, 6000, 6000]);
	});

	it('Retry-After (seconds or HTTP date) or retry-after-ms when Telnyx gives one, below a minute', () => {
		expect(retryAfterMs({ 'retry-after': '2' })).toBe(2000);
		expect(retryAfterMs({ 'retry-after-ms': '250', 'retry-after': '2' })).toBe(250);
		const now = Date.UTC(2026, 0, 1, 12, 0, 0);
		const inFiveSeconds = new Date(now + 5000).toUTCString();
		expect(retryAfterMs({ 'retry-after': inFiveSeconds }, now)).toBe(5000);
		expect(retryAfterMs({ 'retry-after': 'soon' })).toBeUndefined();
		expect(retryDelayMs({ status: 429, retryAfterMs: 2000 }, 1)).toBe(2000);
		expect(retryDelayMs({ status: 429, retryAfterMs: 120_000 }, 1, () => 0)).toBe(500);
	});

	it('reads Telnyx’s rate-limit headers', () => {
		expect(
			rateLimitSignal(429, {
				'x-ratelimit-limit': '100',
				'x-ratelimit-remaining': '0',
				'x-ratelimit-reset': '1',
				'retry-after': '1',
			}),
		).toEqual({ status: 429, limit: 100, remaining: 0, resetSeconds: 1, retryAfterMs: 1000 });
		const now = Date.UTC(2026, 0, 1, 12, 0, 0);
		const inTenSeconds = String(now / 1000 + 10);
		expect(rateLimitSignal(200, { 'x-ratelimit-reset': inTenSeconds }, now).resetSeconds).toBe(10);
	});
});
