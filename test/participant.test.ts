import { participantResource } from '../sandbox';
import { startWorld, type World } from './support/fixtures';
import { jsonOf, locator, runTexml, texmlRequests } from './support/texml';

let world: World;
let participants: string;

beforeEach(async () => {
	world = await startWorld({ pageSize: 2 });
	participants = `/v2/texml/Accounts/${world.sandbox.account.sid}/Conferences/${world.conference.sid}/Participants`;
});
afterEach(async () => await world.close());

/** Where the sandbox sends conference events: a closed local port, so nothing leaves the machine. */
const CALLBACK_URL = 'http://127.0.0.1:9/telnyx/conference-events';

const form = (body: string) => Object.fromEntries(new URLSearchParams(body));

const dial = (parameters: Record<string, unknown>, options: Parameters<typeof runTexml>[2] = {}) =>
	runTexml(world, { resource: 'conferenceParticipant', operation: 'create', ...parameters }, options);

describe('Participant → Create (POST …/Conferences/{conference_sid}/Participants, dial)', () => {
	test('dials From → To with a Label and a conference status callback; the participant joins', async () => {
		const { output, error } = await dial({
			from: '+13125550100',
			to: '+13125550123',
			label: 'supervisor',
			conferenceStatusCallback: CALLBACK_URL,
			conferenceOptions: { conferenceStatusCallbackEvent: ['join', 'leave'], conferenceStatusCallbackMethod: 'GET' },
		});

		expect(error).toBeUndefined();
		const [request, ...others] = texmlRequests(world);
		expect(others).toHaveLength(0);
		expect(request.method).toBe('POST');
		expect(request.url).toBe(participants);
		expect(request.headers['content-type']).toBe('application/x-www-form-urlencoded');
		expect(request.body).toBe(
			'From=%2B13125550100&To=%2B13125550123&Label=supervisor' +
				`&ConferenceStatusCallback=${encodeURIComponent(CALLBACK_URL)}` +
				'&ConferenceStatusCallbackEvent=join%20leave&ConferenceStatusCallbackMethod=GET',
		);

		const joined = world.sandbox.store.participant(world.conference, 'supervisor')!;
		expect(joined.dial).toMatchObject({ to: '+13125550123', from: '+13125550100' });
		expect(world.conference.statusCallback).toEqual({
			url: CALLBACK_URL,
			method: 'GET',
			events: ['join', 'leave'],
		});
		// NewParticipantResource: a subset of ParticipantResource.
		const full = participantResource(world.conference, joined);
		expect(jsonOf(output)).toEqual([
			{
				account_sid: full.account_sid,
				call_sid: joined.callSid,
				coaching: false,
				conference_sid: world.conference.sid,
				end_conference_on_exit: false,
				hold: false,
				muted: false,
				status: 'connected',
				uri: full.uri,
			},
		]);
	});

	test('every field of the dial request goes out under its Telnyx name', async () => {
		const coachee = world.bob.callSid;
		const { error } = await dial({
			from: '+13125550100',
			to: 'sip:agent@example.com',
			label: 'coach-2',
			conferenceStatusCallback: CALLBACK_URL,
			conferenceOptions: {
				beep: 'onExit',
				callSidToCoach: coachee,
				coaching: true,
				conferenceStatusCallbackEvent: ['start', 'end', 'join', 'leave'],
				conferenceStatusCallbackMethod: 'POST',
				endConferenceOnExit: false,
				maxParticipants: 10,
				muted: true,
				startConferenceOnEnter: false,
				waitUrl: 'https://example.com/wait.mp3',
			},
			callOptions: {
				applicationSid: '1846572522338780702',
				callerId: 'Support',
				customHeaders: { header: [{ name: 'X-Ticket', value: '4711' }, { name: 'X-Team', value: 'blue green' }] },
				earlyMedia: true,
				preferredCodecs: 'PCMA,PCMU',
				sipAuthPassword: 'secret',
				sipAuthUsername: 'agent',
				statusCallback: 'https://example.com/call',
				statusCallbackEvent: ['initiated', 'answered'],
				statusCallbackMethod: 'GET',
				timeLimit: 600,
				timeout: 45,
			},
			recordingOptions: {
				conferenceRecord: 'record-from-start',
				conferenceRecordingStatusCallback: 'https://example.com/conf-rec',
				conferenceRecordingStatusCallbackEvent: ['in-progress', 'completed'],
				conferenceRecordingStatusCallbackMethod: 'GET',
				conferenceRecordingTimeout: 5,
				conferenceTrim: 'do-not-trim',
				record: true,
				recordingChannels: 'dual',
				recordingStatusCallback: 'https://example.com/rec',
				recordingStatusCallbackEvent: ['absent'],
				recordingStatusCallbackMethod: 'POST',
				recordingTrack: 'inbound',
				trim: 'trim-silence',
			},
			machineDetectionOptions: {
				amdStatusCallback: 'https://example.com/amd',
				amdStatusCallbackMethod: 'GET',
				cancelPlaybackOnDetectMessageEnd: false,
				cancelPlaybackOnMachineDetection: true,
				machineDetection: 'DetectMessageEnd',
				machineDetectionSilenceTimeout: 2000,
				machineDetectionSpeechEndThreshold: 900,
				machineDetectionSpeechThreshold: 3000,
				machineDetectionTimeout: 20000,
			},
		});

		expect(error).toBeUndefined();
		const [request] = texmlRequests(world);
		expect(request.status).toBe(200);
		expect(form(request.body)).toEqual({
			From: '+13125550100',
			To: 'sip:agent@example.com',
			Label: 'coach-2',
			ConferenceStatusCallback: CALLBACK_URL,
			Beep: 'onExit',
			CallSidToCoach: coachee,
			Coaching: 'true',
			ConferenceStatusCallbackEvent: 'start end join leave',
			ConferenceStatusCallbackMethod: 'POST',
			EndConferenceOnExit: 'false',
			MaxParticipants: '10',
			Muted: 'true',
			StartConferenceOnEnter: 'false',
			WaitUrl: 'https://example.com/wait.mp3',
			ApplicationSid: '1846572522338780702',
			CallerId: 'Support',
			'CustomHeaders[0][name]': 'X-Ticket',
			'CustomHeaders[0][value]': '4711',
			'CustomHeaders[1][name]': 'X-Team',
			'CustomHeaders[1][value]': 'blue green',
			EarlyMedia: 'true',
			PreferredCodecs: 'PCMA,PCMU',
			SipAuthPassword: 'secret',
			SipAuthUsername: 'agent',
			StatusCallback: 'https://example.com/call',
			StatusCallbackEvent: 'initiated answered',
			StatusCallbackMethod: 'GET',
			TimeLimit: '600',
			Timeout: '45',
			ConferenceRecord: 'record-from-start',
			ConferenceRecordingStatusCallback: 'https://example.com/conf-rec',
			ConferenceRecordingStatusCallbackEvent: 'in-progress completed',
			ConferenceRecordingStatusCallbackMethod: 'GET',
			ConferenceRecordingTimeout: '5',
			ConferenceTrim: 'do-not-trim',
			Record: 'true',
			RecordingChannels: 'dual',
			RecordingStatusCallback: 'https://example.com/rec',
			RecordingStatusCallbackEvent: 'absent',
			RecordingStatusCallbackMethod: 'POST',
			RecordingTrack: 'inbound',
			Trim: 'trim-silence',
			AmdStatusCallback: 'https://example.com/amd',
			AmdStatusCallbackMethod: 'GET',
			CancelPlaybackOnDetectMessageEnd: 'false',
			CancelPlaybackOnMachineDetection: 'true',
			MachineDetection: 'DetectMessageEnd',
			MachineDetectionSilenceTimeout: '2000',
			MachineDetectionSpeechEndThreshold: '900',
			MachineDetectionSpeechThreshold: '3000',
			MachineDetectionTimeout: '20000',
		});
		expect(world.sandbox.store.participant(world.conference, 'coach-2')!.dial!.customHeaders).toEqual([
			{ name: 'X-Ticket', value: '4711' },
			{ name: 'X-Team', value: 'blue green' },
		]);
	});

	test('the dialled participant appears in Get Many', async () => {
		await dial({ from: '+13125550100', to: '+13125550123', label: 'supervisor' });
		const { output } = await runTexml(world, { resource: 'conferenceParticipant', operation: 'getAll', returnAll: true });

		const dialled = world.sandbox.store.participant(world.conference, 'supervisor')!;
		expect(output.map((o) => o.json.call_sid)).toEqual([
			world.alice.callSid,
			world.bob.callSid,
			world.carol.callSid,
			dialled.callSid,
		]);
	});

	test.each([
		[
			{ from: '+13125550100', to: '={{ $json.to }}' },
			'The "To" field is empty. Enter a value for it or map one from the input data.',
		],
		[
			{ from: '={{ " " }}', to: '+13125550123' },
			'The "From" field is empty. Enter a value for it or map one from the input data.',
		],
		[
			{ from: '+1', to: '+2', conferenceOptions: { coaching: true } },
			'"Call SID To Coach" is needed when "Coaching" is true. Add "Call SID To Coach" under Conference Options with the call SID of the participant to coach, or turn Coaching off.',
		],
		[
			{ from: '+1', to: '+2', conferenceOptions: { conferenceStatusCallbackEvent: '={{ "join hangup" }}' } },
			'The "Conference Status Callback Events" field may only contain end, join, leave, start, but it is "join hangup". Pick from the listed values, or make the expression return a list of them.',
		],
		[
			{ from: '+1', to: '+2', callOptions: { timeout: 3 } },
			'The "Timeout" field must be a whole number from 5 to 120, but it is 3. Enter a whole number from 5 to 120.',
		],
		[
			{ from: '+1', to: '+2', conferenceStatusCallback: 'n8n.example.com/hook' },
			'The "Conference Status Callback" field must be an absolute http(s) URL, but it is "n8n.example.com/hook". Enter a full address such as https://example.com/hold-music.xml.',
		],
		[
			{ from: '+1', to: '+2', callOptions: { customHeaders: { header: [{ name: '', value: 'x' }] } } },
			'The "Custom SIP Headers" field needs a name and a text value in every entry, but it is [{"name":"","value":"x"}]. Fill in or remove the incomplete entry.',
		],
	])('bad input fails the item before anything is dialled: %j', async (parameters, message) => {
		const { output } = await dial(parameters, { continueOnFail: true });

		expect(texmlRequests(world)).toHaveLength(0);
		expect(output[0].json.error).toBe(message);
	});

	test('one dial per item, never repeated: a refused dial is reported, the others still join', async () => {
		const items = [{ json: { to: '+13125550001', label: 'a' } }, { json: { to: '+13125550002', label: 'alice' } }, { json: { to: '+13125550003', label: 'c' } }];

		const { output } = await dial(
			{ from: '+13125550100', to: '={{ $json.to }}', label: '={{ $json.label }}' },
			{ items, continueOnFail: true },
		);

		const posts = texmlRequests(world).filter((r) => r.method === 'POST');
		expect(posts.map((r) => form(r.body).To).sort()).toEqual(['+13125550001', '+13125550002', '+13125550003']);
		expect(posts.map((r) => r.status).sort()).toEqual([200, 200, 422]);
		expect(output[1].json.error).toBe(
			`Could not dial a new participant into conference "${world.conference.sid}": Telnyx refused the request (Telnyx: Label is already used by a participant of this conference). Nothing was changed; sending the same request again will fail the same way.`,
		);
		expect(output[0].json.call_sid).toBe(world.sandbox.store.participant(world.conference, 'a')!.callSid);
		expect(output[2].json.call_sid).toBe(world.sandbox.store.participant(world.conference, 'c')!.callSid);
	});

	test('a dial Telnyx refuses (conference ended) is sent once and reported', async () => {
		world.sandbox.store.endConference(world.conference);

		const { output } = await dial({ from: '+1', to: '+2' }, { continueOnFail: true });

		expect(texmlRequests(world)).toHaveLength(1);
		expect(output[0].json.error).toBe(
			`Could not dial a new participant into conference "${world.conference.sid}": Telnyx refused the request (Telnyx: The conference has already ended; no one can be dialled into it). Nothing was changed; sending the same request again will fail the same way.`,
		);
	});
});

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
		expect(request).toMatchObject({ method: 'DELETE', url: `${participants}/alice`, body: '', status: 204 });
		expect(request.headers.accept).toBe('*/*');
		expect(jsonOf(output)).toEqual([{ deleted: true, conference_sid: world.conference.sid, participant: 'alice' }]);
		expect(world.alice.status).toBe('completed');
		expect(world.conference.participants).not.toContain(world.alice);
	});

	test('a participant that already left is a 404 item error', async () => {
		world.sandbox.store.removeParticipant(world.conference, world.bob);

		const { output } = await runTexml(
			world,
			{ resource: 'conferenceParticipant', operation: 'delete', participant: locator(world.bob.callSid) },
			{ continueOnFail: true },
		);

		expect(texmlRequests(world)[0].status).toBe(404);
		expect(output[0].json.error).toBe(
			`Participant "${world.bob.callSid}" was not found in conference "${world.conference.sid}" (Telnyx: Resource not found). List the participants of the conference to find the right call SID or label; the participant may have left already.`,
		);
	});
});

