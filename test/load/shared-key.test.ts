import type { Engine } from '../support/engine';
import { startWorld, updateParticipant, type World } from '../support/fixtures';
import { limiterFor } from '../../nodes/TelnyxTexml/transport/limiter';

/**
 * Two n8n processes sharing one API key, as in queue mode: each has its own limiter (here: the
 * same key reached through two spellings of the Base URL), and nothing is shared but Telnyx's
 * answers. Telnyx allows 20 requests per second for the key and names its limit only on 429s.
 */
let world: World;

beforeEach(async () => {
	world = await startWorld({ faults: { rateLimit: 20, rateLimitHeaders: 'on429' } });
});
afterEach(async () => await world.close());

test('two processes, 100 updates each: every item updated, few 429s, each near half the limit', async () => {
	const { apiKey } = world.sandbox.account;
	// A path segment "." is dropped from the request URL, but makes another limiter: another process.
	const baseUrls = [world.sandbox.baseUrl, world.sandbox.baseUrl.replace(/\/v2$/, '/./v2')];
	const conferences = baseUrls.map((_, i) =>
		world.sandbox.store.addConference(world.sandbox.account.sid, {
			friendlyName: `webinar-${i}`,
			participants: Array.from({ length: 100 }, (_, n) => ({ label: `p${n}` })),
		}),
	);
	const started = Date.now();
	const runs = await Promise.all(
		baseUrls.map((baseUrl, i) => {
			const engine: Engine = {
				...world.engine,
				credentials: { telnyxTexmlApi: { apiKey, baseUrl } },
			};
			return updateParticipant(
				world,
				{
					conferenceSid: { __rl: true, mode: 'id', value: conferences[i].sid },
					participant: { __rl: true, mode: 'id', value: '={{ $json.label }}' },
					updateFields: { muted: true },
				},
				{
					engine,
					items: conferences[i].participants.map((p) => ({ json: { label: p.label } })),
					continueOnFail: true,
				},
			);
		}),
	);
	const seconds = (Date.now() - started) / 1000;

	const requests = world.sandbox.requests;
	const limited = requests.filter((r) => r.status === 429).length;
	const share = (i: number) =>
		requests.filter((r) => r.status === 200 && r.url.includes(conferences[i].sid));
	// Figures for the reader of the load run.
	process.stderr.write(
		`two processes: ${seconds.toFixed(1)} s for 200 updates (floor 10 s), ${limited} × 429 of ${requests.length} requests, ` +
			`own rates at the end: ${baseUrls.map((b) => limiterFor(apiKey, b).rate?.toFixed(1) ?? 'none').join(', ')}\n`,
	);
	expect(runs.flatMap((r) => r.output).filter((o) => o.error)).toEqual([]);
	expect(conferences.every((c) => c.participants.every((p) => p.muted))).toBe(true);
	expect(limited / requests.length).toBeLessThan(0.25);
	// Each process got a fair part of the key's limit over the run: between a third and two thirds.
	const middle = (i: number) =>
		share(i).filter((r) => r.receivedAt! - started < (seconds * 1000) / 2).length;
	const [a, b] = [middle(0), middle(1)];
	expect(a / (a + b)).toBeGreaterThan(1 / 3);
	expect(a / (a + b)).toBeLessThan(2 / 3);
});
