import { callRecordingStartResource } from '../../sandbox';
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

describe('Call Recording → Update (POST …/Calls/{call_sid}/Recordings/{recording_sid}.json)', () => {
	test('pause, resume, stop: the recording follows; stopped, its audio can be downloaded', async () => {
		const recording = world.sandbox.store.startCallRecording(
			world.sandbox.account.sid,
			world.bob.callSid,
		);
		const update = (status: string) =>
			callRecording({
				operation: 'update',
				callSid: world.bob.callSid,
				recordingSid: recording.sid,
				status,
			});

		await update('paused');
		expect(recording.status).toBe('paused');
		await update('in-progress');
		expect(recording.status).toBe('processing');
		const { output } = await update('stopped');
		expect(recording.status).toBe('stopped');

		expect(texmlRequests(world).map((r) => [r.url, r.body])).toEqual(
			['paused', 'in-progress', 'stopped'].map((status) => [
				`${calls()}/${world.bob.callSid}/Recordings/${recording.sid}.json`,
				`Status=${status}`,
			]),
		);
		expect(output[0].json).toEqual(callRecordingStartResource(recording));
		const download = await runTexml(world, {
			resource: 'recording',
			operation: 'download',
			recordingSid: recording.sid,
		});
		expect(download.error).toBeUndefined();
		expect(download.output[0].binary?.data.fileName).toBe(`${recording.sid}.wav`);
	});

	test('a recording of another call is a 404 naming both', async () => {
		const recording = world.sandbox.store.startCallRecording(
			world.sandbox.account.sid,
			world.bob.callSid,
		);

		const { output } = await callRecording(
			{
				operation: 'update',
				callSid: world.alice.callSid,
				recordingSid: recording.sid,
				status: 'paused',
			},
			true,
		);

		expect(output[0].json.error).toMatch(
			new RegExp(
				`^Recording "${recording.sid}" of call "${world.alice.callSid.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}" was not found`,
			),
		);
	});
});
