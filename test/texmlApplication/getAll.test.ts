import { startWorld, type World } from '../support/fixtures';
import { runTexml } from '../support/texml';

let world: World;
beforeEach(async () => {
	world = await startWorld();
	// The sandbox's own application goes; the account then has app-1 to app-3.
	world.sandbox.store.calls.applications.length = 0;
	for (let i = 1; i <= 3; i++) {
		world.sandbox.store.calls.addApplication(world.sandbox.account.sid, {
			friendlyName: `app-${i}`,
		});
	}
});
afterEach(async () => await world.close());

const sent = () => world.sandbox.requests.filter((r) => r.url.startsWith('/v2/texml_applications'));

describe('TeXML Application → Get Many (GET /texml_applications, JSON:API pages)', () => {
	test('Return All reads page after page by page[number] until the last: one item per application', async () => {
		const { output, error } = await runTexml(
			world,
			{
				resource: 'texmlApplication',
				operation: 'getAll',
				returnAll: true,
				// Two a page, to see the pages followed.
				requestOptions: {},
			},
			{},
		);
		expect(error).toBeUndefined();
		expect(output.map((o) => o.json.friendly_name).sort()).toEqual(['app-1', 'app-2', 'app-3']);
		expect(sent()[0]).toMatchObject({ method: 'GET', url: '/v2/texml_applications' });
	});

	test('page by page: the next page is asked for by its number', async () => {
		for (let i = 4; i <= 300; i++) {
			world.sandbox.store.calls.addApplication(world.sandbox.account.sid, {
				friendlyName: `app-${i}`,
			});
		}
		const { output } = await runTexml(world, {
			resource: 'texmlApplication',
			operation: 'getAll',
			returnAll: true,
			simplify: true,
		});
		expect(output).toHaveLength(300);
		expect(sent().map((r) => decodeURIComponent(r.url))).toEqual([
			'/v2/texml_applications',
			'/v2/texml_applications?page[number]=2',
		]);
		expect(Object.keys(output[0].json)).toContain('voice_url');
	});

	test('Limit stops at that many', async () => {
		const { output } = await runTexml(world, {
			resource: 'texmlApplication',
			operation: 'getAll',
			returnAll: false,
			limit: 2,
		});
		expect(output).toHaveLength(2);
		expect(sent()).toHaveLength(1);
	});
});
