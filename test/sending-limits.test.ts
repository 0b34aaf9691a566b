import { TelnyxTexmlApi } from '../credentials/TelnyxTexmlApi.credentials';
import { sendingSettings } from '../nodes/TelnyxTexml/transport/sending';
import type { Engine } from './support/engine';
import { startWorld, updateParticipant, type World } from './support/fixtures';
import { locator } from './support/texml';

/** The API key's limits live on the credential, so every workflow using it shares one setting. */
describe('which limits are in force', () => {
	test('the credential offers them, with the defaults of before (10 at a time, follow Telnyx, 300 s)', () => {
		const fields = new TelnyxTexmlApi().properties.map((p) => [p.displayName, p.name, p.default]);
		expect(fields.slice(-3)).toEqual([
			['Max Concurrent Requests', 'maxConcurrent', 10],
			['Max Requests per Second', 'maxPerSecond', 0],
			['Max Rate-Limit Wait', 'maxRateLimitWait', 300],
		]);
	});

	test('nothing set anywhere: the defaults', () => {
		expect(sendingSettings({}, {})).toEqual({
			maxAttempts: 3,
			maxConcurrent: 10,
			maxPerSecond: 0,
			maxRateLimitWaitMs: 300_000,
		});
	});

	test('a workflow that set them on the node keeps them while the credential has its defaults', () => {
		const node = { maxAttempts: 5, maxConcurrent: 2, maxPerSecond: 20 };
		// n8n hands a credential over with every default filled in; an older credential has none.
		for (const credential of [{}, { maxConcurrent: 10, maxPerSecond: 0, maxRateLimitWait: 300 }]) {
			expect(sendingSettings(node, credential)).toMatchObject({
				maxAttempts: 5,
				maxConcurrent: 2,
				maxPerSecond: 20,
			});
		}
	});

	test('a limit set on the credential wins over the node; Max Attempts stays the node’s', () => {
		const node = { maxAttempts: 5, maxConcurrent: 2, maxPerSecond: 20 };
		const credential = { maxConcurrent: 4, maxPerSecond: 50, maxRateLimitWait: 30 };
		expect(sendingSettings(node, credential)).toEqual({
			maxAttempts: 5,
			maxConcurrent: 4,
			maxPerSecond: 50,
			maxRateLimitWaitMs: 30_000,
		});
		expect(sendingSettings({}, { maxConcurrent: 500, maxPerSecond: -3 })).toMatchObject({
			maxConcurrent: 100,
			maxPerSecond: 0,
		});
	});
});

describe('limits set on the credential', () => {
	let world: World;
	beforeEach(async () => {
		world = await startWorld({ faults: { latencyMs: 40 } });
	});
	afterEach(async () => await world.close());

	test('are shared by two workflows using it: Max Concurrent Requests 1 holds across both', async () => {
		const engine: Engine = {
			...world.engine,
			credentials: {
				telnyxTexmlApi: { ...world.engine.credentials.telnyxTexmlApi, maxConcurrent: 1 },
			},
		};
		const participants = [world.alice, world.bob, world.carol];
		const items = participants.map((p) => ({ json: { callSid: p.callSid } }));
		const mute = (sending: Record<string, unknown>) =>
			updateParticipant(
				world,
				{ participant: locator('={{ $json.callSid }}'), updateFields: { muted: true }, sending },
				{ engine, items },
			);
		// The second workflow still says 10 at a time on the node: the credential wins.
		const [first, second] = await Promise.all([mute({}), mute({ maxConcurrent: 10 })]);

		expect([first.error, second.error]).toEqual([undefined, undefined]);
		// Each request left only after the previous answer, which the sandbox held back 40 ms (without
		// the limit they would overlap).
		expect(world.sandbox.requests.map((r) => r.concurrent)).toEqual([1, 1, 1, 1, 1, 1]);
	});
});
