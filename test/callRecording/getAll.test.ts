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
