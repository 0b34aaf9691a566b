import { applicationResource, type TexmlApplication } from '../../sandbox';
import { startWorld, type World } from '../support/fixtures';
import { locator, runTexml } from '../support/texml';

let world: World;
let app: TexmlApplication;
beforeEach(async () => {
	world = await startWorld();
	app = world.sandbox.store.calls.addApplication(world.sandbox.account.sid, {
		friendlyName: 'Old line',
	});
});
afterEach(async () => await world.close());

describe('TeXML Application → Delete (DELETE /texml_applications/{id})', () => {
	test('Telnyx answers with the application as it was: that is the output', async () => {
		const before = applicationResource(app);
		const { output, error } = await runTexml(world, {
			resource: 'texmlApplication',
			operation: 'delete',
			application: locator(app.id),
		});

		expect(error).toBeUndefined();
		const [request] = world.sandbox.requests.filter((r) =>
			r.url.startsWith('/v2/texml_applications'),
		);
		expect(request).toMatchObject({
			method: 'DELETE',
			url: `/v2/texml_applications/${app.id}`,
			body: '',
		});
		expect(output.map((o) => o.json)).toEqual([before]);
		expect(world.sandbox.store.calls.applications).not.toContain(app);
	});
});
