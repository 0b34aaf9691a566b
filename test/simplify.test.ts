import http from 'node:http';
import type { AddressInfo } from 'node:net';

import { conferenceResource, participantResource, recordingResource } from '../sandbox';
import { startWorld, type World } from './support/fixtures';
import { jsonOf, locator, runTexml, texmlRequests } from './support/texml';

const PARTICIPANT = ['call_sid', 'muted', 'hold', 'coaching', 'coaching_call_sid', 'status'];
const CONFERENCE = ['sid', 'friendly_name', 'status', 'date_created', 'date_updated'];
const RECORDING = ['sid', 'status', 'duration', 'media_url'];

/** The record with only the given fields, in the order Telnyx sent them. */
const only = (record: Record<string, unknown>, fields: string[]) =>
	Object.fromEntries(Object.entries(record).filter(([key]) => fields.includes(key)));

let world: World;

beforeEach(async () => {
	world = await startWorld({ pageSize: 2 });
	for (const label of ['d', 'e']) world.sandbox.store.addParticipant(world.conference, { label });
	for (const [i, participant] of [world.alice, world.bob, world.carol].entries()) {
		world.sandbox.store.addRecording(world.conference, {
			callSid: participant.callSid,
			duration: 30 + i,
		});
	}
	world.sandbox.store.addConference(world.sandbox.account.sid, { friendlyName: 'standup' });
	world.sandbox.store.addConference(world.sandbox.account.sid, { friendlyName: 'retro' });
});
afterEach(async () => await world.close());

const participants = () =>
	world.conference.participants.map((p) => participantResource(world.conference, p));

