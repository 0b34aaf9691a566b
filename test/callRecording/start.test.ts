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
