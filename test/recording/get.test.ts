import { texmlRecordingResource } from '../../sandbox';
import { startWorld, type World } from '../support/fixtures';
import { runTexml, texmlRequests } from '../support/texml';

let world: World;

beforeEach(async () => {
	world = await startWorld();
});
afterEach(async () => await world.close());

describe('Recording → Get (GET …/Recordings/{recording_sid}.json)', () => {
	test('a conference recording found again by its SID: conference_sid, duration, channels, a working link', async () => {
		const recording = world.sandbox.store.addRecording(world.conference, {
			duration: 42,
			channels: 2,
		});

		const { output, error } = await runTexml(world, {
			resource: 'recording',
			operation: 'get',
			recordingSid: ` ${recording.sid} `,
		});

		expect(error).toBeUndefined();
		const [request] = texmlRequests(world);
		expect(request.method).toBe('GET');
		expect(request.url).toBe(
			`/v2/texml/Accounts/${world.sandbox.account.sid}/Recordings/${recording.sid}.json`,
		);
		expect(output[0].json).toEqual(texmlRecordingResource(recording));
		expect(output[0].json).toMatchObject({
			conference_sid: world.conference.sid,
			duration: '42',
			channels: 2,
			status: 'completed',
		});
		expect(String(output[0].json.media_url)).toMatch(
			new RegExp(`^${world.sandbox.media.origin}/recordings/${recording.sid}\\.wav\\?`),
		);
		expect(output[0].binary).toBeUndefined();
	});

	test('Simplify keeps what a recap needs', async () => {
		const recording = world.sandbox.store.addRecording(world.conference, { duration: 42 });

		const { output } = await runTexml(world, {
			resource: 'recording',
			operation: 'get',
			recordingSid: recording.sid,
			simplify: true,
		});

		expect(Object.keys(output[0].json).sort()).toEqual(
			[
				'call_sid',
				'channels',
				'conference_sid',
				'date_created',
				'duration',
				'media_url',
				'sid',
				'status',
			].sort(),
		);
	});

	test('a recording SID with a slash stays in its path segment', async () => {
		await runTexml(
			world,
			{ resource: 'recording', operation: 'get', recordingSid: 'a/../b' },
			{ continueOnFail: true },
		);

		expect(texmlRequests(world)[0].url).toBe(
			`/v2/texml/Accounts/${world.sandbox.account.sid}/Recordings/a%2F..%2Fb.json`,
		);
	});
});
