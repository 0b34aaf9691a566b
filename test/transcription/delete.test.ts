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

describe('Transcription → Delete (DELETE …/Transcriptions/{recording_transcription_sid}.json)', () => {
	test('outputs { deleted: true, transcription_sid }; the transcription is gone', async () => {
		const [transcription] = world.sandbox.store.transcriptions;

		const { output } = await runTexml(world, {
			resource: 'transcription',
			operation: 'delete',
			transcriptionSid: transcription.sid,
		});

		const [request] = texmlRequests(world);
		expect(request.method).toBe('DELETE');
		expect(request.status).toBe(204);
		expect(output.map((o) => o.json)).toEqual([
			{ deleted: true, transcription_sid: transcription.sid },
		]);
		expect(world.sandbox.store.transcriptions).not.toContain(transcription);
	});
});