describe('Participant → Get (GET …/Participants/{call_sid_or_participant_label})', () => {
	test('gets a participant by call SID, sent with its colon literal', async () => {
		world.bob.muted = true;

		const { output } = await runTexml(world, {
			resource: 'conferenceParticipant',
			operation: 'get',
			participant: locator(world.bob.callSid),
		});

		const [request] = texmlRequests(world);
		expect(request).toMatchObject({ method: 'GET', url: `${participants}/${world.bob.callSid}`, body: '' });
		expect(request.url).toContain('/Participants/v3:');
		expect(jsonOf(output)).toEqual([participantResource(world.conference, world.bob)]);
		expect(output[0].json.muted).toBe(true);
	});
});

describe('Participant → Get Many (GET …/Conferences/{conference_sid}/Participants)', () => {
	beforeEach(() => {
		for (const label of ['d', 'e']) world.sandbox.store.addParticipant(world.conference, { label });
	});

	test('Return All reads every page: one item per participant', async () => {
		const { output } = await runTexml(world, { resource: 'conferenceParticipant', operation: 'getAll', returnAll: true });

		const requests = texmlRequests(world);
		expect(requests.map((r) => r.url.split('?')[0])).toEqual([
			participants,
			`${participants}.json`,
			`${participants}.json`,
		]);
		expect(jsonOf(output)).toEqual(world.conference.participants.map((p) => participantResource(world.conference, p)));
	});

	test('Limit stops at the limit, mid-page', async () => {
		const { output } = await runTexml(world, {
			resource: 'conferenceParticipant',
			operation: 'getAll',
			returnAll: false,
			limit: 3,
		});

		expect(texmlRequests(world)).toHaveLength(2);
		expect(output.map((o) => o.json.call_sid)).toEqual(world.conference.participants.slice(0, 3).map((p) => p.callSid));
	});

	test('each input item gets its own list', async () => {
		const other = world.sandbox.store.addConference(world.sandbox.account.sid, { participants: [{}] });

		const { output } = await runTexml(
			world,
			{ resource: 'conferenceParticipant', operation: 'getAll', returnAll: true, conferenceSid: locator('={{ $json.conference }}') },
			{ items: [{ json: { conference: other.sid } }, { json: { conference: world.conference.sid } }] },
		);

		expect(output.map((o) => o.pairedItem)).toEqual([{ item: 0 }, ...Array(5).fill({ item: 1 })]);
		expect(output[0].json.conference_sid).toBe(other.sid);
	});

	test('an ended conference has no participants left', async () => {
		world.sandbox.store.endConference(world.conference);

		const { output, error } = await runTexml(world, { resource: 'conferenceParticipant', operation: 'getAll', returnAll: true });

		expect(error).toBeUndefined();
		expect(output).toEqual([]);
	});
});
