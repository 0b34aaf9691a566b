import { transcriptionResource } from '../../sandbox';
import { startWorld, type World } from '../support/fixtures';
import { runTexml, texmlRequests } from '../support/texml';

let world: World;

beforeEach(async () => {
	world = await startWorld({ pageSize: 2 });
	for (const [i, text] of ['First message.', 'Second message.', 'Third message.'].entries()) {
		const recording = world.sandbox.store.addCallRecording(
			world.sandbox.account.sid,
			world.bob.callSid,
			{ source: 'RecordVerb', duration: 5 },
		);
		world.sandbox.store.addTranscription(recording, {
			text,
			dateCreated: new Date(Date.UTC(2026, 2, 1 + i)),
		});
	}
});
afterEach(async () => await world.close());

const base = () => `/v2/texml/Accounts/${world.sandbox.account.sid}/Transcriptions`;

describe('Transcription → Get (GET …/Transcriptions/{recording_transcription_sid}.json)', () => {
	test('the text is in transcription_text', async () => {
		const [transcription] = world.sandbox.store.transcriptions;

		const { output, error } = await runTexml(world, {
			resource: 'transcription',
			operation: 'get',
			transcriptionSid: transcription.sid,
		});

		expect(error).toBeUndefined();
		expect(texmlRequests(world)[0].url).toBe(`${base()}/${transcription.sid}.json`);
		expect(output[0].json).toEqual(transcriptionResource(transcription));
		expect(output[0].json.transcription_text).toBe('First message.');
	});

	test('Simplify keeps sid, status, recording_sid and transcription_text', async () => {
		const [transcription] = world.sandbox.store.transcriptions;

		const { output } = await runTexml(world, {
			resource: 'transcription',
			operation: 'get',
			transcriptionSid: transcription.sid,
			simplify: true,
		});

		expect(output[0].json).toEqual({
			sid: transcription.sid,
			status: 'completed',
			recording_sid: transcription.recordingSid,
			transcription_text: 'First message.',
		});
	});

	test('an unknown transcription is a 404 naming it', async () => {
		const { output } = await runTexml(
			world,
			{ resource: 'transcription', operation: 'get', transcriptionSid: 'nope' },
			{ continueOnFail: true },
		);

		expect(output[0].json.error).toBe(
			'Transcription "nope" was not found (Telnyx: Resource not found). List the transcriptions to find the right transcription SID; it may have been deleted.',
		);
	});
});

describe('<Record transcription="true"> in the sandbox (as Telnyx documents it)', () => {
	test('the recording completes, then its transcription is there to get; the recording links it', async () => {
		const { recording, transcription } = world.sandbox.store.recordVerb(
			world.sandbox.account.sid,
			world.alice.callSid,
			{ seconds: 6, transcribe: 'Hi, please call me back about the invoice.' },
		);

		const got = await runTexml(world, {
			resource: 'recording',
			operation: 'get',
			recordingSid: recording.sid,
		});
		const text = await runTexml(world, {
			resource: 'transcription',
			operation: 'get',
			transcriptionSid: transcription!.sid,
			simplify: true,
		});

		expect(got.output[0].json).toMatchObject({
			source: 'RecordVerb',
			status: 'completed',
			duration: '6',
			subresources_uris: {
				transcriptions: `/v2/texml/Accounts/${world.sandbox.account.sid}/Recordings/${recording.sid}/Transcriptions.json`,
			},
		});
		expect(text.output[0].json).toEqual({
			sid: transcription!.sid,
			status: 'completed',
			recording_sid: recording.sid,
			transcription_text: 'Hi, please call me back about the invoice.',
		});
	});
});

describe('a call whose TeXML has <Record transcription="true">', () => {
	test('gets a recording (RecordVerb) once it hangs up, then a transcription of it', async () => {
		const { store, account } = world.sandbox;
		const call = store.calls.place(
			account.sid,
			{
				applicationSid: store.calls.applications[0].id,
				from: '+13125550100',
				to: '+13125550123',
				customHeaders: [],
			},
			{
				texml:
					'<Response><Say>Leave a message.</Say><Record transcription="true" maxLength="30"/></Response>',
			},
		);
		await call.settled;

		const list = await runTexml(world, {
			resource: 'transcription',
			operation: 'getAll',
			returnAll: true,
			simplify: true,
		});

		expect(call.status).toBe('completed');
		const recording = store.recordings.find((r) => r.callSid === call.sid)!;
		expect(recording).toMatchObject({ source: 'RecordVerb', status: 'completed', format: 'mp3' });
		const mine = list.output.map((o) => o.json).filter((t) => t.recording_sid === recording.sid);
		expect(mine).toEqual([
			{
				sid: expect.any(String),
				status: 'completed',
				recording_sid: recording.sid,
				transcription_text: 'This is a message left in the TeXML sandbox.',
			},
		]);
	});
});
