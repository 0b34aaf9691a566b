import http from 'node:http';
import type { AddressInfo } from 'node:net';

import { TelnyxTexmlApi } from '../../credentials/TelnyxTexmlApi.credentials';
import { TelnyxTexmlTrigger } from '../../nodes/TelnyxTexmlTrigger/TelnyxTexmlTrigger.node';
import { parseXml, type XmlElement } from '../../sandbox';
import { CALL_OPTIONS_EVERYTHING, callsPath, runCall } from '../support/calls';
import type { Engine } from '../support/engine';
import { sourcePackage, startWorld, type World } from '../support/fixtures';
import { jsonOf, locator, texmlRequests, whoamiCalls } from '../support/texml';
import { startTriggerReceiver, TRIGGER_TYPE, triggerNode } from '../support/webhook';

let world: World;

beforeEach(async () => {
	world = await startWorld();
});
afterEach(async () => await world.close());

const place = (parameters: Record<string, unknown>, options: Parameters<typeof runCall>[3] = {}) =>
	runCall(world, 'create', { from: '+13125550100', to: '+13125550123', ...parameters }, options);

/** The JSON body of a request, parsed. */
const bodyOf = (index = 0) =>
	JSON.parse(texmlRequests(world)[index].body) as Record<string, unknown>;

/** The elements of a TeXML document, by path: Response › Dial › Conference. */
function conferenceElement(texml: string): XmlElement {
	const root = parseXml(texml);
	expect(root.name).toBe('Response');
	expect(root.children.map((c) => c.name)).toEqual(['Dial']);
	expect(root.children[0].children.map((c) => c.name)).toEqual(['Conference']);
	const conference = root.children[0].children[0];
	expect(conference.children).toEqual([]);
	return conference;
}

const conferenceNamed = (name: string) =>
	world.sandbox.store.conferences.find((c) => c.friendlyName === name && c.status !== 'completed');

