import { startWorld, type World } from '../support/fixtures';
import { runTexml } from '../support/texml';

let world: World;
beforeEach(async () => {
	world = await startWorld();
});
afterEach(async () => await world.close());

const VALUE = 's3cr3t-Value!';
const sent = () => world.sandbox.requests.filter((r) => r.url === '/v2/texml/secrets');

describe('TeXML Secret → Create (POST /texml/secrets, JSON)', () => {
	test('stores the secret; the value reaches Telnyx and appears nowhere in the output', async () => {
		const { output, error } = await runTexml(world, {
			resource: 'texmlSecret',
			operation: 'create',
			referenceName: 'crm_token',
			secretValue: VALUE,
		});

		expect(error).toBeUndefined();
		const [request] = sent();
		expect(request.method).toBe('POST');
		expect(request.headers['content-type']).toBe('application/json');
		// The sandbox's log masks the value; the store says what arrived.
		expect(JSON.parse(request.body)).toEqual({ name: 'crm_token', value: 'REDACTED' });
		expect(world.sandbox.store.secrets.matches(world.sandbox.account.sid, 'crm_token', VALUE)).toBe(
			true,
		);
		expect(output.map((o) => o.json)).toEqual([{ name: 'crm_token', stored: true }]);
		expect(JSON.stringify(output)).not.toContain(VALUE);
		expect(world.sandbox.requests.filter((r) => r.url === '/v2/whoami')).toHaveLength(0);
	});

	test('an item refused before sending does not show the value', async () => {
		const { output } = await runTexml(
			world,
			{
				resource: 'texmlSecret',
				operation: 'create',
				referenceName: '={{ $json.none }}',
				secretValue: VALUE,
			},
			{ continueOnFail: true },
		);
		expect(sent()).toHaveLength(0);
		expect(output[0].json.error).toBe(
			'The "Name" field is empty. Enter a value for it or map one from the input data.',
		);
		expect(JSON.stringify(output)).not.toContain(VALUE);
	});

	test('a 503 is sent again (storing the same value twice is harmless); the value appears nowhere', async () => {
		world.sandbox.faults.configure({ failFirst: true });
		const { output } = await runTexml(
			world,
			{
				resource: 'texmlSecret',
				operation: 'create',
				referenceName: 'crm_token',
				secretValue: VALUE,
			},
			{ continueOnFail: true },
		);
		// Storing a value again is harmless: the 503 is retried and the item succeeds.
		expect(sent().length).toBeGreaterThanOrEqual(2);
		expect(JSON.stringify(output)).not.toContain(VALUE);
		expect(output[0].json).toEqual({ name: 'crm_token', stored: true });
	});
});
