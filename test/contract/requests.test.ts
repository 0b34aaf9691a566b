/**
 * Every request the node sends, captured on the wire while it runs through n8n's engine against the
 * sandbox: method, path, query names and values, and form body against the operation in Telnyx's
 * document; and the answer each got, against the response schema.
 */
import type { ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { loadOptionsContext } from '../support/engine';
import { NODE_TYPE, REFUSING_ORIGIN, startWorld, type World } from '../support/fixtures';
import type { Contract } from '../support/openapi';
import { describeContract } from './describe-contract';
import { dialEverything } from '../support/dial';
import { locator, runTexml } from '../support/texml';
import { CALL_OPTIONS_EVERYTHING, placeCall } from '../support/calls';
import { checkExchanges } from './wire';

const URL_A = 'https://example.com/a.xml';

/** Every field of Dial set (the set the dial test sends), with every value of the event lists. */
const DIAL_EVERYTHING = (w: World) => {
	const dial = dialEverything(w.bob.callSid, 'https://example.com/conference');
	dial.callOptions.statusCallbackEvent = ['initiated', 'ringing', 'answered', 'completed'];
	dial.recordingOptions.conferenceRecordingStatusCallbackEvent = [
		'in-progress',
		'completed',
		'absent',
	];
	return dial;
};

const participant = (parameters: Record<string, unknown>) => (w: World) => ({
	resource: 'conferenceParticipant',
	participant: locator(w.alice.callSid),
	...parameters,
});

/** A call in the world, live: on `<Say>` (not in a conference) unless a conference is named. */
const liveCall = (w: World, conference?: string) => placeCall(w, '+13125550177', conference).sid;

/** Call → Create with the sandbox's application, and the rest given. */
const placing = (parameters: Record<string, unknown>) => (w: World) => ({
	resource: 'call',
	operation: 'create',
	from: '+13125550100',
	to: '+13125550123',
	application: locator(w.sandbox.application.id),
	...parameters,
});

/** Every Conference Option of Join Conference, every value of its event lists. */
const CONFERENCE_EVERYTHING = {
	beep: 'onExit',
	endConferenceOnExit: true,
	maxParticipants: 20,
	muted: true,
	participantLabel: 'x"/><Hangup/>',
	record: 'record-from-start',
	recordBeep: false,
	recordingStatusCallback: 'https://example.com/rec?a=1&b=2',
	recordingStatusCallbackEvent: ['in-progress', 'completed', 'absent'],
	recordingStatusCallbackMethod: 'GET',
	recordingTimeout: 60,
	sendRecordingUrl: false,
	startConferenceOnEnter: false,
	statusCallback: 'https://example.com/conf',
	statusCallbackEvent: ['start', 'end', 'join', 'leave', 'speaker'],
	statusCallbackMethod: 'POST',
	trim: 'trim-silence',
	waitMethod: 'GET',
	waitUrl: 'https://example.com/wait.mp3',
};

/** Nothing listens here: a URL the sandbox cannot fetch TeXML from, refused at once. */
const NOWHERE = `${REFUSING_ORIGIN}/texml.xml`;

/** [what, node parameters, the operation the document names it] */
const RUNS: Array<[string, (w: World) => Record<string, unknown>, string]> = [
	['Conference → Get', () => ({ resource: 'conference', operation: 'get' }), 'GetTexmlConference'],
	[
		'Conference → Get Many, Return All (every page)',
		() => ({ resource: 'conference', operation: 'getAll', returnAll: true }),
		'GetTexmlConferences',
	],
	[
		'Conference → Get Many, every filter, Limit',
		() => ({
			resource: 'conference',
			operation: 'getAll',
			limit: 3,
			filters: {
				friendlyName: 'weekly-sync',
				status: 'in-progress',
				dateCreated: '>=2020-01-01',
				dateUpdated: '<=2100-12-31',
			},
		}),
		'GetTexmlConferences',
	],
	[
		'Conference → Update, every field',
		() => ({
			resource: 'conference',
			operation: 'update',
			updateFields: { announceMethod: 'GET', announceUrl: URL_A, status: 'completed' },
		}),
		'UpdateTexmlConference',
	],
	[
		'Conference → Update, an announcement',
		() => ({ resource: 'conference', operation: 'update', updateFields: { announceUrl: URL_A } }),
		'UpdateTexmlConference',
	],
	[
		'Participant → Create (dial), every field',
		(w) => ({ resource: 'conferenceParticipant', operation: 'create', ...DIAL_EVERYTHING(w) }),
		'DialTexmlConferenceParticipant',
	],
	[
		'Participant → Create (dial), From and To',
		() => ({
			resource: 'conferenceParticipant',
			operation: 'create',
			from: '+13125550100',
			to: '+13125550123',
		}),
		'DialTexmlConferenceParticipant',
	],
	[
		'Participant → Create (dial), labelled, with conference events',
		() => ({
			resource: 'conferenceParticipant',
			operation: 'create',
			from: '+13125550100',
			to: '+13125550123',
			label: 'supervisor',
			conferenceStatusCallback: 'https://example.com/events',
			conferenceOptions: { conferenceStatusCallbackEvent: ['join', 'leave'], muted: true },
		}),
		'DialTexmlConferenceParticipant',
	],
	[
		'Participant → Delete',
		participant({ operation: 'delete' }),
		'DeleteTexmlConferenceParticipant',
	],
	[
		'Participant → Delete, by label',
		participant({ operation: 'delete', participant: locator('alice') }),
		'DeleteTexmlConferenceParticipant',
	],
	['Participant → Get', participant({ operation: 'get' }), 'GetTexmlConferenceParticipant'],
	[
		'Participant → Get Many, Return All (every page)',
		() => ({ resource: 'conferenceParticipant', operation: 'getAll', returnAll: true }),
		'GetTexmlConferenceParticipants',
	],
	[
		'Participant → Update, every field',
		(w) =>
			participant({
				operation: 'update',
				updateFields: {
					announceMethod: 'GET',
					announceUrl: URL_A,
					beepOnExit: true,
					callSidToCoach: w.bob.callSid,
					coaching: true,
					endConferenceOnExit: false,
					hold: true,
					holdMethod: 'POST',
					holdUrl: 'https://example.com/hold.xml',
					muted: false,
					waitUrl: 'https://example.com/wait.mp3',
				},
			})(w),
		'UpdateTexmlConferenceParticipant',
	],
	[
		'Participant → Update, mute',
		participant({ operation: 'update', updateFields: { muted: true } }),
		'UpdateTexmlConferenceParticipant',
	],
	[
		'Participant → Update, hold with music',
		participant({
			operation: 'update',
			updateFields: { hold: true, holdUrl: URL_A, holdMethod: 'GET' },
		}),
		'UpdateTexmlConferenceParticipant',
	],
	[
		'Participant → Update, no fields',
		participant({ operation: 'update', updateFields: {} }),
		'UpdateTexmlConferenceParticipant',
	],
	[
		'Call → Create, Join Conference, every option',
		placing({
			conferenceName: 'ops <&> "bridge"',
			conferenceOptions: CONFERENCE_EVERYTHING,
			...CALL_OPTIONS_EVERYTHING,
			callOptions: {
				...CALL_OPTIONS_EVERYTHING.callOptions,
				statusCallbackEvent: ['initiated', 'ringing', 'answered', 'completed'],
			},
		}),
		'InitiateTexmlCall',
	],
	['Call → Create, Join Conference', placing({ conferenceName: 'bridge' }), 'InitiateTexmlCall'],
	[
		'Call → Create, Run TeXML',
		placing({ callAction: 'texml', texml: '<Response><Say>Hello</Say></Response>' }),
		'InitiateTexmlCall',
	],
	[
		'Call → Create, Fetch TeXML From URL',
		placing({ callAction: 'url', url: NOWHERE, urlMethod: 'GET', fallbackUrl: NOWHERE }),
		'InitiateTexmlCall',
	],
	[
		'Call → Get',
		(w) => ({ resource: 'call', operation: 'get', callSid: liveCall(w) }),
		'GetTexmlCall',
	],
	[
		'Call → Get Many, Return All (every page)',
		(w) => {
			for (let i = 0; i < 3; i++)
				w.sandbox.store.calls.hangUp(
					w.sandbox.store.calls.find(w.sandbox.account.sid, liveCall(w))!,
				);
			return { resource: 'call', operation: 'getAll', returnAll: true };
		},
		'GetTexmlCalls',
	],
	[
		'Call → Get Many, every filter',
		() => ({
			resource: 'call',
			operation: 'getAll',
			returnAll: true,
			filters: {
				to: '+13125550177',
				from: '+13125550100',
				status: 'no-answer',
				startTime: '2026-05-22',
				startTimeAfter: '2026-05-01',
				startTimeBefore: '2026-06-01',
				endTime: '2026-05-22',
				endTimeAfter: '2026-05-01',
				endTimeBefore: '2026-06-01',
			},
		}),
		'GetTexmlCalls',
	],
	[
		'Call → Redirect, Join Conference, every option',
		(w) => ({
			resource: 'call',
			operation: 'redirect',
			callSid: liveCall(w, 'room-a'),
			conferenceName: 'room-b',
			conferenceOptions: CONFERENCE_EVERYTHING,
		}),
		'UpdateTexmlCall',
	],
	[
		'Call → Redirect, Run TeXML',
		(w) => ({
			resource: 'call',
			operation: 'redirect',
			callSid: liveCall(w),
			callAction: 'texml',
			texml: '<Response><Play>https://example.com/a.mp3</Play></Response>',
		}),
		'UpdateTexmlCall',
	],
	[
		'Call → Redirect, Fetch TeXML From URL, every option',
		(w) => ({
			resource: 'call',
			operation: 'redirect',
			callSid: liveCall(w),
			callAction: 'url',
			url: NOWHERE,
			urlMethod: 'GET',
			fallbackUrl: NOWHERE,
			redirectOptions: {
				fallbackMethod: 'POST',
				statusCallback: 'https://example.com/status',
				statusCallbackMethod: 'GET',
			},
		}),
		'UpdateTexmlCall',
	],
	[
		'Call → Hang Up',
		(w) => ({ resource: 'call', operation: 'hangUp', callSid: liveCall(w, 'room-a') }),
		'UpdateTexmlCall',
	],
	[
		'Recording → Get Many, Return All (every page)',
		() => ({ resource: 'conferenceRecording', operation: 'getAll', returnAll: true }),
		'GetTexmlConferenceRecordings',
	],
	[
		'Recording → Get Many, Limit',
		() => ({ resource: 'conferenceRecording', operation: 'getAll', limit: 1 }),
		'GetTexmlConferenceRecordings',
	],
	[
		'Account Recording → Get Many, Return All, Date Created (every page)',
		() => ({
			resource: 'recording',
			operation: 'getAll',
			returnAll: true,
			filters: { dateCreated: '>=2020-01-01' },
		}),
		'GetTeXMLCallRecordings',
	],
	[
		'Account Recording → Get',
		(w) => ({
			resource: 'recording',
			operation: 'get',
			recordingSid: w.conference.recordings[0].sid,
		}),
		'GetTeXMLCallRecording',
	],
	[
		'Account Recording → Download (the look-up; the audio comes from the media host)',
		(w) => ({
			resource: 'recording',
			operation: 'download',
			recordingSid: w.conference.recordings[0].sid,
		}),
		'GetTeXMLCallRecording',
	],
	[
		'Account Recording → Delete',
		(w) => ({
			resource: 'recording',
			operation: 'delete',
			recordingSid: w.conference.recordings[1].sid,
		}),
		'DeleteTeXMLCallRecording',
	],
	[
		'Transcription → Get Many, Return All (every page)',
		(w) => {
			voicemails(w, 3);
			return { resource: 'transcription', operation: 'getAll', returnAll: true };
		},
		'GetTeXMLRecordingTranscriptions',
	],
	[
		'Transcription → Get',
		(w) => ({
			resource: 'transcription',
			operation: 'get',
			transcriptionSid: voicemails(w, 1)[0].sid,
		}),
		'GetTeXMLRecordingTranscription',
	],
	[
		'Transcription → Delete',
		(w) => ({
			resource: 'transcription',
			operation: 'delete',
			transcriptionSid: voicemails(w, 1)[0].sid,
		}),
		'DeleteTeXMLRecordingTranscription',
	],
	[
		'Call Recording → Start, every option',
		(w) => ({
			resource: 'callRecording',
			operation: 'start',
			callSid: w.bob.callSid,
			options: {
				playBeep: false,
				recordingChannels: 'single',
				recordingStatusCallback: 'https://example.com/recordings',
				recordingStatusCallbackEvent: ['in-progress', 'completed', 'absent'],
				recordingStatusCallbackMethod: 'GET',
				recordingTrack: 'outbound',
				sendRecordingUrl: false,
			},
		}),
		'StartTeXMLCallRecording',
	],
	[
		'Call Recording → Update (pause)',
		(w) => ({
			resource: 'callRecording',
			operation: 'update',
			callSid: w.bob.callSid,
			recordingSid: w.sandbox.store.startCallRecording(w.sandbox.account.sid, w.bob.callSid).sid,
			status: 'paused',
		}),
		'UpdateTeXMLCallRecording',
	],
	[
		'Call Recording → Get Many, Return All (every page)',
		(w) => {
			for (let i = 0; i < 3; i++) {
				const r = w.sandbox.store.startCallRecording(w.sandbox.account.sid, w.bob.callSid);
				w.sandbox.store.finishRecording(r);
			}
			return {
				resource: 'callRecording',
				operation: 'getAll',
				callSid: w.bob.callSid,
				returnAll: true,
			};
		},
		'FetchTeXMLCallRecordings',
	],
	[
		'Queue → Create',
		() => ({ resource: 'queue', operation: 'create', friendlyName: 'support', maxSize: 20 }),
		'CreateTexmlQueue',
	],
	...(['get', 'update', 'delete'] as const).map(
		(operation): [string, (w: World) => Record<string, unknown>, string] => [
			`Queue → ${operation}`,
			(w) => {
				w.sandbox.store.queues.create(w.sandbox.account.sid, 'support', 10);
				return { resource: 'queue', operation, queueSid: 'support', maxSize: 30 };
			},
			{ get: 'GetTexmlQueue', update: 'UpdateTexmlQueue', delete: 'DeleteTexmlQueue' }[operation],
		],
	),
	[
		'Queue → Get Many, Return All (every page)',
		(w) => {
			for (const name of ['a', 'b', 'c'])
				w.sandbox.store.queues.create(w.sandbox.account.sid, name, 5);
			return { resource: 'queue', operation: 'getAll', returnAll: true };
		},
		'GetTexmlQueues',
	],
	[
		'Call Stream → Start, every option',
		(w) => ({
			resource: 'callStream',
			operation: 'start',
			callSid: w.bob.callSid,
			streamUrl: 'wss://stt.example.com/a',
			streamOptions: {
				bidirectionalCodec: 'PCMA',
				bidirectionalMode: 'rtp',
				name: 'stt',
				statusCallback: 'https://example.com/stream',
				statusCallbackMethod: 'GET',
				track: 'both_tracks',
			},
		}),
		'StartTeXMLCallStreaming',
	],
	[
		'Call Stream → Stop',
		(w) => ({
			resource: 'callStream',
			operation: 'stop',
			callSid: w.bob.callSid,
			streamSid: w.sandbox.store.sessions.startStream({
				accountSid: w.sandbox.account.sid,
				callSid: w.bob.callSid,
				url: 'wss://stt.example.com/a',
				track: 'inbound_track',
				bidirectionalMode: 'mp3',
				bidirectionalCodec: 'PCMU',
			}).sid,
		}),
		'UpdateTeXMLCallStreaming',
	],
	[
		'Call SIPREC Session → Start, every option',
		(w) => ({
			resource: 'callSiprec',
			operation: 'start',
			callSid: w.bob.callSid,
			connectorName: 'recorder',
			siprecOptions: {
				includeMetadataCustomHeaders: true,
				name: 'compliance',
				secure: false,
				sessionTimeoutSecs: 900,
				sipTransport: 'tcp',
				statusCallback: 'https://example.com/siprec',
				statusCallbackMethod: 'POST',
				track: 'outbound_track',
			},
		}),
		'StartTeXMLSiprecSession',
	],
	[
		'Call SIPREC Session → Stop',
		(w) => ({
			resource: 'callSiprec',
			operation: 'stop',
			callSid: w.bob.callSid,
			siprecSid: w.sandbox.store.sessions.startSiprec({
				accountSid: w.sandbox.account.sid,
				callSid: w.bob.callSid,
				connectorName: 'recorder',
				track: 'both_tracks',
				secure: false,
				sessionTimeoutSecs: 1800,
				sipTransport: 'udp',
				includeMetadataCustomHeaders: false,
			}).sid,
		}),
		'UpdateTeXMLSiprecSession',
	],
	[
		'AI Call → Create, with variables, callbacks, detection and recording',
		(w) => ({
			resource: 'aiCall',
			operation: 'create',
			from: '+13125550100',
			to: '+13125550123',
			application: locator(w.sandbox.application.id),
			aiAssistantId: 'assistant-1',
			aiCallOptions: {
				aiAssistantDynamicVariables: '{"name": "Ada"}',
				aiAssistantVersion: 'v2',
				asyncAmd: true,
				callerId: 'Support',
				conversationCallback: 'https://example.com/ai',
				conversationCallbackMethod: 'GET',
				conversationCallbacks: 'https://a.example.com/ai, https://b.example.com/ai',
				detectionMode: 'Premium',
				machineDetection: 'Enable',
				sipRegion: 'Europe',
				statusCallback: 'https://example.com/status',
				statusCallbackEvent: ['initiated', 'ringing', 'answered', 'completed'],
				statusCallbackMethod: 'POST',
				statusCallbacks: 'https://c.example.com/status',
				timeLimit: 600,
				timeout: 30,
			},
			recordingOptions: { record: true, recordingChannels: 'dual', trim: 'do-not-trim' },
		}),
		'InitiateTexmlAICall',
	],
	[
		'TeXML Application → Create, every field',
		() => ({
			resource: 'texmlApplication',
			operation: 'create',
			friendlyName: 'Support line',
			voiceUrl: 'https://example.com/answer',
			applicationFields: {
				active: true,
				anchorsiteOverride: 'Amsterdam, Netherlands',
				callCostInWebhooks: true,
				dtmfType: 'SIP INFO',
				firstCommandTimeout: true,
				firstCommandTimeoutSecs: 20,
				inboundChannelLimit: 4,
				outboundChannelLimit: 2,
				outboundVoiceProfileId: '1293384261075731499',
				statusCallback: 'https://example.com/status',
				statusCallbackMethod: 'get',
				tags: 'a, b',
				voiceFallbackUrl: 'https://example.com/fallback',
				voiceMethod: 'get',
			},
		}),
		'CreateTexmlApplication',
	],
	...(['get', 'update', 'delete'] as const).map(
		(operation): [string, (w: World) => Record<string, unknown>, string] => [
			`TeXML Application → ${operation}`,
			(w) => ({
				resource: 'texmlApplication',
				operation,
				application: locator(w.sandbox.application.id),
				friendlyName: 'Renamed',
				voiceUrl: 'https://example.com/answer2',
			}),
			{
				get: 'GetTexmlApplication',
				update: 'UpdateTexmlApplication',
				delete: 'DeleteTexmlApplication',
			}[operation],
		],
	),
	[
		'TeXML Application → Get Many, Return All',
		() => ({ resource: 'texmlApplication', operation: 'getAll', returnAll: true }),
		'FindTexmlApplications',
	],
	[
		'TeXML Secret → Create',
		() => ({
			resource: 'texmlSecret',
			operation: 'create',
			referenceName: 'crm',
			secretValue: 'v',
		}),
		'CreateTexmlSecret',
	],
];

/** `<Record transcription="true">` voicemails of bob's call, with their transcriptions. */
function voicemails(w: World, count: number) {
	return Array.from(
		{ length: count },
		(_, i) =>
			w.sandbox.store.recordVerb(w.sandbox.account.sid, w.bob.callSid, {
				seconds: 5 + i,
				transcribe: `Message ${i + 1}.`,
			}).transcription!,
	);
}

/**
 * The documented operation the node does not send: …/Recordings.json is the document's second
 * conference recordings endpoint (the node reads …/Recordings, as the sandbox answers both).
 */
const NOT_SENT = ['FetchTeXMLConferenceRecordings'];

/** Every request since `from` (whoami aside) and its answer, checked; the operations they went to. */
const checkWire = (contract: Contract, world: World, from = 0) =>
	checkExchanges(contract, world.sandbox.requests.slice(from));

describeContract('Requests the node sends, against Telnyx’s request schemas', (contract) => {
	let world: World;
	const covered = new Set<string>();

	beforeEach(async () => {
		world = await startWorld({ pageSize: 2 });
		const { store, account } = world.sandbox;
		for (const name of ['sales', 'support', 'retro'])
			store.addConference(account.sid, { friendlyName: name });
		for (let i = 0; i < 3; i++) store.addRecording(world.conference, {});
	});
	afterEach(() => world.close());

	test.each(RUNS)('%s', async (_name, parameters, operationId) => {
		const { error } = await runTexml(world, { accountSid: '', ...parameters(world) });
		expect(error).toBeUndefined();
		const { problems, operations } = checkWire(contract, world);
		expect(problems).toEqual([]);
		expect(operations.length).toBeGreaterThan(0);
		expect(new Set(operations)).toEqual(new Set([operationId]));
		operations.forEach((o) => covered.add(o));
	});

	test.each([
		[
			'searchConferences',
			{ resource: 'conference', operation: 'get', accountSid: '' },
			'GetTexmlConferences',
		],
		[
			'searchParticipants',
			{ resource: 'conferenceParticipant', operation: 'get' },
			'GetTexmlConferenceParticipants',
		],
		['searchTexmlApplications', { resource: 'call', operation: 'create' }, 'FindTexmlApplications'],
	])('the %s picker', async (method, parameters, operationId) => {
		const context = loadOptionsContext(world.engine, {
			type: NODE_TYPE,
			parameters: { conferenceSid: locator(world.conference.sid), ...parameters } as never,
		});
		const search = world.engine.package.nodes[NODE_TYPE].methods!.listSearch![method] as (
			this: ILoadOptionsFunctions,
		) => Promise<INodeListSearchResult>;
		const { results } = await search.call(context);
		expect(results.length).toBeGreaterThan(0);
		const { problems, operations } = checkWire(contract, world);
		expect(problems).toEqual([]);
		expect(new Set(operations)).toEqual(new Set([operationId]));
		covered.add(operationId);
	});

	test('between them, the runs reach every operation the node has', () => {
		const all = contract.operations
			.map((o) => o.operationId)
			.filter((id) => !NOT_SENT.includes(id));
		expect([...covered].sort()).toEqual(all.sort());
		expect(NOT_SENT.filter((id) => !contract.operations.some((o) => o.operationId === id))).toEqual(
			[],
		);
	});
});
