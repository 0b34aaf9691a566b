import { participantResource } from '../../sandbox';
import { startWorld, type World } from '../support/fixtures';
import { jsonOf, locator, runTexml, texmlRequests } from '../support/texml';

let world: World;
let participants: string;

beforeEach(async () => {
	world = await startWorld({ pageSize: 2 });
	participants = `/v2/texml/Accounts/${world.sandbox.account.sid}/Conferences/${world.conference.sid}/Participants`;
});
afterEach(async () => await world.close());

describe('Participant → Get Many (GET …/Conferences/{conference_sid}/Participants)', () => {
	beforeEach(() => {
		for (const label of ['d', 'e']) world.sandbox.store.addParticipant(world.conference, { label });
	});

	test('Return All reads every page: one item per participant', async () => {
		const { output } = await runTexml(world, {
			resource: 'conferenceParticipant',
			operation: 'getAll',
			returnAll: true,
		});

		const requests = texmlRequests(world);
		expect(requests.map((r) => r.url.split('?')[0])).toEqual([
			participants,
			`${participants}.json`,
			`${participants}.json`,
		]);
		expect(jsonOf(output)).toEqual(
			world.conference.participants.map((p) => participantResource(world.conference, p)),
		);
	});

	test('Limit stops at the limit, mid-page', async () => {
		const { output } = await runTexml(world, {
			resource: 'conferenceParticipant',
			operation: 'getAll',
			returnAll: false,
			limit: 3,
		});

		expect(texmlRequests(world)).toHaveLength(2);
		expect(output.map((o) => o.json.call_sid)).toEqual(
			world.conference.participants.slice(0, 3).map((p) => p.callSid),
		);
	});

	test('each input item gets its own list', async () => {
		const other = world.sandbox.store.addConference(world.sandbox.account.sid, {
			participants: [{}],
		});

		const { output } = await runTexml(
			world,
			{
				resource: 'conferenceParticipant',
				operation: 'getAll',
				returnAll: true,
				conferenceSid: locator('={{ $json.conference }}'),
			},
			{
				items: [
					{ json: { conference: other.sid } },
					{ json: { conference: world.conference.sid } },
				],
			},
		);

		expect(output.map((o) => o.pairedItem)).toEqual([{ item: 0 }, ...Array(5).fill({ item: 1 })]);
		expect(output[0].json.conference_sid).toBe(other.sid);
	});

	test('an ended conference has no participants left', async () => {
		world.sandbox.store.endConference(world.conference);

		const { output, error } = await runTexml(world, {
			resource: 'conferenceParticipant',
			operation: 'getAll',
			returnAll: true,
		});

		expect(error).toBeUndefined();
		expect(output).toEqual([]);
	});
});
