import { texmlRecordingResource } from '../../sandbox';
import { startWorld, type World } from '../support/fixtures';
import { jsonOf, runTexml, texmlRequests } from '../support/texml';

let world: World;

beforeEach(async () => {
	world = await startWorld({ pageSize: 2 });
	const other = world.sandbox.store.addConference(world.sandbox.account.sid);
	const day = (d: string) => new Date(`${d}T10:00:00Z`);
	world.sandbox.store.addRecording(world.conference, { dateCreated: day('2026-03-01') });
	world.sandbox.store.addRecording(other, { dateCreated: day('2026-03-02') });
	world.sandbox.store.addCallRecording(world.sandbox.account.sid, world.bob.callSid, {
		dateCreated: day('2026-03-03'),
		source: 'StartCallRecordingAPI',
	});
});
afterEach(async () => await world.close());

const base = () => `/v2/texml/Accounts/${world.sandbox.account.sid}/Recordings.json`;

describe('Recording → Get Many (GET …/Recordings.json)', () => {
	test('Return All reads every page: the recordings of every conference and call, newest first', async () => {
		const { output, error } = await runTexml(world, {
			resource: 'recording',
			operation: 'getAll',
			returnAll: true,
		});

		expect(error).toBeUndefined();
		const requests = texmlRequests(world);
		expect(requests.map((r) => r.url.split('?')[0])).toEqual([base(), base()]);
		expect(requests[0].url).toBe(base());
		expect(requests[1].url).toMatch(/\?Page=1&PageSize=2/);
		const newestFirst = [...world.sandbox.store.recordings].reverse();
		expect(jsonOf(output)).toEqual(newestFirst.map((r) => texmlRecordingResource(r)));
		expect(output.map((o) => o.json.conference_sid)).toEqual([
			null,
			newestFirst[1].conferenceSid,
			world.conference.sid,
		]);
	});

	test('Date Created with an operator is sent as the value of DateCreated and kept on the next pages', async () => {
		const { output } = await runTexml(world, {
			resource: 'recording',
			operation: 'getAll',
			returnAll: true,
			filters: { dateCreated: '>=2026-03-02' },
		});

		expect(texmlRequests(world)[0].url).toBe(`${base()}?DateCreated=%3E%3D2026-03-02`);
		expect(output).toHaveLength(2);
	});

	test('Limit 1 reads one page', async () => {
		const { output } = await runTexml(world, {
			resource: 'recording',
			operation: 'getAll',
			limit: 1,
		});

		expect(texmlRequests(world)).toHaveLength(1);
		expect(output).toHaveLength(1);
	});

	test('a date Telnyx could not read is refused before sending, naming the filter', async () => {
		const { output } = await runTexml(
			world,
			{ resource: 'recording', operation: 'getAll', filters: { dateCreated: '2026-02-30' } },
			{ continueOnFail: true },
		);

		expect(output[0].json.error).toMatch(
			/^The "Date Created" filter is not a date Telnyx understands/,
		);
		expect(texmlRequests(world)).toHaveLength(0);
	});
});
