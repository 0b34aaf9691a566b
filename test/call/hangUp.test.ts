import { placeCall, runCall, callsPath } from '../support/calls';
import { startWorld, type World } from '../support/fixtures';
import { texmlRequests } from '../support/texml';

let world: World;

beforeEach(async () => {
	world = await startWorld();
});
afterEach(async () => await world.close());

describe('Call → Hang Up (POST /texml/Accounts/{account_sid}/Calls/{call_sid}, Status=completed)', () => {
	test('sends Status=completed as a form; the call ends and leaves its conference', async () => {
		const host = placeCall(world, '+13125550001', 'standup');
		const guest = placeCall(world, '+13125550002', 'standup');
		const conference = world.sandbox.store.calls.membership(guest)!.conference;

		const { output, error } = await runCall(world, 'hangUp', { callSid: guest.sid });

		expect(error).toBeUndefined();
		const [request, ...others] = texmlRequests(world);
		expect(others).toEqual([]);
		expect(request.method).toBe('POST');
		expect(request.url).toBe(`${callsPath(world)}/${guest.sid}`);
		expect(request.headers['content-type']).toBe('application/x-www-form-urlencoded');
		expect(request.body).toBe('Status=completed');
		expect(output[0].json).toMatchObject({ sid: guest.sid, status: 'completed' });
		expect(typeof output[0].json.end_time).toBe('string');
		expect(conference.participants.map((p) => p.callSid)).toEqual([host.sid]);
		expect(host.status).toBe('in-progress');
	});

	test('hanging up a host with End Conference On Exit ends the conference and every call in it', async () => {
		const store = world.sandbox.store;
		const guest = placeCall(world, '+13125550002', 'standup');
		const host = store.calls.place(
			world.sandbox.account.sid,
			{
				applicationSid: world.sandbox.application.id,
				from: '+1',
				to: '+13125550001',
				customHeaders: [],
			},
			{
				texml:
					'<Response><Dial><Conference endConferenceOnExit="true">standup</Conference></Dial></Response>',
			},
		);
		const conference = store.calls.membership(host)!.conference;

		await runCall(world, 'hangUp', { callSid: host.sid });

		expect(conference.status).toBe('completed');
		expect([host.status, guest.status]).toEqual(['completed', 'completed']);
	});

	test('a call that has ended: Telnyx’s 422 in its words', async () => {
		const call = placeCall(world, '+13125550002', 'standup');
		world.sandbox.store.calls.hangUp(call);

		const { output } = await runCall(
			world,
			'hangUp',
			{ callSid: call.sid },
			{ continueOnFail: true },
		);

		expect(output[0].json.error).toBe(
			`Could not hang up call "${call.sid}": Telnyx refused the request (Telnyx: This call is no longer active and can’t receive commands). Nothing was changed; sending the same request again will fail the same way.`,
		);
	});

	test('an unknown call: the 404 names the account SID as the usual cause', async () => {
		const { output } = await runCall(
			world,
			'hangUp',
			{ callSid: 'v3:gone', accountSid: 'f5586561-0000-4000-8000-000000000000' },
			{ continueOnFail: true },
		);

		expect(output[0].json.error).toMatch(
			/^Call "v3:gone" was not found in account "f5586561-0000-4000-8000-000000000000" \(Telnyx: Resource not found\)\. Check the Account SID/,
		);
	});
});
