import { recordingResource } from '../../sandbox';
import { startWorld, type World } from '../support/fixtures';
import { jsonOf, locator, runTexml, texmlRequests } from '../support/texml';

let world: World;

beforeEach(async () => {
	world = await startWorld({ pageSize: 2 });
	for (const [i, participant] of [world.alice, world.bob, world.carol].entries()) {
		world.sandbox.store.addRecording(world.conference, {
			callSid: participant.callSid,
			duration: 30 + i,
		});
	}
});
afterEach(async () => await world.close());

describe('Conference Recording → Get Many (GET …/Conferences/{conference_sid}/Recordings)', () => {
	test('Return All reads every page: one item per recording, with its media URL', async () => {
		const { output, error } = await runTexml(world, {
			resource: 'conferenceRecording',
			operation: 'getAll',
			returnAll: true,
		});

		expect(error).toBeUndefined();
		const base = `/v2/texml/Accounts/${world.sandbox.account.sid}/Conferences/${world.conference.sid}/Recordings`;
		const requests = texmlRequests(world);
		expect(requests.map((r) => r.method)).toEqual(['GET', 'GET']);
		expect(requests[0].url).toBe(base);
		expect(requests[1].url).toMatch(new RegExp(`^${base}\\?Page=1&PageSize=2&PageToken=`));
		expect(jsonOf(output)).toEqual(
			world.conference.recordings.map((r) => recordingResource(world.conference, r)),
		);
		expect(output[0].json.media_url).toMatch(
			new RegExp(`^${world.sandbox.media.origin}/recordings/.+\\.wav\\?`),
		);
	});

	test('Limit 1 reads one page and outputs one recording', async () => {
		const { output } = await runTexml(world, {
			resource: 'conferenceRecording',
			operation: 'getAll',
			returnAll: false,
			limit: 1,
		});

		expect(texmlRequests(world)).toHaveLength(1);
		expect(output.map((o) => o.json.sid)).toEqual([world.conference.recordings[0].sid]);
	});

	test('a conference without recordings outputs nothing', async () => {
		const quiet = world.sandbox.store.addConference(world.sandbox.account.sid);

		const { output, error } = await runTexml(world, {
			resource: 'conferenceRecording',
			operation: 'getAll',
			returnAll: true,
			conferenceSid: locator(quiet.sid),
		});

		expect(error).toBeUndefined();
		expect(output).toEqual([]);
	});

	test('an unknown conference is a 404 item error', async () => {
		const { output } = await runTexml(
			world,
			{
				resource: 'conferenceRecording',
				operation: 'getAll',
				returnAll: true,
				conferenceSid: locator('nope'),
			},
			{ continueOnFail: true },
		);

		expect(output).toHaveLength(1);
		expect(output[0].json.error).toBe(
			'Conference "nope" was not found (Telnyx: Resource not found). List the conferences to find the right conference SID.',
		);
	});
});
