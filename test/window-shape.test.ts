import { WindowShape } from '../nodes/TelnyxTexml/transport/windowShape';

/**
 * Whether room on the key comes back before the window's end, read from 429s alone (headers only
 * on 429s): fed answers directly, times in ms, windows of 1,000 ms. The simulation
 * (limiter-simulation-sliding.test.ts) shows what it adds up to.
 */
const W = 1000;

/** A shape past its quiet first pauses (the key's first windows go to learning the limit). */
function pastTheStart(): WindowShape {
	const shape = new WindowShape();
	shape.pause(0, 1000, W);
	shape.pause(1000, 2000, W);
	return shape;
}

describe('a long pause after a 429', () => {
	test('the first two send no probe; then one request leaves a tenth of a window after the 429', () => {
		const shape = new WindowShape();
		expect(shape.pause(400, 1000, W)).toEqual({ until: 1000 });
		expect(shape.pause(1400, 2000, W)).toEqual({ until: 2000 });
		expect(shape.pause(2400, 3000, W)).toEqual({ until: 3000, probeAt: 2500 });
	});

	test('no probe when the window ends soon after it would leave', () => {
		expect(pastTheStart().pause(2750, 3000, W)).toEqual({ until: 3000 });
	});

	test('the probe accepted (a sliding window, a token bucket): the pause ends, and later 429s pause a tenth of a window', () => {
		const shape = pastTheStart();
		shape.pause(2400, 3000, W);
		shape.probeSent(2500);
		expect(shape.observe(false, 2500, 2505, 3000, W)).toBe(true);
		expect(shape.trickles).toBe(true);
		expect(shape.pause(2700, 3700, W)).toEqual({ until: 2800 });
	});

	test('the probe refused (fixed windows): the key waits for the end; after two, one probe per 20 windows', () => {
		const shape = pastTheStart();
		for (const at of [2400, 3400]) {
			shape.pause(at, at + 600, W);
			shape.probeSent(at + 100);
			expect(shape.observe(true, at + 100, at + 105, at + 600, W)).toBe(false);
		}
		expect(shape.trickles).toBe(false);
		expect(shape.pause(4400, 5000, W)).toEqual({ until: 5000 });
		expect(shape.pause(23_500, 24_000, W)).toEqual({ until: 24_000, probeAt: 23_600 });
	});

	test('a 429 right after a short pause counts against: two of them and the key waits for the end again', () => {
		const shape = pastTheStart();
		shape.pause(2400, 3000, W);
		shape.probeSent(2500);
		shape.observe(false, 2500, 2505, 3000, W);
		shape.observe(false, 2500, 2505, 3000, W); // the score is at most 2: one probe more
		expect(shape.pause(2600, 3000, W)).toEqual({ until: 2700 });
		shape.observe(true, 2700, 2705, 3000, W);
		expect(shape.trickles).toBe(false);
	});
});

describe('without a probe', () => {
	test('a request accepted well after a refused one and well before the window’s end: room comes back', () => {
		const shape = new WindowShape();
		shape.observe(true, 390, 400, 1000, W);
		shape.observe(false, 420, 470, 1000, W);
		expect(shape.trickles).toBe(true);
	});

	test('accepted within a few ms of the refused one (answers overtake), near the end, or after a window that is over: nothing', () => {
		const shape = new WindowShape();
		shape.observe(true, 390, 400, 1000, W);
		shape.observe(false, 395, 420, 1000, W);
		shape.observe(false, 810, 820, 1000, W);
		// The refusal at 400 was in the window [0, 1000); the next window's acceptance says nothing.
		shape.observe(false, 1200, 1210, 2000, W);
		expect(shape.trickles).toBe(false);
	});
});
