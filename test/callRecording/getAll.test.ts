import { texmlRecordingResource } from '../../sandbox';
import { startWorld, type World } from '../support/fixtures';
import { runTexml, texmlRequests } from '../support/texml';

let world: World;

beforeEach(async () => {
	world = await startWorld();
});
afterEach(async () => await world.close());

const calls = () => `/v2/texml/Accounts/${world.sandbox.account.sid}/Calls`;

function callRecording(parameters: Record<string, unknown>, continueOnFail = false) {
	return runTexml(world, { resource: 'callRecording', ...parameters }, { continueOnFail });
}

describe('Call Recording → Get Many (GET …/Calls/{call_sid}/Recordings.json)', () => {
	test('the recordings of the call only; the call hanging up completes its running recording', async () => {
		const first = world.sandbox.store.startCallRecording(
			world.sandbox.account.sid,
			world.bob.callSid,
		);
		world.sandbox.store.finishRecording(first);
		world.sandbox.store.startCallRecording(world.sandbox.account.sid, world.alice.callSid);
		const second = world.sandbox.store.startCallRecording(
			world.sandbox.account.sid,
			world.bob.callSid,
		);
		world.sandbox.store.removeParticipant(world.conference, world.bob);

		const { output, error } = await callRecording({
			operation: 'getAll',
			callSid: world.bob.callSid,
			returnAll: true,
		});

		expect(error).toBeUndefined();
		expect(texmlRequests(world)[0].url).toBe(`${calls()}/${world.bob.callSid}/Recordings.json`);
		expect(output.map((o) => o.json)).toEqual(
			[first, second].map((r) => texmlRecordingResource(r)),
		);
		expect(output.map((o) => o.json.status)).toEqual(['completed', 'completed']);
	});
});

describe('a call placed with Record=true', () => {
	test('is recorded (OutboundAPI) from the start until it hangs up; its recording completes then', async () => {
		const { store, account, baseUrl } = world.sandbox;
		const placed = await fetch(`${baseUrl}/texml/Accounts/${account.sid}/Calls`, {
			method: 'POST',
			headers: { authorization: `Bearer ${account.apiKey}`, 'content-type': 'application/json' },
			body: JSON.stringify({
				To: '+13125550123',
				From: '+13125550100',
				ApplicationSid: store.calls.applications[0].id,
				Texml: '<Response><Dial><Conference>board</Conference></Dial></Response>',
				Record: true,
				RecordingChannels: 'dual',
			}),
		});
		expect(placed.status).toBe(200);
		const call = store.calls.calls[0];

		const during = await callRecording({ operation: 'getAll', callSid: call.sid, returnAll: true });
		store.calls.hangUp(call);
		const after = await callRecording({ operation: 'getAll', callSid: call.sid, returnAll: true });

		expect(during.output.map((o) => [o.json.source, o.json.status, o.json.channels])).toEqual([
			['OutboundAPI', 'in-progress', 2],
		]);
		expect(after.output.map((o) => o.json.status)).toEqual(['completed']);
	});
});
