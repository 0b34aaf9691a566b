import { conferenceResource } from '../../sandbox';
import { startWorld, type World } from '../support/fixtures';
import { jsonOf, locator, runTexml, texmlRequests } from '../support/texml';

let world: World;
let path: string;

beforeEach(async () => {
	world = await startWorld({ pageSize: 2 });
	path = `/v2/texml/Accounts/${world.sandbox.account.sid}/Conferences`;
});
afterEach(async () => await world.close());

describe('Conference → Get (GET /texml/Accounts/{account_sid}/Conferences/{conference_sid})', () => {
	test('sends one GET with no body and outputs the ConferenceResource', async () => {
		const { output, error } = await runTexml(world, { resource: 'conference', operation: 'get' });

		expect(error).toBeUndefined();
		const [request, ...others] = texmlRequests(world);
		expect(others).toHaveLength(0);
		expect(request).toMatchObject({
			method: 'GET',
			url: `${path}/${world.conference.sid}`,
			body: '',
		});
		expect(request.headers.accept).toBe('application/json');
		expect(request.headers.authorization).toBe(`Bearer ${world.sandbox.account.apiKey}`);
		expect(jsonOf(output)).toEqual([conferenceResource(world.conference)]);
		expect(output[0].json).toMatchObject({ friendly_name: 'weekly-sync', status: 'in-progress' });
	});

	test('an unknown conference is a 404 item error that says what to check', async () => {
		const { output } = await runTexml(
			world,
			{
				resource: 'conference',
				operation: 'get',
				conferenceSid: locator('9b7cf1cb-0000-4000-8000-000000000000'),
			},
			{ continueOnFail: true },
		);

		expect(output).toHaveLength(1);
		expect(output[0].json.error).toBe(
			'Conference "9b7cf1cb-0000-4000-8000-000000000000" was not found (Telnyx: Resource not found). List the conferences to find the right conference SID.',
		);
		expect(output[0].error?.description).toContain(
			'account SID is not the one that owns the API key',
		);
	});
});
