import { callResource } from '../../sandbox';
import { callsPath, placeCall, runCall } from '../support/calls';
import { startWorld, type World } from '../support/fixtures';
import { jsonOf, texmlRequests } from '../support/texml';

let world: World;

beforeEach(async () => {
	world = await startWorld();
});
afterEach(async () => await world.close());

describe('Call → Get (GET /texml/Accounts/{account_sid}/Calls/{call_sid})', () => {
	test('gets the call by its SID, colon kept literal in the path; outputs the call resource', async () => {
		const call = placeCall(world, '+13125550123', 'room');

		const { output, error } = await runCall(world, 'get', { callSid: call.sid });

		expect(error).toBeUndefined();
		const [request] = texmlRequests(world);
		expect(request.method).toBe('GET');
		expect(request.url).toBe(`${callsPath(world)}/${call.sid}`);
		expect(request.url).toContain('/v3:');
		expect(jsonOf(output)).toEqual([JSON.parse(JSON.stringify(callResource(call)))]);
		expect(output[0].json).toMatchObject({ status: 'in-progress', direction: 'outbound' });
	});

	test('Simplify keeps what a person or a model acts on', async () => {
		const call = placeCall(world, '+13125550123', 'room');
		world.sandbox.store.calls.hangUp(call);

		const { output } = await runCall(world, 'get', { callSid: call.sid, simplify: true });

		expect(Object.keys(output[0].json)).toEqual([
			'sid',
			'status',
			'from',
			'to',
			'direction',
			'start_time',
			'end_time',
			'duration',
		]);
		expect(output[0].json.status).toBe('completed');
	});

	test('an unknown call: a 404 that names the account SID as the usual cause', async () => {
		const { output } = await runCall(
			world,
			'get',
			{ callSid: 'v3:unknown' },
			{ continueOnFail: true },
		);

		expect(output[0].json.error).toBe(
			`Call "v3:unknown" was not found in account "${world.sandbox.account.sid}" (Telnyx: Resource not found). Check the Account SID: it must be the organization ID of the API key’s Telnyx account; leave it empty and the node looks it up. Otherwise the call SID is wrong, or the call ended more than 30 days ago.`,
		);
	});

	test.each([
		[
			'={{ $json.missing }}',
			'The "Call SID" field is empty. Map the CallSid of a Telnyx TeXML Trigger event (a call status callback), or the call_sid of a conference participant.',
		],
		['..', 'The "Call SID" field cannot be "..". Enter the ID or label itself.'],
	])('a Call SID of %j is refused before sending', async (callSid, message) => {
		const { output } = await runCall(world, 'get', { callSid }, { continueOnFail: true });

		expect(texmlRequests(world)).toEqual([]);
		expect(output[0].json.error).toBe(message);
	});
});
