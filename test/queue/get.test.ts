import { startWorld, type World } from '../support/fixtures';
import { runTexml, texmlRequests } from '../support/texml';

let world: World;
beforeEach(async () => {
	world = await startWorld();
	world.sandbox.store.queues.create(world.sandbox.account.sid, 'support', 10);
});
afterEach(async () => await world.close());

const queues = () => `/v2/texml/Accounts/${world.sandbox.account.sid}/Queues`;

describe('Queue → Get (GET /texml/Accounts/{account_sid}/Queues/{queue_sid})', () => {
	test('the output is the queue as Telnyx answers it', async () => {
		const { output, error } = await runTexml(world, {
			resource: 'queue',
			operation: 'get',
			queueSid: 'support',
		});

		expect(error).toBeUndefined();
		const [request] = texmlRequests(world);
		expect(request).toMatchObject({ method: 'GET', url: `${queues()}/support`, body: '' });
		expect(request.headers.accept).toBe('application/json');
		expect(output[0].json).toMatchObject({ sid: 'support', max_size: 10, current_size: 0 });
	});

	test('an empty Queue SID is refused before sending, naming the field', async () => {
		const { output } = await runTexml(
			world,
			{ resource: 'queue', operation: 'get', queueSid: '={{ $json.missing }}' },
			{ continueOnFail: true },
		);
		expect(texmlRequests(world)).toHaveLength(0);
		expect(output[0].json.error).toBe(
			'The "Queue SID" field is empty. Enter the queue SID or map one from the input data; list the queues to find it.',
		);
	});

	test('an unknown queue is Telnyx’s 404, and the run fails without continue-on-fail', async () => {
		const { error } = await runTexml(world, {
			resource: 'queue',
			operation: 'get',
			queueSid: 'gone',
		});
		expect(texmlRequests(world)).toHaveLength(1);
		expect(error?.message).toMatch(/^Queue "gone" was not found/);
		expect(error?.message).not.toContain(world.sandbox.account.apiKey);
	});
});
