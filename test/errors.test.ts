import { inspect } from 'node:util';

import { NodeApiError } from 'n8n-workflow';

import { startWorld, updateParticipant, type World } from './support/fixtures';

/** Telnyx's `errors[]` reach the user with the HTTP status and what to do; the key never does. */
describe('Telnyx errors', () => {
	let world: World;
	beforeEach(async () => {
		world = await startWorld();
	});
	afterEach(() => world.close());

	const withKey = (w: World, apiKey: string) => ({
		...w.engine,
		credentials: { telnyxTexmlApi: { apiKey, baseUrl: w.sandbox.baseUrl } },
	});

	it('401: sent once, tells the user to check the API key, never shows the key', async () => {
		const badKey = 'KEY_WRONG_0123456789_secret';
		const { run, error } = await updateParticipant(world, { updateFields: { muted: true } }, { engine: withKey(world, badKey) });

		expect(world.sandbox.requests).toHaveLength(1);
		expect(world.sandbox.requests[0].status).toBe(401);
		expect(error).toMatchObject({
			name: 'NodeApiError',
			httpCode: '401',
			message: 'Telnyx rejected the API key: The API key looks malformed or is not valid. Check that you copied it correctly.',
		});
		expect(error?.description).toContain('Authentication failed [Telnyx code 10009]');
		expect(error?.description).toContain('Check the API key in the Telnyx TeXML API credential');
		expect(JSON.stringify(run)).not.toContain(badKey);
	});

	it('404: says the conference or participant was not found, with the account SID hint', async () => {
		const { error } = await updateParticipant(world, {
			participant: { __rl: true, mode: 'id', value: 'nobody' },
			updateFields: { muted: true },
		});
		expect(error).toMatchObject({
			httpCode: '404',
			message: 'The conference or participant was not found: Resource not found',
		});
		expect(error?.description).toMatch(/the account SID is not the one that owns the API key/);
	});

	it('404 for an account SID that is not the key’s own', async () => {
		const { error } = await updateParticipant(world, {
			accountSid: '00000000-0000-0000-0000-000000000000',
			updateFields: { muted: true },
		});
		expect(world.sandbox.requests[0].status).toBe(404);
		expect(error).toMatchObject({ httpCode: '404', message: 'The conference or participant was not found: Resource not found' });
	});

	it('422: Telnyx’s detail is the message; title, field and code are in the description', async () => {
		const { error } = await updateParticipant(world, {
			updateFields: { coaching: true, callSidToCoach: 'v3:not-in-this-conference' },
		});
		expect(error).toMatchObject({
			httpCode: '422',
			message: 'CallSidToCoach is not a participant of this conference.',
		});
		expect(error?.description).toContain('Invalid parameter (field: CallSidToCoach) [Telnyx code 10015]');
	});

	it('continue on fail: an error item for the failing item, results for the rest, in order', async () => {
		const items = [{ json: { who: world.alice.callSid } }, { json: { who: 'gone' } }, { json: { who: 'coach' } }];
		const { output, error, run } = await updateParticipant(
			world,
			{ participant: { __rl: true, mode: 'id', value: '={{ $json.who }}' }, updateFields: { hold: true } },
			{ items, continueOnFail: true },
		);

		expect(error).toBeUndefined();
		expect(run.status).toBe('success');
		expect(output).toHaveLength(3);
		expect(output[0].json.call_sid).toBe(world.alice.callSid);
		expect(output[1].json).toEqual({ error: 'The conference or participant was not found: Resource not found' });
		expect(output[1].error).toBeInstanceOf(NodeApiError);
		expect((output[1].error as NodeApiError).httpCode).toBe('404');
		expect(output[2].json.call_sid).toBe(world.carol.callSid);
		expect(output.map((o) => o.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
	});

	it('a Telnyx that cannot be reached: the key is not in the error either', async () => {
		const { origin } = world.sandbox;
		await world.sandbox.close();
		const secret = world.sandbox.account.apiKey;
		const { error, run } = await updateParticipant(world, { updateFields: { muted: true } }, {
			engine: { ...world.engine, credentials: { telnyxTexmlApi: { apiKey: secret, baseUrl: `${origin}/v2` } } },
		});
		expect(error?.message).toBe('Telnyx could not be reached: the connection was refused');
		expect(error?.description).toBe(
			'Nothing answered at the Base URL of the credential. Check it, or try again later. (ECONNREFUSED)\n' +
				'Sent 3 times: connection refused (ECONNREFUSED), connection refused (ECONNREFUSED), connection refused (ECONNREFUSED).',
		);
		expect(JSON.stringify(run)).not.toContain(secret);

		const { output } = await updateParticipant(world, { updateFields: { muted: true } }, {
			continueOnFail: true,
			engine: { ...world.engine, credentials: { telnyxTexmlApi: { apiKey: secret, baseUrl: `${origin}/v2` } } },
		});
		// The item's error object keeps no request configuration (that held the Authorization header).
		expect(inspect(output[0].error, { depth: 10 })).not.toContain(secret);
		world.close = async () => {};
	});
});
