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

describe('Participant → Get (GET …/Participants/{call_sid_or_participant_label})', () => {
	test('gets a participant by call SID, sent with its colon literal', async () => {
		world.bob.muted = true;

		const { output } = await runTexml(world, {
			resource: 'conferenceParticipant',
			operation: 'get',
			participant: locator(world.bob.callSid),
		});

		const [request] = texmlRequests(world);
		expect(request).toMatchObject({
			method: 'GET',
			url: `${participants}/${world.bob.callSid}`,
			body: '',
		});
		expect(request.url).toContain('/Participants/v3:');
		expect(jsonOf(output)).toEqual([participantResource(world.conference, world.bob)]);
		expect(output[0].json.muted).toBe(true);
	});
});
