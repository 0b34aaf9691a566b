import { startWorld, type World } from '../support/fixtures';
import { jsonOf, runTexml, texmlRequests } from '../support/texml';

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

describe('Transcription → Get Many (GET …/Transcriptions.json)', () => {
	test('Return All follows next_page_uri (PageToken): newest first, with their text', async () => {
		const { output, error } = await runTexml(world, {
			resource: 'transcription',
			operation: 'getAll',
			returnAll: true,
		});

		expect(error).toBeUndefined();
		const requests = texmlRequests(world);
		expect(requests[0].url).toBe(`${base()}.json`);
		expect(requests[1].url).toMatch(/PageToken=/);
		expect(jsonOf(output).map((t) => t.transcription_text)).toEqual([
			'Third message.',
			'Second message.',
			'First message.',
		]);
	});

	test('Limit 2 reads one page', async () => {
		const { output } = await runTexml(world, {
			resource: 'transcription',
			operation: 'getAll',
			limit: 2,
		});

		expect(texmlRequests(world)).toHaveLength(1);
		expect(output).toHaveLength(2);
	});
});