describe('Simplify on: only the fields a person or a model acts on', () => {
	test('Participant → Get', async () => {
		const { output, error } = await runTexml(world, {
			resource: 'conferenceParticipant',
			operation: 'get',
			participant: locator(world.bob.callSid),
			simplify: true,
		});

		expect(error).toBeUndefined();
		expect(jsonOf(output)).toEqual([
			only(participantResource(world.conference, world.bob), PARTICIPANT),
		]);
		// Not coaching: Telnyx leaves coaching_call_sid out, and Simplify does not add it.
		expect(Object.keys(output[0].json).sort()).toEqual(
			PARTICIPANT.filter((k) => k !== 'coaching_call_sid').sort(),
		);
	});

	test('Participant → Update: the request is unchanged, the answer simplified', async () => {
		const { output } = await runTexml(world, {
			resource: 'conferenceParticipant',
			operation: 'update',
			participant: locator('alice'),
			updateFields: { muted: true },
			simplify: true,
		});

		expect(texmlRequests(world).map((r) => r.body)).toEqual(['Muted=true']);
		expect(jsonOf(output)).toEqual([
			only(participantResource(world.conference, world.alice), PARTICIPANT),
		]);
		expect(output[0].json.muted).toBe(true);
	});

	test('Participant → Create: the new participant, simplified', async () => {
		const { output, error } = await runTexml(world, {
			resource: 'conferenceParticipant',
			operation: 'create',
			from: '+13125550100',
			to: '+13125550123',
			simplify: true,
		});

		expect(error).toBeUndefined();
		const dialed = world.conference.participants.at(-1)!;
		expect(output[0].json.call_sid).toBe(dialed.callSid);
		expect(jsonOf(output)).toEqual([
			only(participantResource(world.conference, dialed), PARTICIPANT),
		]);
	});

	test('a field Telnyx did not send stays absent (never null)', async () => {
		const server = http.createServer((_req, res) => {
			res.writeHead(200, { 'content-type': 'application/json' });
			res.end(
				JSON.stringify({ call_sid: 'v3:x', muted: false, hold: false, uri: '/v2/texml/x.json' }),
			);
		});
		await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
		world.engine.credentials.telnyxTexmlApi.baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v2`;
		try {
			const { output } = await runTexml(world, {
				resource: 'conferenceParticipant',
				operation: 'get',
				participant: locator('x'),
				simplify: true,
			});
			expect(jsonOf(output)).toEqual([{ call_sid: 'v3:x', muted: false, hold: false }]);
		} finally {
			server.closeAllConnections();
			await new Promise((resolve) => server.close(resolve));
		}
	});

	test('Participant → Get Many over three pages: every list item simplified, nothing lost', async () => {
		const { output } = await runTexml(world, {
			resource: 'conferenceParticipant',
			operation: 'getAll',
			returnAll: true,
			simplify: true,
		});

		expect(texmlRequests(world)).toHaveLength(3);
		expect(jsonOf(output)).toEqual(participants().map((p) => only(p, PARTICIPANT)));
		expect(output.map((o) => o.pairedItem)).toEqual(Array(5).fill({ item: 0 }));
	});

	test('Participant → Get Many with a limit stops mid-page as before', async () => {
		const { output } = await runTexml(world, {
			resource: 'conferenceParticipant',
			operation: 'getAll',
			returnAll: false,
			limit: 3,
			simplify: true,
		});

		expect(texmlRequests(world)).toHaveLength(2);
		expect(jsonOf(output)).toEqual(
			participants()
				.slice(0, 3)
				.map((p) => only(p, PARTICIPANT)),
		);
	});

	test('Conference → Get, Update and Get Many (two pages)', async () => {
		const get = await runTexml(world, { resource: 'conference', operation: 'get', simplify: true });
		expect(jsonOf(get.output)).toEqual([only(conferenceResource(world.conference), CONFERENCE)]);

		const update = await runTexml(world, {
			resource: 'conference',
			operation: 'update',
			updateFields: { announceUrl: 'https://example.com/welcome.xml' },
			simplify: true,
		});
		expect(jsonOf(update.output)).toEqual([only(conferenceResource(world.conference), CONFERENCE)]);

		const before = texmlRequests(world).length;
		const list = await runTexml(world, {
			resource: 'conference',
			operation: 'getAll',
			returnAll: true,
			simplify: true,
		});
		expect(texmlRequests(world, before)).toHaveLength(2);
		expect(list.output).toHaveLength(3);
		for (const item of list.output)
			expect(Object.keys(item.json).sort()).toEqual([...CONFERENCE].sort());
		expect(list.output.map((o) => o.json.friendly_name).sort()).toEqual([
			'retro',
			'standup',
			'weekly-sync',
		]);
	});

	test('Conference Recording → Get Many (two pages)', async () => {
		const { output } = await runTexml(world, {
			resource: 'conferenceRecording',
			operation: 'getAll',
			returnAll: true,
			simplify: true,
		});

		expect(texmlRequests(world)).toHaveLength(2);
		expect(jsonOf(output)).toEqual(
			world.conference.recordings.map((r) =>
				only(recordingResource(world.conference, r), RECORDING),
			),
		);
	});

	test('an expression giving the text "true" (as a model may) counts as on', async () => {
		const { output } = await runTexml(world, {
			resource: 'conferenceParticipant',
			operation: 'get',
			participant: locator('alice'),
			simplify: '={{ "true" }}',
		});

		// Not coaching: Telnyx leaves coaching_call_sid out, and Simplify does not add it.
		expect(Object.keys(output[0].json).sort()).toEqual(
			PARTICIPANT.filter((k) => k !== 'coaching_call_sid').sort(),
		);
	});
});

describe('Simplify off (the default): the output is Telnyx’s full resource, as before', () => {
	test('Participant → Get Many, without the parameter and with it off', async () => {
		const absent = await runTexml(world, {
			resource: 'conferenceParticipant',
			operation: 'getAll',
			returnAll: true,
		});
		const off = await runTexml(world, {
			resource: 'conferenceParticipant',
			operation: 'getAll',
			returnAll: true,
			simplify: false,
		});

		expect(jsonOf(absent.output)).toEqual(participants());
		expect(jsonOf(off.output)).toEqual(participants());
	});

	test('Conference → Get and Recording → Get Many', async () => {
		const conference = await runTexml(world, { resource: 'conference', operation: 'get' });
		expect(jsonOf(conference.output)).toEqual([conferenceResource(world.conference)]);

		const recordings = await runTexml(world, {
			resource: 'conferenceRecording',
			operation: 'getAll',
			returnAll: true,
		});
		expect(jsonOf(recordings.output)).toEqual(
			world.conference.recordings.map((r) => recordingResource(world.conference, r)),
		);
	});
});

test('Participant → Delete keeps its own summary (Simplify is not offered there)', async () => {
	const { output } = await runTexml(world, {
		resource: 'conferenceParticipant',
		operation: 'delete',
		participant: locator('alice'),
		simplify: true,
	});

	expect(jsonOf(output)).toEqual([
		{ deleted: true, conference_sid: world.conference.sid, participant: 'alice' },
	]);
});
