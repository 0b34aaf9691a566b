import { startWorld, type World } from '../support/fixtures';
import { runTexml, texmlRequests } from '../support/texml';

let world: World;
beforeEach(async () => {
	world = await startWorld();
});
afterEach(async () => await world.close());

const queues = () => `/v2/texml/Accounts/${world.sandbox.account.sid}/Queues`;

describe('Queue → Create (POST /texml/Accounts/{account_sid}/Queues)', () => {
	test('sends the name and max size as a form; the output is the new queue', async () => {
		const { output, error } = await runTexml(world, {
			resource: 'queue',
			operation: 'create',
			friendlyName: 'support',
			maxSize: 20,
		});

		expect(error).toBeUndefined();
		const [request] = texmlRequests(world);
		expect(request).toMatchObject({
			method: 'POST',
			url: queues(),
			body: 'FriendlyName=support&MaxSize=20',
		});
		expect(request.headers['content-type']).toBe('application/x-www-form-urlencoded');
		expect(request.headers.authorization).toBe(`Bearer ${world.sandbox.account.apiKey}`);
		expect(output).toHaveLength(1);
		expect(output[0].json).toMatchObject({ sid: 'support', max_size: 20, current_size: 0 });
		expect(world.sandbox.store.queues.find(world.sandbox.account.sid, 'support')?.maxSize).toBe(20);
	});

	test('Simplify keeps what a contact center needs', async () => {
		const { output } = await runTexml(world, {
			resource: 'queue',
			operation: 'create',
			friendlyName: 'sales',
			maxSize: 5,
			simplify: true,
		});
		expect(output[0].json).toEqual({
			sid: 'sales',
			current_size: 0,
			max_size: 5,
			average_wait_time: 0,
		});
	});

	test('a Max Size that is not a whole number from 1 is refused; with continue-on-fail the other items are created', async () => {
		const { output } = await runTexml(
			world,
			{
				resource: 'queue',
				operation: 'create',
				friendlyName: '={{ $json.name }}',
				maxSize: '={{ $json.size }}',
			},
			{
				continueOnFail: true,
				items: [
					{ json: { name: 'a', size: 3 } },
					{ json: { name: 'b', size: 0 } },
					{ json: { name: 'c', size: 4 } },
				],
			},
		);

		expect(texmlRequests(world).map((r) => r.body)).toEqual([
			'FriendlyName=a&MaxSize=3',
			'FriendlyName=c&MaxSize=4',
		]);
		expect(output.map((o) => o.json.sid ?? o.json.error)).toEqual([
			'a',
			'The "Max Size" field must be a whole number of at least 1, but it is 0. Enter a whole number of at least 1.',
			'c',
		]);
	});

	test('a name already taken is Telnyx’s 422, shown with its detail; not sent again', async () => {
		await runTexml(world, {
			resource: 'queue',
			operation: 'create',
			friendlyName: 'support',
			maxSize: 10,
		});
		const { output } = await runTexml(
			world,
			{ resource: 'queue', operation: 'create', friendlyName: 'support', maxSize: 10 },
			{ continueOnFail: true },
		);
		expect(texmlRequests(world)).toHaveLength(2);
		expect(output[0].json.error).toContain('A queue named support already exists');
	});
});
