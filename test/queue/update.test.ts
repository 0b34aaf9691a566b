import { startWorld, type World } from '../support/fixtures';
import { runTexml, texmlRequests } from '../support/texml';

let world: World;
beforeEach(async () => {
	world = await startWorld();
	world.sandbox.store.queues.create(world.sandbox.account.sid, 'support', 10);
});
afterEach(async () => await world.close());

describe('Queue → Update (POST /texml/Accounts/{account_sid}/Queues/{queue_sid})', () => {
	test('sends the new Max Size as a form; the output is the queue', async () => {
		const { output, error } = await runTexml(world, {
			resource: 'queue',
			operation: 'update',
			queueSid: 'support',
			maxSize: 50,
		});

		expect(error).toBeUndefined();
		const [request] = texmlRequests(world);
		expect(request).toMatchObject({
			method: 'POST',
			url: `/v2/texml/Accounts/${world.sandbox.account.sid}/Queues/support`,
			body: 'MaxSize=50',
		});
		expect(request.headers['content-type']).toBe('application/x-www-form-urlencoded');
		expect(output[0].json).toMatchObject({ sid: 'support', max_size: 50 });
	});

	test('a Max Size from an expression that is not a number is refused before sending', async () => {
		const { output } = await runTexml(
			world,
			{ resource: 'queue', operation: 'update', queueSid: 'support', maxSize: '={{ "many" }}' },
			{ continueOnFail: true },
		);
		expect(texmlRequests(world)).toHaveLength(0);
		expect(output[0].json.error).toBe(
			'The "Max Size" field must be a whole number of at least 1, but it is "many". Enter a whole number of at least 1.',
		);
	});
});
