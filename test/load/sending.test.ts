import type { RecordedRequest } from '../../sandbox';
import { startWorld, type World } from '../support/fixtures';
import { crowd, muteAll } from '../support/crowd';

/**
 * The load and timing cases of sending (hundreds of items, real rate-limit windows, backoffs):
 * rate limits, safe retries and what each item ends as, against a sandbox that misbehaves on purpose.
 */

let world: World;

beforeEach(async () => {
	world = await startWorld();
});

afterEach(async () => {
	await world.close();
});

const pathOf = (label: string) => (r: RecordedRequest) => r.url.endsWith(`/Participants/${label}`);

describe('a passing failure is sent again', () => {
	it('gives up after Max Attempts with an error saying what happened and how often', async () => {
		world.sandbox.faults.configure({ failFirst: true });
		const { conference, items } = crowd(world, 2);
		// Every request fails once; with Max Attempts 1 nothing is sent again.
		const { output } = await muteAll(world, conference, items, { maxAttempts: 1 });
		const unavailable = (i: number) =>
			`Could not update participant "p${i}" in conference "${conference.sid}": Telnyx answered with server error 503 (Telnyx: The service is temporarily unavailable. Please try again later). The problem is on the Telnyx side; try again later.`;
		expect(output.map((o) => o.error?.message)).toEqual([unavailable(0), unavailable(1)]);
		expect(world.sandbox.requests).toHaveLength(2);

		world.sandbox.requests.length = 0;
		world.sandbox.faults.configure({ faultRatio: 1, seed: 7 });
		const { output: exhausted } = await muteAll(world, conference, items.slice(0, 1), {
			maxAttempts: 4,
		});
		expect(world.sandbox.requests).toHaveLength(4);
		const error = exhausted[0].error as unknown as { message: string; description: string };
		const seen = world.sandbox.requests.map((r) =>
			r.fault === '503' ? 'HTTP 503' : 'connection reset (ECONNRESET)',
		);
		expect(error.description).toContain(`Sent 4 times: ${seen.join(', ')}.`);
		expect(error.message).toBe(
			world.sandbox.requests[3].fault === '503'
				? unavailable(0)
				: `Could not update participant "p0" in conference "${conference.sid}": Telnyx could not be reached, the connection was cut. Try again.`,
		);
	});
});

describe('the Sending option', () => {
	it('Max Requests per Second 10: six requests are spread over about half a second', async () => {
		const { conference, items } = crowd(world, 6);
		const { output } = await muteAll(world, conference, items, { maxPerSecond: 10 });

		expect(output.filter((o) => o.error)).toEqual([]);
		const [first, last] = [world.sandbox.requests[0], world.sandbox.requests[5]];
		// Five gaps of 100 ms, less the half slot a late wake-up may make up, less network jitter.
		expect(last.receivedAt! - first.receivedAt!).toBeGreaterThanOrEqual(350);
	});

	it('Retry-After is honoured: the item limited by a 429 is sent again a second later, and succeeds', async () => {
		// Headers only on 429s: the limiter cannot see the window is used up before the 429 says so.
		world.sandbox.faults.configure({ rateLimit: 1, rateLimitHeaders: 'on429' });
		const { conference, items } = crowd(world, 2);
		const { output } = await muteAll(world, conference, items, { maxAttempts: 2 });

		expect(output.filter((o) => o.error)).toEqual([]);
		const [limited, retried] = world.sandbox.requests.filter(pathOf('p1'));
		expect(limited.status).toBe(429);
		expect(limited.fault).toBe('rate-limited');
		expect(retried.status).toBe(200);
		expect(retried.receivedAt! - limited.receivedAt!).toBeGreaterThanOrEqual(950);
	});

	it('one limiter per API key, shared by executions running at the same time: no 429 at 20/s', async () => {
		world.sandbox.faults.configure({ rateLimit: 20 });
		const a = crowd(world, 25);
		const b = crowd(world, 25);
		const [first, second] = await Promise.all([
			muteAll(world, a.conference, a.items, { maxAttempts: 1 }),
			muteAll(world, b.conference, b.items, { maxAttempts: 1 }),
		]);

		expect([...first.output, ...second.output].filter((o) => o.error)).toEqual([]);
		expect(world.sandbox.requests.filter((r) => r.status === 429)).toEqual([]);
	});
});

describe('rate limits', () => {
	it('300 updates against a 100 requests/second limit: all succeed, no error items', async () => {
		world.sandbox.faults.configure({ rateLimit: 100 });
		const { conference, items } = crowd(world, 300);
		const { output } = await muteAll(world, conference, items);

		expect(output).toHaveLength(300);
		expect(output.filter((o) => o.error)).toEqual([]);
		expect(output.map((o) => o.json.call_sid)).toEqual(
			conference.participants.map((p) => p.callSid),
		);
		expect(conference.participants.every((p) => p.muted)).toBe(true);
	});

	it('follows the x-ratelimit headers: 60 updates at 20/s without a single 429, even with Max Attempts 1', async () => {
		world.sandbox.faults.configure({ rateLimit: 20 });
		const { conference, items } = crowd(world, 60);
		const { output } = await muteAll(world, conference, items, { maxAttempts: 1 });

		expect(output.filter((o) => o.error)).toEqual([]);
		expect(world.sandbox.requests.filter((r) => r.status === 429)).toEqual([]);
		expect(world.sandbox.requests).toHaveLength(60);
	});

	it('a 429 is sent again without using up Max Attempts: with Max Attempts 1 every item is updated', async () => {
		// Headers only on 429s, so the limiter learns the limit from a 429 rather than avoiding it.
		world.sandbox.faults.configure({ rateLimit: 1, rateLimitHeaders: 'on429' });
		const { conference, items } = crowd(world, 3);
		const { output } = await muteAll(world, conference, items, { maxAttempts: 1 });

		expect(world.sandbox.requests.filter((r) => r.status === 429).length).toBeGreaterThan(0);
		expect(output.filter((o) => o.error)).toEqual([]);
		expect(conference.participants.every((p) => p.muted)).toBe(true);
	});
});

describe('1,000 updates with 10% random faults (seeded)', () => {
	it('every item ends updated or as an error item; none lost, none sent more than Max Attempts', async () => {
		world.sandbox.faults.configure({ faultRatio: 0.1, seed: 42 });
		const { conference, items } = crowd(world, 1000);
		const { output } = await muteAll(world, conference, items);

		expect(output).toHaveLength(1000);
		const faults = world.sandbox.requests.filter((r) => r.fault).length;
		expect(faults).toBeGreaterThan(50);
		conference.participants.forEach((participant, i) => {
			const requests = world.sandbox.requests.filter(pathOf(participant.label!));
			expect(requests.length).toBeGreaterThanOrEqual(1);
			expect(requests.length).toBeLessThanOrEqual(3);
			const result = output[i];
			if (result.error) {
				// Only after three faulted attempts.
				expect(requests.map((r) => Boolean(r.fault))).toEqual([true, true, true]);
			} else {
				expect(result.json.call_sid).toBe(participant.callSid);
				expect(participant.muted).toBe(true);
				// Attempts before the last one all met a fault; the last one was answered.
				expect(requests.slice(0, -1).every((r) => r.fault)).toBe(true);
				const last = requests[requests.length - 1];
				expect([last.status, last.fault]).toEqual([200, undefined]);
			}
		});
		// With 10% faults, three faults in a row are rare: almost every item got through.
		expect(output.filter((o) => o.error).length).toBeLessThan(10);
	});
});
