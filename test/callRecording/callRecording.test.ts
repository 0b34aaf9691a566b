import { callRecordingStartResource, texmlRecordingResource } from '../../sandbox';
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

describe('Call Recording → Start (POST …/Calls/{call_sid}/Recordings.json)', () => {
	test('starts with the options given, as a form; the answer is the new recording (sid for later updates)', async () => {
		const { output, error } = await callRecording({
			operation: 'start',
			callSid: world.bob.callSid,
			options: {
				playBeep: false,
				recordingChannels: 'single',
				recordingTrack: 'inbound',
				recordingStatusCallback: 'https://example.com/hooks/recordings',
				recordingStatusCallbackEvent: ['in-progress', 'completed'],
				recordingStatusCallbackMethod: 'POST',
			},
		});

		expect(error).toBeUndefined();
		const [request] = texmlRequests(world);
		expect(request.method).toBe('POST');
		expect(request.url).toBe(`${calls()}/${world.bob.callSid}/Recordings.json`);
		expect(request.headers['content-type']).toBe('application/x-www-form-urlencoded');
		expect(new URLSearchParams(request.body)).toEqual(
			new URLSearchParams({
				PlayBeep: 'false',
				RecordingChannels: 'single',
				RecordingStatusCallback: 'https://example.com/hooks/recordings',
				RecordingStatusCallbackEvent: 'in-progress completed',
				RecordingStatusCallbackMethod: 'POST',
				RecordingTrack: 'inbound',
			}),
		);
		const [recording] = world.sandbox.store.recordings;
		expect(output[0].json).toEqual(callRecordingStartResource(recording));
		expect(output[0].json).toMatchObject({
			call_sid: world.bob.callSid,
			channels: 1,
			track: 'inbound',
			source: 'StartCallRecordingAPI',
		});
	});

	test('an unknown call is a 404 naming the call; Start is not sent again', async () => {
		const { output } = await callRecording({ operation: 'start', callSid: 'v3:gone' }, true);

		expect(texmlRequests(world)).toHaveLength(1);
		expect(output[0].json.error).toBe(
			'Call "v3:gone" was not found (Telnyx: Resource not found). Use the CallSid of a trigger event or the call_sid of a conference participant; the call may have ended.',
		);
	});
});

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
