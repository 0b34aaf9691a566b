import { startWorld, type World } from '../support/fixtures';
import { runTexml, texmlRequests } from '../support/texml';

let world: World;
beforeEach(async () => {
	world = await startWorld();
});
afterEach(async () => await world.close());

const calls = () => `/v2/texml/Accounts/${world.sandbox.account.sid}/Calls`;

function start(parameters: Record<string, unknown>, options: Parameters<typeof runTexml>[2] = {}) {
	return runTexml(
		world,
		{ resource: 'callStream', operation: 'start', callSid: world.bob.callSid, ...parameters },
		options,
	);
}

describe('Call Stream → Start (POST …/Calls/{call_sid}/Streams.json)', () => {
	test('sends the WebSocket URL and the options added as a form; the output is the new stream', async () => {
		const { output, error } = await start({
			streamUrl: 'wss://stt.example.com/telnyx',
			streamOptions: {
				name: 'transcriber',
				track: 'both_tracks',
				bidirectionalMode: 'rtp',
				bidirectionalCodec: 'G722',
				statusCallback: 'https://example.com/hooks/stream',
				statusCallbackMethod: 'GET',
			},
		});

		expect(error).toBeUndefined();
		const [request] = texmlRequests(world);
		expect(request.method).toBe('POST');
		expect(request.url).toBe(`${calls()}/${world.bob.callSid}/Streams.json`);
		expect(request.headers['content-type']).toBe('application/x-www-form-urlencoded');
		expect(new URLSearchParams(request.body)).toEqual(
			new URLSearchParams({
				BidirectionalCodec: 'G722',
				BidirectionalMode: 'rtp',
				Name: 'transcriber',
				StatusCallback: 'https://example.com/hooks/stream',
				StatusCallbackMethod: 'GET',
				Track: 'both_tracks',
				Url: 'wss://stt.example.com/telnyx',
			}),
		);
		const [stream] = world.sandbox.store.sessions.streams;
		expect(stream).toMatchObject({
			url: 'wss://stt.example.com/telnyx',
			track: 'both_tracks',
			status: 'in-progress',
		});
		expect(output[0].json).toMatchObject({
			sid: stream.sid,
			call_sid: world.bob.callSid,
			name: 'transcriber',
			status: 'in-progress',
		});
	});

	test('only the URL when no option is added', async () => {
		await start({ streamUrl: ' wss://stt.example.com/a ' });
		expect(texmlRequests(world)[0].body).toBe('Url=wss%3A%2F%2Fstt.example.com%2Fa');
	});

	test.each([
		[
			'https://stt.example.com/a',
			'The "WebSocket URL" field must be a WebSocket address (wss://…), but it is "https://stt.example.com/a". Enter a full address such as wss://stt.example.com/telnyx.',
		],
		[
			'={{ $json.missing }}',
			'The "WebSocket URL" field is empty. Enter the wss:// address of the server that receives the audio.',
		],
	])('the URL %j is refused before sending', async (streamUrl, message) => {
		// An expression that finds nothing reads as empty (n8n itself refuses an empty required field).
		const { output } = await start({ streamUrl }, { continueOnFail: true });
		expect(texmlRequests(world)).toHaveLength(0);
		expect(output[0].json.error).toBe(message);
	});

	test('a status callback that is not an http(s) URL is refused before sending', async () => {
		const { output } = await start(
			{ streamUrl: 'wss://stt.example.com/a', streamOptions: { statusCallback: 'example.com/x' } },
			{ continueOnFail: true },
		);
		expect(texmlRequests(world)).toHaveLength(0);
		expect(output[0].json.error).toMatch(
			/^The "Status Callback" field must be an absolute http\(s\) URL/,
		);
	});

	test('a call that has ended is Telnyx’s answer, shown; with continue-on-fail the next item starts', async () => {
		const { output } = await start(
			{ callSid: '={{ $json.call }}', streamUrl: 'wss://stt.example.com/a' },
			{
				continueOnFail: true,
				items: [{ json: { call: 'v3:gone' } }, { json: { call: world.bob.callSid } }],
			},
		);
		expect(texmlRequests(world)).toHaveLength(2);
		expect(output[0].json.error).toBeDefined();
		expect(output[1].json.status).toBe('in-progress');
	});
});
