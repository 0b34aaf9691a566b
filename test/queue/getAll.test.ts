import { startWorld, type World } from '../support/fixtures';
import { runTexml, texmlRequests } from '../support/texml';

let world: World;
beforeEach(async () => {
	world = await startWorld({ pageSize: 2 });
	for (const name of ['a', 'b', 'c'])
		world.sandbox.store.queues.create(world.sandbox.account.sid, name, 10);
});
afterEach(async () => await world.close());

describe('Queue → Get Many (GET /texml/Accounts/{account_sid}/Queues)', () => {
	test('Return All follows next_page_uri: one item per queue', async () => {
		const { output, error } = await runTexml(world, {
			resource: 'queue',
			operation: 'getAll',
			returnAll: true,
		});

		expect(error).toBeUndefined();
		const requests = texmlRequests(world);
		expect(requests[0]).toMatchObject({
			method: 'GET',
			url: `/v2/texml/Accounts/${world.sandbox.account.sid}/Queues`,
		});
		expect(requests.length).toBe(2);
		expect(output.map((o) => o.json.sid).sort()).toEqual(['a', 'b', 'c']);
	});

	test('Limit stops reading pages once reached', async () => {
		const { output } = await runTexml(world, {
			resource: 'queue',
			operation: 'getAll',
			returnAll: false,
			limit: 1,
			simplify: true,
		});
		expect(texmlRequests(world)).toHaveLength(1);
		expect(output).toHaveLength(1);
		expect(Object.keys(output[0].json).sort()).toEqual([
			'average_wait_time',
			'current_size',
			'max_size',
			'sid',
		]);
	});
});
