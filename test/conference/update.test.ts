import { startWorld, type World } from '../support/fixtures';
import { runTexml, texmlRequests } from '../support/texml';

let world: World;
let path: string;

beforeEach(async () => {
	world = await startWorld({ pageSize: 2 });
	path = `/v2/texml/Accounts/${world.sandbox.account.sid}/Conferences`;
});
afterEach(async () => await world.close());

describe('Conference → Update (POST /texml/Accounts/{account_sid}/Conferences/{conference_sid})', () => {
	test('Status completed ends the conference and hangs up everyone', async () => {
		const { output, error } = await runTexml(world, {
			resource: 'conference',
			operation: 'update',
			updateFields: { status: 'completed' },
		});

		expect(error).toBeUndefined();
		const [request] = texmlRequests(world);
		expect(request).toMatchObject({
			method: 'POST',
			url: `${path}/${world.conference.sid}`,
			body: 'Status=completed',
		});
		expect(request.headers['content-type']).toBe('application/x-www-form-urlencoded');
		expect(world.conference.status).toBe('completed');
		expect(world.conference.participants).toHaveLength(0);
		expect(output[0].json).toMatchObject({
			sid: world.conference.sid,
			status: 'completed',
			reason_conference_ended: 'conference-ended-via-api',
		});
	});

	test('Announce URL and Method play an announcement to the whole conference', async () => {
		const { output } = await runTexml(world, {
			resource: 'conference',
			operation: 'update',
			updateFields: { announceUrl: 'https://example.com/closing.xml', announceMethod: 'GET' },
		});

		expect(texmlRequests(world)[0].body).toBe(
			'AnnounceMethod=GET&AnnounceUrl=https%3A%2F%2Fexample.com%2Fclosing.xml',
		);
		expect(world.conference.announcements).toEqual([
			{ url: 'https://example.com/closing.xml', method: 'GET' },
		]);
		expect(output[0].json.status).toBe('in-progress');
	});

	test('a Status other than completed is refused before sending', async () => {
		const { output } = await runTexml(
			world,
			{ resource: 'conference', operation: 'update', updateFields: { status: '={{ "ended" }}' } },
			{ continueOnFail: true },
		);

		expect(texmlRequests(world)).toHaveLength(0);
		expect(output[0].json.error).toBe(
			'The "Status" field must be one of completed, but it is "ended". Pick one of the listed values, or make the expression return one of them.',
		);
	});

	test('announcing to an ended conference is Telnyx’s 422, shown with its detail', async () => {
		world.sandbox.store.endConference(world.conference);

		const { output } = await runTexml(
			world,
			{
				resource: 'conference',
				operation: 'update',
				updateFields: { announceUrl: 'https://example.com/a.mp3' },
			},
			{ continueOnFail: true },
		);

		expect(texmlRequests(world)).toHaveLength(1);
		expect(output[0].json.error).toBe(
			`Could not update conference "${world.conference.sid}": Telnyx refused the request (Telnyx: The conference has already ended). Nothing was changed; sending the same request again will fail the same way.`,
		);
	});
});
