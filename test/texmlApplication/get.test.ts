import { applicationResource, type TexmlApplication } from '../../sandbox';
import { startWorld, type World } from '../support/fixtures';
import { locator, runTexml } from '../support/texml';

let world: World;
let app: TexmlApplication;
beforeEach(async () => {
	world = await startWorld();
	app = world.sandbox.store.calls.addApplication(world.sandbox.account.sid, {
		friendlyName: 'Support line',
	});
});
afterEach(async () => await world.close());

const sent = () => world.sandbox.requests.filter((r) => r.url.startsWith('/v2/texml_applications'));

describe('TeXML Application → Get (GET /texml_applications/{id})', () => {
	test('picked from the list or by ID: the output is the application, out of Telnyx’s data envelope', async () => {
		for (const mode of ['list', 'id'] as const) {
			const { output, error } = await runTexml(world, {
				resource: 'texmlApplication',
				operation: 'get',
				application: locator(app.id, mode),
			});
			expect(error).toBeUndefined();
			expect(output.map((o) => o.json)).toEqual([applicationResource(app)]);
		}
		expect(sent().map((r) => [r.method, r.url, r.body])).toEqual([
			['GET', `/v2/texml_applications/${app.id}`, ''],
			['GET', `/v2/texml_applications/${app.id}`, ''],
		]);
	});

	test('an unknown application is Telnyx’s 404; with continue-on-fail the other items are read', async () => {
		const { output } = await runTexml(
			world,
			{ resource: 'texmlApplication', operation: 'get', application: locator('={{ $json.id }}') },
			{ continueOnFail: true, items: [{ json: { id: 'nope' } }, { json: { id: app.id } }] },
		);
		expect(sent()).toHaveLength(2);
		expect(output[0].json.error).toMatch(/^TeXML application "nope" was not found/);
		expect(output[0].json.error).toMatch(/Pick the application from the list/);
		expect(output[1].json.id).toBe(app.id);
	});
});
