import { startWorld, type World } from '../support/fixtures';
import { runTexml, texmlRequests } from '../support/texml';

let world: World;

beforeEach(async () => {
	world = await startWorld();
});
afterEach(async () => await world.close());

describe('Recording → Delete (DELETE …/Recordings/{recording_sid}.json)', () => {
	test('outputs { deleted: true, recording_sid }; the recording and its audio are gone', async () => {
		const recording = world.sandbox.store.addRecording(world.conference, { duration: 3 });
		const link = world.sandbox.media.linkFor(recording);

		const { output, error } = await runTexml(world, {
			resource: 'recording',
			operation: 'delete',
			recordingSid: recording.sid,
		});

		expect(error).toBeUndefined();
		const [request] = texmlRequests(world);
		expect(request.method).toBe('DELETE');
		expect(request.url).toBe(
			`/v2/texml/Accounts/${world.sandbox.account.sid}/Recordings/${recording.sid}.json`,
		);
		expect(request.headers.accept).toBe('*/*');
		expect(request.status).toBe(204);
		expect(output.map((o) => o.json)).toEqual([{ deleted: true, recording_sid: recording.sid }]);
		expect(world.sandbox.store.recordings).not.toContain(recording);
		expect((await fetch(link)).status).toBe(404);
	});

	test('deleting it again is a 404 naming the recording', async () => {
		const { output } = await runTexml(
			world,
			{ resource: 'recording', operation: 'delete', recordingSid: 'gone' },
			{ continueOnFail: true },
		);

		expect(output[0].json.error).toBe(
			'Recording "gone" was not found (Telnyx: Resource not found). List the recordings to find the right recording SID; it may have been deleted.',
		);
	});
});
