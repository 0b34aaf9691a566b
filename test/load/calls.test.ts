import { runCall } from '../support/calls';
import { startWorld, type World } from '../support/fixtures';

/**
 * Many calls into one conference against the sandbox's rate limit (429 beyond 10 per second, the
 * limit told only on 429s): every number is called once and only once, and every callee joins.
 * The full 200-call figure is the benchmark's P7.
 */
let world: World;

beforeEach(async () => {
	world = await startWorld();
});
afterEach(async () => await world.close());

test('40 calls at 10 calls/s: each number called exactly once, none failed, all in the conference', async () => {
	world.sandbox.faults.configure({ rateLimit: 10, rateLimitHeaders: 'on429' });
	const numbers = Array.from({ length: 40 }, (_, i) => `+1312555${String(i).padStart(4, '0')}`);

	const { output, error } = await runCall(
		world,
		'create',
		{ from: '+13125550100', to: '={{ $json.number }}', conferenceName: 'load-bridge' },
		{ items: numbers.map((number) => ({ json: { number } })), continueOnFail: true },
	);

	expect(error).toBeUndefined();
	expect(output.filter((o) => o.json.error !== undefined)).toEqual([]);
	const placed = world.sandbox.store.calls.calls.map((c) => c.to).sort();
	expect(placed).toEqual(numbers);
	const limited = world.sandbox.requests.filter((r) => r.status === 429);
	// Refused calls were sent again; none of them was placed by the refused attempt.
	expect(limited.length).toBeGreaterThan(0);
	const bridge = world.sandbox.store.conferences.find((c) => c.friendlyName === 'load-bridge')!;
	expect(bridge.participants.map((p) => p.dial!.to).sort()).toEqual(numbers);
}, 60_000);
