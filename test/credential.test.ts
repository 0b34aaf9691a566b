import { TelnyxTexmlApi } from '../credentials/TelnyxTexmlApi.credentials';
import { testCredential } from './support/engine';
import { NODE_TYPE, startWorld, type World } from './support/fixtures';

describe('Telnyx TeXML API credential', () => {
	let world: World;
	beforeEach(async () => {
		world = await startWorld();
	});
	afterEach(() => world.close());

	const withData = (w: World, data: Record<string, string>) => ({
		...w.engine,
		credentials: { telnyxTexmlApi: data },
	});

	it('points at Telnyx by default and authenticates with a bearer token', () => {
		const credential = new TelnyxTexmlApi();
		expect(credential.name).toBe('telnyxTexmlApi');
		expect(credential.properties.find((p) => p.name === 'baseUrl')?.default).toBe(
			'https://api.telnyx.com/v2',
		);
		expect(credential.properties.find((p) => p.name === 'apiKey')).toMatchObject({
			required: true,
			typeOptions: { password: true },
		});
		expect(credential.authenticate).toEqual({
			type: 'generic',
			properties: { headers: { Authorization: '=Bearer {{$credentials.apiKey}}' } },
		});
	});

	it('the test passes with a valid key: GET {baseUrl}/whoami with the bearer token', async () => {
		const result = await testCredential(world.engine, 'telnyxTexmlApi', NODE_TYPE);
		expect(result).toEqual({ status: 'OK', message: 'Connection successful!' });
		expect(world.sandbox.requests).toHaveLength(1);
		expect(world.sandbox.requests[0]).toMatchObject({
			method: 'GET',
			url: '/v2/whoami',
			status: 200,
		});
		expect(world.sandbox.requests[0].headers.authorization).toBe(
			`Bearer ${world.sandbox.account.apiKey}`,
		);
	});

	it('a trailing slash on the Base URL does not double the slash', async () => {
		const result = await testCredential(
			withData(world, {
				apiKey: world.sandbox.account.apiKey,
				baseUrl: `${world.sandbox.baseUrl}/`,
			}),
			'telnyxTexmlApi',
			NODE_TYPE,
		);
		expect(result.status).toBe('OK');
		expect(world.sandbox.requests[0].url).toBe('/v2/whoami');
	});

	it('the test fails with a wrong key, with a message that says what to do', async () => {
		const result = await testCredential(
			withData(world, { apiKey: 'KEY_not_valid', baseUrl: world.sandbox.baseUrl }),
			'telnyxTexmlApi',
			NODE_TYPE,
		);
		expect(result).toEqual({
			status: 'Error',
			message:
				'Telnyx rejected the API key. Copy it again from the API Keys page of the Telnyx Portal.',
		});
		expect(world.sandbox.requests[0].status).toBe(401);
	});
});
