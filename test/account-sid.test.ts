import { REFUSING_ORIGIN, startWorld, type World } from './support/fixtures';
import { locator, runTexml, texmlRequests, whoamiCalls } from './support/texml';

let world: World;

beforeEach(async () => {
	world = await startWorld();
});
afterEach(async () => await world.close());

/** Update each of the world's participants (one item each), muting them. */
const muteAll = (accountSid: string, options: Parameters<typeof runTexml>[2] = {}) =>
	runTexml(
		world,
		{
			resource: 'conferenceParticipant',
			operation: 'update',
			accountSid,
			participant: locator('={{ $json.participant }}'),
			updateFields: { muted: true },
		},
		{
			items: [world.alice, world.bob, world.carol].map((p) => ({
				json: { participant: p.callSid },
			})),
			...options,
		},
	);

describe('Account SID left empty: the organization of the API key (GET /v2/whoami)', () => {
	test('is looked up once per execution and used for every item', async () => {
		const { output, error } = await muteAll('');

		expect(error).toBeUndefined();
		expect(whoamiCalls(world)).toBe(1);
		const whoami = world.sandbox.requests.find((r) => r.url === '/v2/whoami')!;
		expect(whoami.headers.authorization).toBe(`Bearer ${world.sandbox.account.apiKey}`);
		const updates = texmlRequests(world);
		expect(updates).toHaveLength(3);
		for (const request of updates) {
			expect(request.url).toMatch(
				new RegExp(`^/v2/texml/Accounts/${world.sandbox.account.sid}/Conferences/`),
			);
		}
		expect(output.map((o) => o.json.muted)).toEqual([true, true, true]);
	});

	test('a second execution looks it up again (the key may have changed meanwhile)', async () => {
		await muteAll('');
		await muteAll('');

		expect(whoamiCalls(world)).toBe(2);
		expect(texmlRequests(world)).toHaveLength(6);
	});

	test('is not looked up when the field is filled in', async () => {
		await muteAll(world.sandbox.account.sid);

		expect(whoamiCalls(world)).toBe(0);
	});

	test('an expression that is empty for some items looks it up once for those', async () => {
		const { output } = await runTexml(
			world,
			{
				resource: 'conferenceParticipant',
				operation: 'get',
				accountSid: '={{ $json.account }}',
				participant: locator('alice'),
			},
			{
				items: [
					{ json: { account: world.sandbox.account.sid } },
					{ json: {} },
					{ json: { account: '' } },
				],
			},
		);

		expect(whoamiCalls(world)).toBe(1);
		expect(output.map((o) => o.json.call_sid)).toEqual(Array(3).fill(world.alice.callSid));
	});

	test('works for every resource (conference Get Many)', async () => {
		const { output } = await runTexml(world, {
			resource: 'conference',
			operation: 'getAll',
			accountSid: '',
			returnAll: true,
		});

		expect(whoamiCalls(world)).toBe(1);
		expect(output.map((o) => o.json.sid)).toEqual([world.conference.sid]);
	});

	test('a key Telnyx rejects fails every item with one whoami and no TeXML request, never echoing the key', async () => {
		const engine = {
			...world.engine,
			credentials: {
				telnyxTexmlApi: { apiKey: 'KEY-NOT-KNOWN-123', baseUrl: world.sandbox.baseUrl },
			},
		};

		const { output } = await muteAll('', { engine, continueOnFail: true });

		expect(whoamiCalls(world)).toBe(1);
		expect(texmlRequests(world)).toHaveLength(0);
		expect(output).toHaveLength(3);
		for (const item of output) {
			expect(item.json.error).toBe(
				'Could not look up the account SID of the API key: Telnyx rejected the API key (Telnyx: The API key looks malformed or is not valid. Check that you copied it correctly). The API key in the Telnyx TeXML API credential must be corrected; trying again will not help.',
			);
			expect(item.error?.description).toContain('Enter the Account SID');
			expect(JSON.stringify(item)).not.toContain('KEY-NOT-KNOWN-123');
		}
	});

	test('an unreachable Base URL is a network error that carries no request details', async () => {
		const engine = {
			...world.engine,
			credentials: {
				telnyxTexmlApi: { apiKey: 'KEY-SECRET-456', baseUrl: `${REFUSING_ORIGIN}/v2` },
			},
		};

		const { output } = await muteAll('', { engine, continueOnFail: true });

		expect(output).toHaveLength(3);
		for (const item of output) {
			expect(item.json.error).toBe(
				'Could not look up the account SID of the API key: Telnyx could not be reached, the connection was refused. Check the Base URL of the credential, or try again later.',
			);
			expect(JSON.stringify(item)).not.toContain('KEY-SECRET-456');
		}
	});

	test('an empty conference fails the item before anything is looked up or sent', async () => {
		const { output } = await runTexml(
			world,
			{
				resource: 'conference',
				operation: 'get',
				accountSid: '',
				conferenceSid: locator('={{ "" }}'),
			},
			{ continueOnFail: true },
		);

		expect(world.sandbox.requests).toHaveLength(0);
		expect(output[0].json.error).toBe(
			'The "Conference" field is empty. Enter the conference SID or map one from the input data; list the conferences to find it.',
		);
	});
});

describe('A wrong Account SID', () => {
	test('still gets the 404 that says the account SID may not own the key', async () => {
		const { output } = await runTexml(
			world,
			{
				resource: 'conference',
				operation: 'get',
				accountSid: '00000000-0000-4000-8000-000000000000',
			},
			{ continueOnFail: true },
		);

		expect(whoamiCalls(world)).toBe(0);
		expect(output[0].json.error).toBe(
			`Conference "${world.conference.sid}" was not found (Telnyx: Resource not found). List the conferences to find the right conference SID.`,
		);
		expect(output[0].error?.description).toContain(
			'Telnyx also answers 404 when the account SID is not the one that owns the API key',
		);
	});
});
