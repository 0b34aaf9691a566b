import { conferenceResource } from '../sandbox';
import { startWorld, type World } from './support/fixtures';
import { jsonOf, locator, runTexml, texmlRequests } from './support/texml';

let world: World;
let path: string;

beforeEach(async () => {
	world = await startWorld({ pageSize: 2 });
	path = `/v2/texml/Accounts/${world.sandbox.account.sid}/Conferences`;
});
afterEach(async () => await world.close());

/** Conferences created one day apart, oldest first (the world's own conference is today's). */
function addConferences(count: number, status: 'init' | 'in-progress' | 'completed' = 'in-progress') {
	return Array.from({ length: count }, (_, i) =>
		world.sandbox.store.addConference(world.sandbox.account.sid, {
			friendlyName: `standup-${i}`,
			status,
			dateCreated: new Date(Date.UTC(2026, 0, 10 + i, 9)),
			dateUpdated: new Date(Date.UTC(2026, 0, 10 + i, 10)),
		}),
	);
}

describe('Conference → Get (GET /texml/Accounts/{account_sid}/Conferences/{conference_sid})', () => {
	test('sends one GET with no body and outputs the ConferenceResource', async () => {
		const { output, error } = await runTexml(world, { resource: 'conference', operation: 'get' });

		expect(error).toBeUndefined();
		const [request, ...others] = texmlRequests(world);
		expect(others).toHaveLength(0);
		expect(request).toMatchObject({ method: 'GET', url: `${path}/${world.conference.sid}`, body: '' });
		expect(request.headers.accept).toBe('application/json');
		expect(request.headers.authorization).toBe(`Bearer ${world.sandbox.account.apiKey}`);
		expect(jsonOf(output)).toEqual([conferenceResource(world.conference)]);
		expect(output[0].json).toMatchObject({ friendly_name: 'weekly-sync', status: 'in-progress' });
	});

	test('an unknown conference is a 404 item error that says what to check', async () => {
		const { output } = await runTexml(
			world,
			{ resource: 'conference', operation: 'get', conferenceSid: locator('9b7cf1cb-0000-4000-8000-000000000000') },
			{ continueOnFail: true },
		);

		expect(output).toHaveLength(1);
		expect(output[0].json.error).toBe(
			'Conference "9b7cf1cb-0000-4000-8000-000000000000" was not found (Telnyx: Resource not found). List the conferences to find the right conference SID.',
		);
		expect(output[0].error?.description).toContain('account SID is not the one that owns the API key');
	});
});

describe('Conference → Get Many (GET /texml/Accounts/{account_sid}/Conferences)', () => {
	test('Return All follows next_page_uri across pages: one item per conference, newest first', async () => {
		const added = addConferences(4);

		const { output, error } = await runTexml(world, { resource: 'conference', operation: 'getAll', returnAll: true });

		expect(error).toBeUndefined();
		const requests = texmlRequests(world);
		expect(requests.map((r) => r.method)).toEqual(['GET', 'GET', 'GET']);
		expect(requests[0].url).toBe(path);
		// Each following page is exactly the next_page_uri Telnyx gave, resolved against the host.
		expect(requests[1].url).toMatch(new RegExp(`^${path}\\.json\\?Page=1&PageSize=2&PageToken=[\\w-]+$`));
		expect(requests[2].url).toMatch(new RegExp(`^${path}\\.json\\?Page=2&PageSize=2&PageToken=[\\w-]+$`));
		expect(output.map((o) => o.json.friendly_name)).toEqual([
			'weekly-sync',
			...added.map((c) => c.friendlyName).reverse(),
		]);
		expect(output.map((o) => o.pairedItem)).toEqual(Array(5).fill({ item: 0 }));
	});

	test.each([
		[1, 1, 1],
		[2, 1, 2],
		[3, 2, 3],
		[4, 2, 4],
		[50, 3, 5],
	])('Limit %i reads %i page(s) and outputs %i conferences', async (limit, pages, items) => {
		addConferences(4);

		const { output } = await runTexml(world, { resource: 'conference', operation: 'getAll', returnAll: false, limit });

		expect(texmlRequests(world)).toHaveLength(pages);
		expect(output).toHaveLength(items);
	});

	test('filters go out as Telnyx query parameters and ride along in next_page_uri', async () => {
		addConferences(5);
		addConferences(2, 'completed');

		const { output, error } = await runTexml(world, {
			resource: 'conference',
			operation: 'getAll',
			returnAll: true,
			filters: { status: 'in-progress', dateCreated: '>=2026-01-11', dateUpdated: '<2026-01-14' },
		});

		expect(error).toBeUndefined();
		const [first, second, ...rest] = texmlRequests(world);
		expect(rest).toHaveLength(0);
		const query = new URLSearchParams(first.url.split('?')[1]);
		expect(Object.fromEntries(query)).toEqual({
			Status: 'in-progress',
			DateCreated: '>=2026-01-11',
			DateUpdated: '<2026-01-14',
		});
		expect(first.url).toContain('DateCreated=%3E%3D2026-01-11');
		expect(new URLSearchParams(second.url.split('?')[1]).get('DateCreated')).toBe('>=2026-01-11');
		expect(output.map((o) => o.json.friendly_name)).toEqual(['standup-3', 'standup-2', 'standup-1']);
	});

	test('Friendly Name finds the conference by its exact name; empty filters are not sent', async () => {
		addConferences(3);

		const { output } = await runTexml(world, {
			resource: 'conference',
			operation: 'getAll',
			returnAll: true,
			filters: { friendlyName: 'standup-1', dateUpdated: '' },
		});

		expect(texmlRequests(world).map((r) => r.url)).toEqual([`${path}?FriendlyName=standup-1`]);
		expect(output.map((o) => o.json.friendly_name)).toEqual(['standup-1']);
	});

	test.each(['2026-13-01', 'yesterday', '>=2026-1-5', '<<2026-01-05'])(
		'a date filter Telnyx cannot read (%s) fails the item, naming the field, before sending',
		async (dateCreated) => {
			const { output } = await runTexml(
				world,
				{ resource: 'conference', operation: 'getAll', returnAll: true, filters: { dateCreated } },
				{ continueOnFail: true },
			);

			expect(texmlRequests(world)).toHaveLength(0);
			expect(output[0].json.error).toBe(
				`The "Date Created" filter is not a date Telnyx understands: it is "${dateCreated}". Enter a date as YYYY-MM-DD, optionally after one of Telnyx’s operators <, <=, > or >= (e.g. >=2023-05-22 for that day or later).`,
			);
		},
	);
});

describe('Conference → Update (POST /texml/Accounts/{account_sid}/Conferences/{conference_sid})', () => {
	test('Status completed ends the conference and hangs up everyone', async () => {
		const { output, error } = await runTexml(world, {
			resource: 'conference',
			operation: 'update',
			updateFields: { status: 'completed' },
		});

		expect(error).toBeUndefined();
		const [request] = texmlRequests(world);
		expect(request).toMatchObject({ method: 'POST', url: `${path}/${world.conference.sid}`, body: 'Status=completed' });
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
		expect(world.conference.announcements).toEqual([{ url: 'https://example.com/closing.xml', method: 'GET' }]);
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
			{ resource: 'conference', operation: 'update', updateFields: { announceUrl: 'https://example.com/a.mp3' } },
			{ continueOnFail: true },
		);

		expect(texmlRequests(world)).toHaveLength(1);
		expect(output[0].json.error).toBe(
			`Could not update conference "${world.conference.sid}": Telnyx refused the request (Telnyx: The conference has already ended). Nothing was changed; sending the same request again will fail the same way.`,
		);
	});
});
