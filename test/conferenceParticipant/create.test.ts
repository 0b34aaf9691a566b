import http from 'node:http';
import type { AddressInfo } from 'node:net';

import { TelnyxTexmlApi } from '../../credentials/TelnyxTexmlApi.credentials';
import { TelnyxTexmlTrigger } from '../../nodes/TelnyxTexmlTrigger/TelnyxTexmlTrigger.node';
import { participantResource } from '../../sandbox';
import type { Engine } from '../support/engine';
import { sourcePackage, startWorld, type World } from '../support/fixtures';
import { dialEverything } from '../support/dial';
import { jsonOf, runTexml, texmlRequests } from '../support/texml';
import {
	startTriggerReceiver,
	TRIGGER_TYPE,
	triggerNode,
	type TriggerReceiver,
} from '../support/webhook';

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
	runTexml(
		world,
		{ resource: 'conferenceParticipant', operation: 'create', ...parameters },
		options,
	);

describe('Participant → Create (POST …/Conferences/{conference_sid}/Participants, dial)', () => {
	test('dials From → To with a Label and a conference status callback; the participant joins', async () => {
		const { output, error } = await dial({
			from: '+13125550100',
			to: '+13125550123',
			label: 'supervisor',
			conferenceStatusCallback: CALLBACK_URL,
			conferenceOptions: {
				conferenceStatusCallbackEvent: ['join', 'leave'],
				conferenceStatusCallbackMethod: 'GET',
			},
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
		const { error } = await dial(dialEverything(coachee, CALLBACK_URL));

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
		expect(
			world.sandbox.store.participant(world.conference, 'coach-2')!.dial!.customHeaders,
		).toEqual([
			{ name: 'X-Ticket', value: '4711' },
			{ name: 'X-Team', value: 'blue green' },
		]);
	});

	test('the dialled participant appears in Get Many', async () => {
		await dial({ from: '+13125550100', to: '+13125550123', label: 'supervisor' });
		const { output } = await runTexml(world, {
			resource: 'conferenceParticipant',
			operation: 'getAll',
			returnAll: true,
		});

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
			{
				from: '+1',
				to: '+2',
				conferenceOptions: { conferenceStatusCallbackEvent: '={{ "join hangup" }}' },
			},
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
			{
				from: '+1',
				to: '+2',
				callOptions: { customHeaders: { header: [{ name: '', value: 'x' }] } },
			},
			'The "Custom SIP Headers" field needs a name and a text value in every entry, but it is [{"name":"","value":"x"}]. Fill in or remove the incomplete entry.',
		],
	])('bad input fails the item before anything is dialled: %j', async (parameters, message) => {
		const { output } = await dial(parameters, { continueOnFail: true });

		expect(texmlRequests(world)).toHaveLength(0);
		expect(output[0].json.error).toBe(message);
	});

	test('one dial per item, never repeated: a refused dial is reported, the others still join', async () => {
		const items = [
			{ json: { to: '+13125550001', label: 'a' } },
			{ json: { to: '+13125550002', label: 'alice' } },
			{ json: { to: '+13125550003', label: 'c' } },
		];

		const { output } = await dial(
			{ from: '+13125550100', to: '={{ $json.to }}', label: '={{ $json.label }}' },
			{ items, continueOnFail: true },
		);

		const posts = texmlRequests(world).filter((r) => r.method === 'POST');
		expect(posts.map((r) => form(r.body).To).sort()).toEqual([
			'+13125550001',
			'+13125550002',
			'+13125550003',
		]);
		expect(posts.map((r) => r.status).sort()).toEqual([200, 200, 422]);
		expect(output[1].json.error).toBe(
			`Could not dial a new participant into conference "${world.conference.sid}": Telnyx refused the request (Telnyx: Label is already used by a participant of this conference). Nothing was changed; sending the same request again will fail the same way.`,
		);
		expect(output[0].json.call_sid).toBe(
			world.sandbox.store.participant(world.conference, 'a')!.callSid,
		);
		expect(output[2].json.call_sid).toBe(
			world.sandbox.store.participant(world.conference, 'c')!.callSid,
		);
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

/**
 * Dialing is not idempotent: a second POST would ring a second phone. Whatever Telnyx answers,
 * the node sends the dial once per item (retrying, if ever, is for requests that are safe to repeat).
 * The one exception, a 429 (Telnyx did not process the dial), is in load/rate-limits.test.ts.
 */
describe('Participant → Create is sent once per item, whatever Telnyx answers', () => {
	let world: World;
	let server: http.Server;
	const posts: string[] = [];

	beforeEach(async () => {
		world = await startWorld();
		posts.length = 0;
	});
	afterEach(async () => {
		server.closeAllConnections();
		await new Promise((resolve) => server.close(resolve));
		await world.close();
	});

	async function answerWith(status: number, headers: Record<string, string> = {}) {
		server = http.createServer((req, res) => {
			req.resume();
			req.on('end', () => {
				if (req.method === 'POST') posts.push(req.url ?? '');
				// 0: the connection drops before any answer, as when a proxy or Telnyx resets it.
				if (status === 0) {
					req.socket.destroy();
					return;
				}
				res.writeHead(status, { 'content-type': 'application/json', ...headers });
				res.end(
					JSON.stringify({
						errors: [{ code: '10007', title: 'Unexpected error', detail: 'Try again later.' }],
					}),
				);
			});
		});
		await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
		world.engine.credentials.telnyxTexmlApi.baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v2`;
	}

	test.each([
		['500', 500, {}],
		['503 with Retry-After', 503, { 'retry-after': '0' }],
		['408', 408, {}],
		['409', 409, {}],
		['401', 401, {}],
		['a dropped connection', 0, {}],
	])('answered %s: one POST per item, each item an error', async (_answer, status, headers) => {
		await answerWith(status, headers);

		const { output } = await runTexml(
			world,
			{
				resource: 'conferenceParticipant',
				operation: 'create',
				from: '+13125550100',
				to: '={{ $json.to }}',
			},
			{
				items: [{ json: { to: '+13125550001' } }, { json: { to: '+13125550002' } }],
				continueOnFail: true,
			},
		);

		expect(posts).toHaveLength(2);
		expect(output).toHaveLength(2);
		expect(output.every((item) => typeof item.json.error === 'string')).toBe(true);
	});
});

/** A saved Dial that still has Machine Detection Beep Profile set: a clear error, nothing dialled. */
describe('Participant → Create with a saved Machine Detection Beep Profile', () => {
	const dialWith = (
		machineDetectionOptions: Record<string, unknown>,
		options: Parameters<typeof runTexml>[2] = {},
	) =>
		runTexml(
			world,
			{
				resource: 'conferenceParticipant',
				operation: 'create',
				from: '+13125550100',
				to: '={{ $json.to }}',
				machineDetectionOptions,
			},
			options,
		);

	test('the workflow stops with an error naming the field, and no request leaves', async () => {
		const { error, output } = await dialWith(
			{ machineDetection: 'Enable', machineDetectionBeepProfile: 'freq_only' },
			{ items: [{ json: { to: '+13125550123' } }] },
		);

		expect(error?.message).toBe(
			'The "Machine Detection Beep Profile" field is no longer supported. Remove "Machine Detection Beep Profile" under Answering Machine Detection to dial.',
		);
		expect(error?.description).toBe(
			'Telnyx’s conference dial does not take it (only TeXML calls do), so the node does not send it. ' +
				'Remove "Machine Detection Beep Profile" under Answering Machine Detection to dial.',
		);
		expect(output).toEqual([]);
		expect(texmlRequests(world)).toEqual([]);
		expect(world.conference.participants).toHaveLength(3);
	});

	test('with continue-on-fail, the item that has it becomes an error item and the others are dialled', async () => {
		const { error, output } = await dialWith(
			{ machineDetectionBeepProfile: '={{ $json.profile }}' },
			{
				continueOnFail: true,
				items: [
					{ json: { to: '+13125550123', profile: 'both' } },
					{ json: { to: '+13125550124' } },
				],
			},
		);

		expect(error).toBeUndefined();
		expect(output).toHaveLength(2);
		expect(output[0].json.error).toBe(
			'The "Machine Detection Beep Profile" field is no longer supported. Remove "Machine Detection Beep Profile" under Answering Machine Detection to dial.',
		);
		expect(output[1].json).toMatchObject({
			conference_sid: world.conference.sid,
			status: 'connected',
		});
		const requests = texmlRequests(world);
		expect(requests).toHaveLength(1);
		expect(requests[0].body).toBe('From=%2B13125550100&To=%2B13125550124');
	});

	test('left empty, it counts as not set', async () => {
		const { error } = await dialWith(
			{ machineDetectionBeepProfile: '' },
			{ items: [{ json: { to: '+13125550123' } }] },
		);
		expect(error).toBeUndefined();
		expect(texmlRequests(world)[0].body).toBe('From=%2B13125550100&To=%2B13125550123');
	});
});

/**
 * Dial with a Conference Status Callback, and the conference's events reach a Telnyx TeXML Trigger:
 * the label given at dial time comes back as ParticipantLabel.
 */
describe('Participant → Create: the conference status callback reaches a Telnyx TeXML Trigger', () => {
	let receiver: TriggerReceiver;

	beforeEach(async () => {
		const engine: Engine = {
			package: {
				nodes: { ...sourcePackage().nodes, [TRIGGER_TYPE]: new TelnyxTexmlTrigger() },
				credentials: [new TelnyxTexmlApi()],
			},
			credentials: {
				telnyxTexmlApi: {
					apiKey: world.sandbox.account.apiKey,
					baseUrl: world.sandbox.baseUrl,
					publicKey: world.sandbox.publicKey,
				},
			},
		};
		world.engine = engine;
		receiver = await startTriggerReceiver(engine, { nodes: [triggerNode({})], connections: {} });
	});
	afterEach(() => receiver.close());

	test('a dialled participant’s join is called back to the URL and events given at dial time', async () => {
		const { output, error } = await runTexml(world, {
			resource: 'conferenceParticipant',
			operation: 'create',
			from: '+13125550100',
			to: '+13125550123',
			label: 'supervisor',
			conferenceStatusCallback: receiver.url,
			conferenceOptions: { conferenceStatusCallbackEvent: ['join', 'leave'] },
		});
		expect(error).toBeUndefined();

		const hit = await receiver.hit(0);
		expect(hit.status).toBe(200);
		expect(hit.result?.workflowData?.[0]?.[0]?.json).toMatchObject({
			StatusCallbackEvent: 'participant-join',
			CallSid: output[0].json.call_sid,
			ConferenceSid: world.conference.sid,
			ParticipantLabel: 'supervisor',
		});

		// Removing the participant through the node reports the leave as well.
		await runTexml(world, {
			resource: 'conferenceParticipant',
			operation: 'delete',
			participant: { __rl: true, mode: 'id', value: 'supervisor' },
		});
		const leave = await receiver.hit(1);
		expect(leave.result?.workflowData?.[0]?.[0]?.json).toMatchObject({
			StatusCallbackEvent: 'participant-leave',
			ParticipantLabel: 'supervisor',
		});
	});
});
