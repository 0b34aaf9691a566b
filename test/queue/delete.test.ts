import { startWorld, type World } from '../support/fixtures';
import { runTexml, texmlRequests } from '../support/texml';

let world: World;
beforeEach(async () => {
	world = await startWorld();
	world.sandbox.store.queues.create(world.sandbox.account.sid, 'support', 10);
});
afterEach(async () => await world.close());

describe('Queue → Delete (DELETE /texml/Accounts/{account_sid}/Queues/{queue_sid})', () => {
	test('Telnyx answers 204; the output says what was deleted', async () => {
		const { output, error } = await runTexml(world, {
			resource: 'queue',
			operation: 'delete',
			queueSid: 'support',
		});

		expect(error).toBeUndefined();
		const [request] = texmlRequests(world);
		expect(request).toMatchObject({
			method: 'DELETE',
			url: `/v2/texml/Accounts/${world.sandbox.account.sid}/Queues/support`,
			body: '',
		});
		expect(output.map((o) => o.json)).toEqual([{ deleted: true, queue_sid: 'support' }]);
		expect(world.sandbox.store.queues.find(world.sandbox.account.sid, 'support')).toBeUndefined();
	});

	test('with continue-on-fail, a "." SID is refused unsent and the others are deleted', async () => {
		world.sandbox.store.queues.create(world.sandbox.account.sid, 'sales', 10);
		const { output } = await runTexml(
			world,
			{ resource: 'queue', operation: 'delete', queueSid: '={{ $json.q }}' },
			{
				continueOnFail: true,
				items: [{ json: { q: 'support' } }, { json: { q: '.' } }, { json: { q: 'sales' } }],
			},
		);
		expect(texmlRequests(world).map((r) => r.url.split('/').pop())).toEqual(['support', 'sales']);
		expect(output.map((o) => o.json.queue_sid ?? o.json.error)).toEqual([
			'support',
			'The "Queue SID" field cannot be ".". Enter the ID or label itself.',
			'sales',
		]);
	});
});
