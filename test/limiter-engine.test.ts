import { limiterFor, setLimiterClock } from '../nodes/TelnyxTexml/transport/limiter';
import { VirtualClock, type Clock } from '../sandbox';
import { crowd, muteAll } from './support/crowd';
import { startWorld, type World } from './support/fixtures';

/**
 * The key's limiter as workflows meet it, through n8n's engine against the sandbox, with the
 * limiter and the sandbox's rate window on one virtual clock: waits cost no time, and what is
 * asserted about them holds however busy the machine is.
 */
let world: World;
let clock: VirtualClock;
let realClock: Clock;

const keyLimiter = () => limiterFor(world.sandbox.account.apiKey, world.sandbox.baseUrl);

beforeEach(async () => {
	// Time stands still while a request is on its way: the sandbox sees it when it was sent.
	clock = new VirtualClock(undefined, true, () => world !== undefined && keyLimiter().sending > 0);
	realClock = setLimiterClock(clock);
	world = await startWorld({ clock });
});
afterEach(async () => {
	setLimiterClock(realClock);
	await world.close();
});

/** Requests the sandbox received in the window of `ms` before each one, itself included: the most. */
function busiestWindow(ms = 1000): number {
	const times = world.sandbox.requests.map((r) => r.receivedAt!).sort((a, b) => a - b);
	return Math.max(...times.map((t, i) => i - times.findIndex((u) => u > t - ms) + 1));
}

test('alone on the key: the whole limit, evenly spaced, never a 429', async () => {
	world.sandbox.faults.configure({ rateLimit: 10 });
	const { conference, items } = crowd(world, 35);
	const { output } = await muteAll(world, conference, items);

	expect(output.filter((o) => o.error)).toEqual([]);
	expect(world.sandbox.requests.filter((r) => r.status === 429)).toEqual([]);
	expect(busiestWindow()).toBeLessThanOrEqual(10);
	// Once the first answer named the limit, no burst: 10 a second, a slot every 100 ms (a late
	// slot is made up by at most half of one), so another process starting on the key finds room.
	const sent = world.sandbox.requests.map((r) => r.receivedAt!).sort((a, b) => a - b);
	const gaps = sent.slice(2).map((t, i) => t - sent[i + 1]);
	expect(Math.min(...gaps)).toBeGreaterThanOrEqual(50);
	// Three full windows and a little: the limit, not a guess below it, set the pace.
	const times = world.sandbox.requests.map((r) => r.receivedAt!);
	expect(Math.max(...times) - Math.min(...times)).toBeLessThan(4000);
	expect(keyLimiter().rate).toBeUndefined(); // no rate of its own: alone, it follows Telnyx's headers
});

test('another process spent most of the window: this one takes what is left, waits for the next window, then climbs back to the limit', async () => {
	world.sandbox.faults.configure({ rateLimit: 10 });
	// Another process spends 7 of the window's 10 before this one starts.
	for (let i = 0; i < 7; i++)
		await fetch(`${world.sandbox.baseUrl}/whoami`, {
			headers: { authorization: `Bearer ${world.sandbox.account.apiKey}` },
		});
	const windowOpened = world.sandbox.requests[0].receivedAt!;
	world.sandbox.requests.length = 0;
	const { conference, items } = crowd(world, 20);
	const { output } = await muteAll(world, conference, items);

	expect(output.filter((o) => o.error)).toEqual([]);
	expect(conference.participants.every((p) => p.muted)).toBe(true);
	// The answers told what was left (3): no more was sent in that window, so no 429 at all.
	const inThatWindow = world.sandbox.requests.filter((r) => r.receivedAt! < windowOpened + 1000);
	expect(inThatWindow.length).toBeLessThanOrEqual(3);
	expect(world.sandbox.requests.filter((r) => r.status === 429)).toEqual([]);
	expect(busiestWindow()).toBeLessThanOrEqual(10);
	// The other process sent nothing more: this one is back at (about) the whole limit.
	expect(keyLimiter().rate ?? 10).toBeGreaterThanOrEqual(9);
});

test('Telnyx names its limit only on 429s: a 429 halfway through a window holds the key until that window ends, not a whole Retry-After second', async () => {
	world.sandbox.faults.configure({ rateLimit: 10, rateLimitHeaders: 'on429' });
	const { conference, items } = crowd(world, 25);
	// The user's cap (20 a second) spreads the requests: the window of 10 is used up halfway.
	const { output } = await muteAll(world, conference, items, { maxPerSecond: 20 });

	expect(output.filter((o) => o.error)).toEqual([]);
	expect(conference.participants.every((p) => p.muted)).toBe(true);
	const received = world.sandbox.requests
		.map((r) => ({ at: r.receivedAt!, status: r.status }))
		.sort((a, b) => a.at - b.at);
	const opened = received[0].at;
	const refused = received.find((r) => r.status === 429)!;
	expect(refused.at - opened).toBeGreaterThanOrEqual(450);
	expect(refused.at - opened).toBeLessThan(1000);
	// Retry-After says 1 s (whole seconds); the window this process saw open ends sooner.
	const next = received.find((r) => r.at > refused.at)!;
	expect(next.at - opened).toBeGreaterThanOrEqual(1000);
	expect(next.at - opened).toBeLessThan(1100);
});
