import { startWorld, type World } from '../support/fixtures';
import { runTexml, texmlRequests } from '../support/texml';

let world: World;
beforeEach(async () => {
	world = await startWorld();
});
afterEach(async () => await world.close());

describe('Call Stream → Stop (POST …/Calls/{call_sid}/Streams/{streaming_sid}.json)', () => {
	test('sends Status=stopped; the output is the stopped stream', async () => {
		const stream = world.sandbox.store.sessions.startStream({
			accountSid: world.sandbox.account.sid,
			callSid: world.bob.callSid,
			url: 'wss://stt.example.com/a',
			track: 'inbound_track',
			bidirectionalMode: 'mp3',
			bidirectionalCodec: 'PCMU',
		});

		const { output, error } = await runTexml(world, {
			resource: 'callStream',
			operation: 'stop',
			callSid: world.bob.callSid,
			streamSid: stream.sid,
		});

		expect(error).toBeUndefined();
		const [request] = texmlRequests(world);
		expect(request).toMatchObject({
			method: 'POST',
			url: `/v2/texml/Accounts/${world.sandbox.account.sid}/Calls/${world.bob.callSid}/Streams/${stream.sid}.json`,
			body: 'Status=stopped',
		});
		expect(request.headers['content-type']).toBe('application/x-www-form-urlencoded');
		expect(stream.status).toBe('stopped');
		expect(output[0].json).toMatchObject({ sid: stream.sid, status: 'stopped' });
	});

	test('an empty Stream SID is refused before sending', async () => {
		const { output } = await runTexml(
			world,
			{ resource: 'callStream', operation: 'stop', callSid: world.bob.callSid, streamSid: ' ' },
			{ continueOnFail: true },
		);
		expect(texmlRequests(world)).toHaveLength(0);
		expect(output[0].json.error).toBe(
			'The "Stream SID" field is empty. Enter the stream SID: sid of Call Stream → Start, or StreamSid of the stream’s status callback.',
		);
	});

	test('an unknown stream is Telnyx’s 404', async () => {
		const { output } = await runTexml(
			world,
			{ resource: 'callStream', operation: 'stop', callSid: world.bob.callSid, streamSid: 'nope' },
			{ continueOnFail: true },
		);
		expect(texmlRequests(world)).toHaveLength(1);
		expect(output[0].json.error).toMatch(/^Stream "nope" of call "v3:[^"]+" was not found/);
	});
});
