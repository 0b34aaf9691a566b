import { startWorld, type World } from '../support/fixtures';
import { runTexml, texmlRequests } from '../support/texml';

let world: World;
let path: string;

beforeEach(async () => {
	world = await startWorld({ pageSize: 2 });
	path = `/v2/texml/Accounts/${world.sandbox.account.sid}/Conferences`;
});
afterEach(async () => await world.close());

/** Conferences created one day apart, oldest first (the world's own conference is today's). */
function addConferences(
	count: number,
	status: 'init' | 'in-progress' | 'completed' = 'in-progress',
) {
	return Array.from({ length: count }, (_, i) =>
		world.sandbox.store.addConference(world.sandbox.account.sid, {
			friendlyName: `standup-${i}`,
			status,
			dateCreated: new Date(Date.UTC(2026, 0, 10 + i, 9)),
			dateUpdated: new Date(Date.UTC(2026, 0, 10 + i, 10)),
		}),
	);
}

describe('Conference → Get Many (GET /texml/Accounts/{account_sid}/Conferences)', () => {
	test('Return All follows next_page_uri across pages: one item per conference, newest first', async () => {
		const added = addConferences(4);

		const { output, error } = await runTexml(world, {
			resource: 'conference',
			operation: 'getAll',
			returnAll: true,
		});

		expect(error).toBeUndefined();
		const requests = texmlRequests(world);
		expect(requests.map((r) => r.method)).toEqual(['GET', 'GET', 'GET']);
		expect(requests[0].url).toBe(path);
		// Each following page is exactly the next_page_uri Telnyx gave, resolved against the host.
		expect(requests[1].url).toMatch(
			new RegExp(`^${path}\\.json\\?Page=1&PageSize=2&PageToken=[\\w-]+$`),
		);
		expect(requests[2].url).toMatch(
			new RegExp(`^${path}\\.json\\?Page=2&PageSize=2&PageToken=[\\w-]+$`),
		);
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

		const { output } = await runTexml(world, {
			resource: 'conference',
			operation: 'getAll',
			returnAll: false,
			limit,
		});

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
		expect(output.map((o) => o.json.friendly_name)).toEqual([
			'standup-3',
			'standup-2',
			'standup-1',
		]);
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
