import { startWorld, type World } from '../support/fixtures';
import { jsonOf, locator, runTexml, texmlRequests } from '../support/texml';

let world: World;
let participants: string;

beforeEach(async () => {
	world = await startWorld({ pageSize: 2 });
	participants = `/v2/texml/Accounts/${world.sandbox.account.sid}/Conferences/${world.conference.sid}/Participants`;
});
afterEach(async () => await world.close());

describe('Participant → Delete (DELETE …/Participants/{call_sid_or_participant_label})', () => {
	test('removes the participant: 204 becomes an item saying what was removed', async () => {
		const { output, error } = await runTexml(world, {
			resource: 'conferenceParticipant',
			operation: 'delete',
			participant: locator('alice'),
		});

		expect(error).toBeUndefined();
		const [request, ...others] = texmlRequests(world);
		expect(others).toHaveLength(0);
		expect(request).toMatchObject({
			method: 'DELETE',
			url: `${participants}/alice`,
			body: '',
			status: 204,
		});
		expect(request.headers.accept).toBe('*/*');
		expect(jsonOf(output)).toEqual([
			{ deleted: true, conference_sid: world.conference.sid, participant: 'alice' },
		]);
		expect(world.alice.status).toBe('completed');
		expect(world.conference.participants).not.toContain(world.alice);
	});

	test('a participant that already left is a 404 item error', async () => {
		world.sandbox.store.removeParticipant(world.conference, world.bob);

		const { output } = await runTexml(
			world,
			{
				resource: 'conferenceParticipant',
				operation: 'delete',
				participant: locator(world.bob.callSid),
			},
			{ continueOnFail: true },
		);

		expect(texmlRequests(world)[0].status).toBe(404);
		expect(output[0].json.error).toBe(
			`Participant "${world.bob.callSid}" was not found in conference "${world.conference.sid}" (Telnyx: Resource not found). List the participants of the conference to find the right call SID or label; the participant may have left already.`,
		);
	});
});
