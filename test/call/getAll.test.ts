import { placeCall, runCall, callsPath } from '../support/calls';
import { startWorld, type World } from '../support/fixtures';
import { texmlRequests } from '../support/texml';

let world: World;

beforeEach(async () => {
	world = await startWorld({ pageSize: 2 });
});
afterEach(async () => await world.close());

describe('Call → Get Many (GET /texml/Accounts/{account_sid}/Calls)', () => {
	test('Return All follows next_page_uri (…/Calls.json) across pages: one item per call, newest first', async () => {
		const calls = ['+1001', '+1002', '+1003', '+1004', '+1005'].map((to) => placeCall(world, to));

		const { output, error } = await runCall(world, 'getAll', { returnAll: true });

		expect(error).toBeUndefined();
		const requests = texmlRequests(world);
		expect(requests.map((r) => r.url.split('?')[0])).toEqual([
			callsPath(world),
			`${callsPath(world)}.json`,
			`${callsPath(world)}.json`,
		]);
		expect(requests[1].url).toMatch(/\?Page=1&PageSize=2&PageToken=[\w-]+$/);
		expect(output.map((o) => o.json.sid)).toEqual(calls.map((c) => c.sid).reverse());
		expect(output.map((o) => o.pairedItem)).toEqual(Array(5).fill({ item: 0 }));
	});

	test.each([
		[1, 1],
		[3, 2],
		[50, 3],
	])('Limit %i reads %i page(s)', async (limit, pages) => {
		['+1001', '+1002', '+1003', '+1004', '+1005'].forEach((to) => placeCall(world, to));

		const { output } = await runCall(world, 'getAll', { returnAll: false, limit });

		expect(texmlRequests(world)).toHaveLength(pages);
		expect(output).toHaveLength(Math.min(limit, 5));
	});

	test('filters go out as Telnyx query parameters, ride along in next_page_uri, and filter', async () => {
		const ended = ['+1001', '+1001', '+1001', '+1002'].map((to) => placeCall(world, to));
		ended.forEach((call) => world.sandbox.store.calls.hangUp(call));
		placeCall(world, '+1001');
		const today = new Date().toISOString().slice(0, 10);

		const { output } = await runCall(world, 'getAll', {
			returnAll: true,
			filters: {
				to: '+1001',
				from: '+13125550100',
				status: 'completed',
				startTime: today,
				endTimeAfter: '2020-01-01',
				endTimeBefore: '2999-12-31',
			},
		});

		const [first, second] = texmlRequests(world);
		const query = new URLSearchParams(first.url.split('?')[1]);
		expect(Object.fromEntries(query)).toEqual({
			To: '+1001',
			From: '+13125550100',
			Status: 'completed',
			StartTime: today,
			EndTime_gt: '2020-01-01',
			EndTime_lt: '2999-12-31',
		});
		expect(new URLSearchParams(second.url.split('?')[1]).get('Status')).toBe('completed');
		expect(output.map((o) => o.json.sid)).toEqual(
			ended
				.slice(0, 3)
				.map((c) => c.sid)
				.reverse(),
		);
	});

	test.each([
		[
			{ startTime: '22.05.2026' },
			'The "Start Time" filter is not a date Telnyx understands: it is "22.05.2026". Enter a date as YYYY-MM-DD, e.g. 2026-05-22.',
		],
		[
			{ endTimeBefore: '2026-02-30' },
			'The "End Time Before" filter is not a date Telnyx understands: it is "2026-02-30". Enter a date as YYYY-MM-DD, e.g. 2026-05-22.',
		],
		[
			{ startTimeAfter: '>=2026-01-01' },
			'The "Start Time After" filter is not a date Telnyx understands: it is ">=2026-01-01". Enter a date as YYYY-MM-DD, e.g. 2026-05-22.',
		],
	])('a bad date filter is refused before sending: %j', async (filters, message) => {
		const { output } = await runCall(world, 'getAll', { filters }, { continueOnFail: true });

		expect(texmlRequests(world)).toEqual([]);
		expect(output[0].json.error).toBe(message);
	});
});