describe('Call → Create (POST /texml/Accounts/{account_sid}/Calls, JSON)', () => {
	test('Join Conference: the node writes the TeXML, sends JSON once, and the callee joins the conference', async () => {
		const { output, error } = await place({ conferenceName: 'incident-4711' });

		expect(error).toBeUndefined();
		const [request, ...others] = texmlRequests(world);
		expect(others).toEqual([]);
		expect(request.method).toBe('POST');
		expect(request.url).toBe(callsPath(world));
		expect(request.headers['content-type']).toBe('application/json');
		expect(request.body).toBe(
			JSON.stringify({
				From: '+13125550100',
				To: '+13125550123',
				ApplicationSid: world.sandbox.application.id,
				Texml: '<Response><Dial><Conference>incident-4711</Conference></Dial></Response>',
			}),
		);
		const conference = conferenceNamed('incident-4711')!;
		expect(conference.status).toBe('in-progress');
		expect(conference.participants.map((p) => p.dial?.to)).toEqual(['+13125550123']);
		// The document's answer: no call SID, and the item succeeds all the same.
		expect(jsonOf(output)).toEqual([
			{ from: '+13125550100', status: 'queued', to: '+13125550123' },
		]);
	});

	test('when Telnyx answers with a call SID, it is output as call_sid', async () => {
		world.sandbox.store.calls.sidInAnswer = true;

		const { output } = await place({ conferenceName: 'incident-4711' });

		const [call] = world.sandbox.store.calls.calls;
		expect(output[0].json).toEqual({
			call_sid: call.sid,
			from: '+13125550100',
			status: 'queued',
			to: '+13125550123',
		});
		expect(conferenceNamed('incident-4711')!.participants[0].callSid).toBe(call.sid);
	});

	test('a conference name or label that looks like TeXML stays text: no element is added (parsed from the wire)', async () => {
		const name = 'x"/><Hangup/><Conference>';
		const label = `a&b<c>"d'e`;
		await place({
			conferenceName: name,
			conferenceOptions: {
				participantLabel: label,
				statusCallback: 'https://example.com/cb?a=1&b=2',
			},
		});

		const texml = bodyOf().Texml as string;
		const conference = conferenceElement(texml);
		expect(conference.text).toBe(name);
		expect(conference.attributes).toEqual({
			participantLabel: label,
			statusCallback: 'https://example.com/cb?a=1&b=2',
		});
		expect(texml).not.toContain('<Hangup');
		// The sandbox, reading the same TeXML, puts the callee into a conference of exactly that name.
		expect(conferenceNamed(name)!.participants[0].label).toBe(label);
	});

	test('every Conference Option becomes its <Conference> attribute', async () => {
		await place({
			conferenceName: 'all-options',
			conferenceOptions: {
				beep: 'onEnter',
				endConferenceOnExit: true,
				maxParticipants: 10,
				muted: true,
				participantLabel: 'host',
				record: 'record-from-start',
				recordBeep: false,
				recordingStatusCallback: 'https://example.com/rec',
				recordingStatusCallbackEvent: ['in-progress', 'completed'],
				recordingStatusCallbackMethod: 'GET',
				recordingTimeout: 600,
				sendRecordingUrl: false,
				startConferenceOnEnter: false,
				statusCallback: 'https://example.com/conf',
				statusCallbackEvent: ['start', 'end', 'join', 'leave', 'speaker'],
				statusCallbackMethod: 'POST',
				trim: 'trim-silence',
				waitMethod: 'GET',
				waitUrl: 'https://example.com/wait.mp3',
			},
		});

		expect(conferenceElement(bodyOf().Texml as string).attributes).toEqual({
			beep: 'onEnter',
			endConferenceOnExit: 'true',
			maxParticipants: '10',
			muted: 'true',
			participantLabel: 'host',
			record: 'record-from-start',
			recordBeep: 'false',
			recordingStatusCallback: 'https://example.com/rec',
			recordingStatusCallbackEvent: 'in-progress completed',
			recordingStatusCallbackMethod: 'GET',
			recordingTimeout: '600',
			sendRecordingUrl: 'false',
			startConferenceOnEnter: 'false',
			statusCallback: 'https://example.com/conf',
			statusCallbackEvent: 'start end join leave speaker',
			statusCallbackMethod: 'POST',
			trim: 'trim-silence',
			waitMethod: 'GET',
			waitUrl: 'https://example.com/wait.mp3',
		});
		const conference = conferenceNamed('all-options')!;
		// Not the one who starts it: the conference waits.
		expect(conference.status).toBe('init');
		expect(conference.participants[0]).toMatchObject({
			label: 'host',
			muted: true,
			endConferenceOnExit: true,
		});
	});

	test('every other field of the request goes out under its Telnyx name, typed as the document says', async () => {
		await place({
			conferenceName: 'room',
			...CALL_OPTIONS_EVERYTHING,
		});

		const [request] = texmlRequests(world);
		expect(request.status).toBe(200);
		const { Texml, ...rest } = bodyOf();
		expect(typeof Texml).toBe('string');
		expect(rest).toEqual({
			From: '+13125550100',
			To: '+13125550123',
			ApplicationSid: world.sandbox.application.id,
			CallerId: 'Support Desk',
			CustomHeaders: [{ name: 'X-Ticket', value: '4711' }],
			MediaEncryption: 'SRTP',
			PreferredCodecs: 'PCMA,PCMU',
			SipAuthPassword: 'secret',
			SipAuthUsername: 'agent',
			SipRegion: 'Europe',
			StatusCallback: 'https://example.com/call',
			StatusCallbackEvent: 'initiated answered completed',
			StatusCallbackMethod: 'POST',
			SuperviseCallSid: 'v3:abc',
			SupervisingRole: 'whisper',
			TimeLimit: 600,
			Timeout: 45,
			Record: true,
			RecordingChannels: 'dual',
			RecordingStatusCallback: 'https://example.com/rec',
			RecordingStatusCallbackEvent: 'completed absent',
			RecordingStatusCallbackMethod: 'GET',
			RecordingTimeout: 5,
			RecordingTrack: 'inbound',
			SendRecordingUrl: false,
			Trim: 'do-not-trim',
			AsyncAmd: true,
			AsyncAmdStatusCallback: 'https://example.com/amd',
			AsyncAmdStatusCallbackMethod: 'GET',
			CancelPlaybackOnDetectMessageEnd: false,
			CancelPlaybackOnMachineDetection: false,
			DeepfakeDetection: 'Enable',
			DeepfakeDetectionCallbackMethod: 'POST',
			DeepfakeDetectionCallbackUrl: 'https://example.com/deepfake',
			DetectionMode: 'PremiumCallScreening',
			MachineDetection: 'DetectMessageEnd',
			MachineDetectionPromptEndTimeout: 5000,
			MachineDetectionSilenceTimeout: 2000,
			MachineDetectionSpeechEndThreshold: 900,
			MachineDetectionSpeechThreshold: 3000,
			MachineDetectionTimeout: 20000,
		});
		expect(world.sandbox.store.calls.calls[0].customHeaders).toEqual([
			{ name: 'X-Ticket', value: '4711' },
		]);
	});

	test('Run TeXML: the TeXML written is sent as Texml, and a Dial into a conference joins it', async () => {
		const texml =
			'<?xml version="1.0" encoding="UTF-8"?>\n<Response><Say>Joining</Say><Dial><Conference muted="true">ops</Conference></Dial></Response>';

		const { error } = await place({ callAction: 'texml', texml });

		expect(error).toBeUndefined();
		expect(bodyOf()).toEqual({
			From: '+13125550100',
			To: '+13125550123',
			ApplicationSid: world.sandbox.application.id,
			Texml: texml,
		});
		expect(conferenceNamed('ops')!.participants[0].muted).toBe(true);
	});

	test('Fetch TeXML From URL: Url, UrlMethod and FallbackUrl; the sandbox fetches the TeXML and the call joins', async () => {
		const fetched: string[] = [];
		const server = http.createServer((req, res) => {
			fetched.push(`${req.method} ${req.url}`);
			res.writeHead(200, { 'content-type': 'application/xml' });
			res.end(
				'<Response><Dial><Conference participantLabel="guest">from-url</Conference></Dial></Response>',
			);
		});
		await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
		const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/join.xml`;
		try {
			const { error } = await place({
				callAction: 'url',
				url,
				urlMethod: 'GET',
				fallbackUrl: 'https://example.com/fallback.xml',
			});

			expect(error).toBeUndefined();
			expect(bodyOf()).toEqual({
				From: '+13125550100',
				To: '+13125550123',
				ApplicationSid: world.sandbox.application.id,
				Url: url,
				UrlMethod: 'GET',
				FallbackUrl: 'https://example.com/fallback.xml',
			});
			await world.sandbox.store.calls.calls[0].settled;
			expect(fetched).toHaveLength(1);
			expect(fetched[0]).toMatch(/^GET \/join\.xml\?AccountSid=/);
			expect(conferenceNamed('from-url')!.participants[0].label).toBe('guest');
		} finally {
			server.closeAllConnections();
			await new Promise((resolve) => server.close(resolve));
		}
	});

	test.each([
		[
			{ to: '={{ $json.nobody }}', conferenceName: 'x' },
			'The "To" field is empty. Enter a value for it or map one from the input data.',
		],
		[
			{ application: locator('={{ "" }}'), conferenceName: 'x' },
			'The "Application" field is empty. Enter a value for it or map one from the input data.',
		],
		[
			{ conferenceName: '={{ "  " }}' },
			'The "Conference Name" field is empty. Enter the name of the conference to join, or map one from the input data.',
		],
		[
			{ conferenceName: 'x', conferenceOptions: { statusCallbackEvent: '={{ "join hangup" }}' } },
			'The "Status Callback Events" field may only contain end, join, leave, speaker, start, but it is "join hangup". Pick from the listed values, or make the expression return a list of them.',
		],
		[
			{ conferenceName: 'x', conferenceOptions: { maxParticipants: 251 } },
			'The "Max Participants" field must be a whole number from 2 to 250, but it is 251. Enter a whole number from 2 to 250.',
		],
		[
			{ conferenceName: 'x', conferenceOptions: { statusCallback: 'n8n.example.com/hook' } },
			'The "Status Callback" field must be an absolute http(s) URL, but it is "n8n.example.com/hook". Enter a full address such as https://example.com/hold-music.xml.',
		],
		[
			{ conferenceName: 'x', callOptions: { timeLimit: 20 } },
			'The "Time Limit" field must be a whole number from 30 to 14400, but it is 20. Enter a whole number from 30 to 14400.',
		],
		[
			{ callAction: 'texml', texml: '<Response><Say>hi</Response>' },
			'The "TeXML" field is not a well-formed TeXML document: </Response> closes <Say> on line 1. Write one <Response> element, e.g. <Response><Say>Hello</Say></Response>, and escape & and < in text as &amp; and &lt;.',
		],
		[
			{ callAction: 'texml', texml: '<Say>hi</Say>' },
			'The "TeXML" field is not a well-formed TeXML document: its root element is <Say>, not <Response>. Write one <Response> element, e.g. <Response><Say>Hello</Say></Response>, and escape & and < in text as &amp; and &lt;.',
		],
		[
			{ callAction: 'texml', texml: '<Response><Say>Tom & Jerry</Say></Response>' },
			'The "TeXML" field is not a well-formed TeXML document: "&" is not an XML entity (write & as &amp;) on line 1. Write one <Response> element, e.g. <Response><Say>Hello</Say></Response>, and escape & and < in text as &amp; and &lt;.',
		],
		[
			{ callAction: 'texml', texml: '<Response/><Response/>' },
			'The "TeXML" field is not a well-formed TeXML document: there is more than one root element on line 1. Write one <Response> element, e.g. <Response><Say>Hello</Say></Response>, and escape & and < in text as &amp; and &lt;.',
		],
		[
			{ callAction: 'texml', texml: '={{ "" }}' },
			'The "TeXML" field is empty. Enter a <Response> document, e.g. <Response><Say>Hello</Say></Response>.',
		],
		[
			{ callAction: 'url', url: '={{ "" }}' },
			'The "URL" field is empty. Enter the address Telnyx fetches the TeXML from.',
		],
		[
			{ callAction: 'url', url: 'example.com/x.xml' },
			'The "URL" field must be an absolute http(s) URL, but it is "example.com/x.xml". Enter a full address such as https://example.com/hold-music.xml.',
		],
	])('bad input fails the item before anything is sent: %j', async (parameters, message) => {
		const { output } = await place(parameters, { continueOnFail: true });

		expect(texmlRequests(world)).toEqual([]);
		expect(world.sandbox.requests).toEqual([]);
		expect(output[0].json.error).toBe(message);
	});

	test('Account SID left empty: the key’s organization is looked up, then the call is placed there', async () => {
		const { error } = await place({ accountSid: '', conferenceName: 'room' });

		expect(error).toBeUndefined();
		expect(whoamiCalls(world)).toBe(1);
		expect(texmlRequests(world)[0].url).toBe(callsPath(world));
	});

	test('a foreign account SID: Telnyx’s 404 names the account SID as the cause', async () => {
		const { output } = await place(
			{ accountSid: 'f5586561-0000-4000-8000-000000000000', conferenceName: 'room' },
			{ continueOnFail: true },
		);

		expect(texmlRequests(world)).toHaveLength(1);
		expect(output[0].json.error).toBe(
			'Telnyx did not find account "f5586561-0000-4000-8000-000000000000" (Telnyx: Resource not found). Check the Account SID: it must be the organization ID of the API key’s Telnyx account; leave it empty and the node looks it up.',
		);
	});

	test('a 422 carries Telnyx’s words', async () => {
		const { output } = await place(
			{ application: locator('1293384261075731499'), conferenceName: 'room' },
			{ continueOnFail: true },
		);

		expect(output[0].json.error).toBe(
			'Could not place a call from "+13125550100" to "+13125550123": Telnyx refused the request (Telnyx: ApplicationSid is not a TeXML application of this account). Nothing was changed; sending the same request again will fail the same way.',
		);
	});

	test('one call per item: five numbers into one conference, five calls, five participants', async () => {
		const numbers = [
			'+13125550001',
			'+13125550002',
			'+13125550003',
			'+13125550004',
			'+13125550005',
		];

		const { output } = await place(
			{ to: '={{ $json.number }}', conferenceName: 'on-call-bridge' },
			{ items: numbers.map((number) => ({ json: { number } })) },
		);

		expect(
			texmlRequests(world)
				.map((r) => JSON.parse(r.body).To)
				.sort(),
		).toEqual(numbers);
		expect(output.map((o) => o.json.to)).toEqual(numbers);
		expect(
			conferenceNamed('on-call-bridge')!
				.participants.map((p) => p.dial!.to)
				.sort(),
		).toEqual(numbers);
	});
});

/** Placing a call is not idempotent: it is sent again only when Telnyx cannot have processed it. */
describe('Call → Create is sent once per item, whatever Telnyx answers (a 429 excepted)', () => {
	let server: http.Server;
	const posts: string[] = [];

	afterEach(async () => {
		server.closeAllConnections();
		await new Promise((resolve) => server.close(resolve));
		posts.length = 0;
	});

	async function answerWith(answers: Array<[number, Record<string, string>]>) {
		server = http.createServer((req, res) => {
			req.resume();
			req.on('end', () => {
				posts.push(req.url ?? '');
				const [status, headers] = answers[Math.min(posts.length - 1, answers.length - 1)];
				if (status === 0) return void req.socket.destroy();
				res.writeHead(status, { 'content-type': 'application/json', ...headers });
				res.end(
					status === 200
						? JSON.stringify({ from: '+1', status: 'queued', to: '+2' })
						: JSON.stringify({
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
		['a dropped connection', 0, {}],
	])(
		'answered %s: one POST, the item an error that says to check before calling again',
		async (_a, status, headers) => {
			await answerWith([[status, headers]]);

			const { output } = await place({ conferenceName: 'room' }, { continueOnFail: true });

			expect(posts).toHaveLength(1);
			expect(output[0].json.error).toMatch(
				/check the call status callback or list the calls before calling again/,
			);
			// A dropped connection leaves the call's fate unknown: the description says so too.
			if (status === 0)
				expect(output[0].error?.description).toMatch(
					/Not sent again: the call may have been placed\. Check the call status callback or list the calls before calling again\.$/,
				);
		},
	);

	test('answered 429: Telnyx did not process it, so it is sent again and the item succeeds', async () => {
		await answerWith([
			[429, { 'retry-after': '0' }],
			[200, {}],
		]);

		const { output, error } = await place({ conferenceName: 'room' });

		expect(error).toBeUndefined();
		expect(posts).toHaveLength(2);
		expect(output[0].json).toEqual({ from: '+1', status: 'queued', to: '+2' });
	});
});

/** The call's status callbacks and its conference's callbacks reach one Telnyx TeXML Trigger URL. */
describe('Call → Create: call and conference callbacks reach one Telnyx TeXML Trigger', () => {
	test('the trigger sees the call initiated, ringing and answered, and the callee join', async () => {
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
		const receiver = await startTriggerReceiver(engine, {
			nodes: [triggerNode({})],
			connections: {},
		});
		try {
			await place({
				conferenceName: 'escalation-99',
				conferenceOptions: { statusCallback: receiver.url, statusCallbackEvent: ['join'] },
				callOptions: {
					statusCallback: receiver.url,
					statusCallbackEvent: ['initiated', 'ringing', 'answered'],
				},
			});

			const hits = await Promise.all([0, 1, 2, 3].map((i) => receiver.hit(i)));
			const events = hits.map((h) => h.result?.workflowData?.[0]?.[0]?.json);
			expect(hits.map((h) => h.status)).toEqual([200, 200, 200, 200]);
			const [call] = world.sandbox.store.calls.calls;
			expect(events.map((e) => [e?.event, e?.CallStatus ?? e?.StatusCallbackEvent])).toEqual([
				['call-initiated', 'initiated'],
				['call-ringing', 'ringing'],
				['call-answered', 'in-progress'],
				['participant-join', 'participant-join'],
			]);
			expect(events[2]).toMatchObject({
				CallSid: call.sid,
				CallbackSource: 'call-progress-events',
				To: '+13125550123',
			});
			expect(events[3]).toMatchObject({ CallSid: call.sid, FriendlyName: 'escalation-99' });
		} finally {
			await receiver.close();
		}
	});
});
