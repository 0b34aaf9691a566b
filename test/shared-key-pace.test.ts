import { SharedKeyPace, type KeyView } from '../nodes/TelnyxTexml/transport/sharedKey';

/**
 * One process's pace on a key others share, fed Telnyx's answers directly (times in ms): what it
 * does within a window. The simulation (limiter-simulation.test.ts) shows what it adds up to.
 */
const key: KeyView = { limit: 100, windowSeconds: 1, inFlight: 0, counted: 0 };

/** A process at 40 a second, held back by its rate, that got `mine` of the window's first 300 ms. */
function paceAt300ms(mine: number, remainingAt300: number): SharedKeyPace {
	const pace = new SharedKeyPace();
	pace.rate = 40;
	pace.accepted(key, 0, 99); // opens the window
	pace.held();
	for (let i = 1; i < mine - 1; i++) pace.accepted(key, i * 20, 99 - i * 2);
	pace.accepted(key, 300, remainingAt300);
	return pace;
}

describe('within a window', () => {
	test('room the key leaves unused (others slowed down) is taken at once, by this process’s share', () => {
		// 20 used in 300 ms (66.7 a second) where 80 × 0.95 over 700 ms (108.6 a second) would fit:
		// this process sent 10 of the 20, so it takes half the difference.
		const pace = paceAt300ms(10, 80);
		expect(pace.rate).toBeCloseTo(40 + ((80 * 0.95) / 0.7 - 20 / 0.3) * (10 / 20), 5);
	});

	test('a key on its way to using the window up: no change', () => {
		const pace = paceAt300ms(10, 40); // 60 used in 300 ms: 200 a second
		expect(pace.rate).toBe(40);
	});

	test('a process not held back by its own rate takes nothing more', () => {
		const pace = new SharedKeyPace();
		pace.rate = 40;
		pace.accepted(key, 0, 99);
		pace.accepted(key, 300, 90);
		expect(pace.rate).toBe(40);
	});
});

describe('the first answers', () => {
	test('refused before anything was accepted: a fifth of the limit, not the floor', () => {
		const pace = new SharedKeyPace();
		pace.sent(0);
		pace.refused(key, 10, 0);
		expect(pace.rate).toBeCloseTo(20);
	});

	test('refused after getting one request into a first window it shared: a tenth of the limit, not what luck gave it', () => {
		const pace = new SharedKeyPace();
		pace.sent(0);
		pace.accepted(key, 20, undefined, 0);
		pace.sent(500);
		pace.refused(key, 520, 500);
		expect(pace.rate).toBeCloseTo(10); // 1 a second accepted, less the margin, would be 0.95
	});
});

describe('without remaining counts (headers only on 429s)', () => {
	test('the first accepted answer opens a window: its end is known before any 429', () => {
		const pace = new SharedKeyPace();
		pace.accepted(key, 40, undefined, 0);
		expect(pace.windowEndsAt).toBe(1020);
	});

	test('an answer overtaken by a 429 opens no window; one to a request sent after the 429 came back does', () => {
		const pace = new SharedKeyPace();
		pace.accepted(key, 40, undefined, 0);
		pace.refused(key, 600, 560);
		// Sent at 580, before the 429 came back: it may have reached Telnyx before the refused one.
		pace.accepted(key, 610, undefined, 580);
		expect(pace.windowEndsAt).toBe(1020);
		// Sent after the 429 came back, and accepted: Telnyx opened a window.
		pace.accepted(key, 1100, undefined, 1020);
		expect(pace.windowEndsAt).toBe(2060);
	});

	test('a 429 to a request sent before the one that showed the window open tells of the window before', () => {
		const pace = new SharedKeyPace();
		pace.accepted(key, 40, undefined, 0);
		pace.refused(key, 600, 560);
		pace.accepted(key, 1100, undefined, 1020); // opens [1060, 2060)
		expect(pace.overtaken(1000)).toBe(true);
		expect(pace.overtaken(1020)).toBe(false);
		expect(pace.overtaken(undefined)).toBe(false);
	});
});
