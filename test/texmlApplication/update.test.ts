import { applicationResource, type TexmlApplication } from '../../sandbox';
import { startWorld, type World } from '../support/fixtures';
import { locator, runTexml } from '../support/texml';

let world: World;
let app: TexmlApplication;
beforeEach(async () => {
	world = await startWorld();
	app = world.sandbox.store.calls.addApplication(world.sandbox.account.sid, {
		friendlyName: 'Support line',
		voiceUrl: 'https://old.example.com/answer',
	});
});
afterEach(async () => await world.close());

const sent = () => world.sandbox.requests.filter((r) => r.url.startsWith('/v2/texml_applications'));

describe('TeXML Application → Update (PATCH /texml_applications/{id}, JSON)', () => {
	test('sends the name and Voice URL Telnyx requires, and the fields added; the output is the application', async () => {
		const { output, error } = await runTexml(world, {
			resource: 'texmlApplication',
			operation: 'update',
			application: locator(app.id),
			friendlyName: 'Support line',
			voiceUrl: 'https://n8n.example.com/webhook/answer',
			applicationFields: { voiceMethod: 'get', active: true },
		});

		expect(error).toBeUndefined();
		const [request] = sent();
		expect(request.method).toBe('PATCH');
		expect(request.url).toBe(`/v2/texml_applications/${app.id}`);
		expect(request.headers['content-type']).toBe('application/json');
		expect(JSON.parse(request.body)).toEqual({
			friendly_name: 'Support line',
			voice_url: 'https://n8n.example.com/webhook/answer',
			voice_method: 'get',
			active: true,
		});
		expect(app.voiceUrl).toBe('https://n8n.example.com/webhook/answer');
		expect(output.map((o) => o.json)).toEqual([applicationResource(app)]);
	});

	test('an empty Application is refused before sending, naming the field', async () => {
		const { output } = await runTexml(
			world,
			{
				resource: 'texmlApplication',
				operation: 'update',
				application: locator('={{ $json.none }}'),
				friendlyName: 'x',
				voiceUrl: 'https://n8n.example.com/a',
			},
			{ continueOnFail: true },
		);
		expect(sent()).toHaveLength(0);
		expect(output[0].json.error).toBe(
			'The "Application" field is empty. Pick the TeXML application from the list or enter its ID.',
		);
	});
});
