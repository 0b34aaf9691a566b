/**
 * The sandbox rings a TeXML application as Telnyx does: the Voice URL request (method, fields,
 * signature), the verbs played, Gather answered with scripted digits or speech, Dial Conference
 * joining the conference (seen through the REST API), Redirect, Reject, Hangup, Enqueue, Record.
 * The application is a tiny local server; nothing waits on the wall clock.
 */
import { createPublicKey, verify } from 'node:crypto';

import { startSandbox, type TexmlApplication, type TexmlSandbox } from '../sandbox';
import { ringByHand, ringFlags } from '../sandbox/cli-ring';
import { startTexmlServer, texml, type Answer, type TexmlServer } from './support/texml-server';

let sandbox: TexmlSandbox;
let server: TexmlServer | undefined;

beforeEach(async () => {
	sandbox = await startSandbox();
});
afterEach(async () => {
	await server?.close();
	server = undefined;
	await sandbox.close();
});

/** An application of the sandbox's account whose Voice URL is the test server's `/voice`. */
async function application(
	routes: Record<string, Answer | ((r: { fields: Record<string, string> }) => Answer)>,
	app: Partial<TexmlApplication> = {},
) {
	server = await startTexmlServer(routes);
	return sandbox.store.calls.addApplication(sandbox.account.sid, {
		friendlyName: 'Dial-in',
		voiceUrl: `${server.origin}/voice`,
		...app,
	});
}

const CALLER = { from: '+13125550100', to: '+13125550199' };

/** Whether a request's Ed25519 signature verifies with the sandbox's public key. */
function signed(headers: Record<string, string | string[] | undefined>, body: string) {
	const key = createPublicKey({
		key: {
			kty: 'OKP',
			crv: 'Ed25519',
			x: Buffer.from(sandbox.publicKey, 'base64').toString('base64url'),
		},
		format: 'jwk',
	});
	const timestamp = String(headers['telnyx-timestamp']);
	return verify(
		null,
		Buffer.from(`${timestamp}|${body}`),
		key,
		Buffer.from(String(headers['telnyx-signature-ed25519']), 'base64'),
	);
}

async function rest(path: string) {
	const response = await fetch(`${sandbox.baseUrl}/texml/Accounts/${sandbox.account.sid}${path}`, {
		headers: { authorization: `Bearer ${sandbox.account.apiKey}` },
	});
	return { status: response.status, body: (await response.json()) as Record<string, any> };
}

describe('the Voice URL request', () => {
	test('POST: the call fields as a form, signed over timestamp|body', async () => {
		const app = await application({ '/voice': texml('<Say voice="alice">Welcome</Say>') });
		const story = await sandbox.ring({ applicationId: app.id, ...CALLER, callerName: 'ADA L' });

		const [request] = server!.received;
		expect(request.method).toBe('POST');
		expect(request.url).toBe('/voice');
		expect(request.headers['content-type']).toBe('application/x-www-form-urlencoded');
		expect(request.fields).toEqual({
			AccountSid: sandbox.account.sid,
			ApiVersion: '2010-04-01',
			CallSid: story.callSid,
			CallSidLegacy: story.callSid,
			CallStatus: 'ringing',
			CallerName: 'ADA L',
			ConnectionId: app.id,
			Direction: 'inbound',
			From: '+13125550100',
			To: '+13125550199',
		});
		expect(story.callSid).toMatch(/^v3:/);
		expect(signed(request.headers, request.body)).toBe(true);
		expect(signed(request.headers, `${request.body}&x=1`)).toBe(false);
		expect(story.played).toEqual([
			{ verb: 'Say', text: 'Welcome', attributes: { voice: 'alice' } },
		]);
		expect(story.ended).toEqual({ kind: 'hangup', by: 'end-of-document' });
		expect(story.usedFallback).toBe(false);
		expect(story.requests[0]).toMatchObject({
			method: 'POST',
			reason: 'voice',
			status: 200,
			contentType: 'application/xml',
		});

		// The call is an inbound call of the account, ended once its document ran out.
		const call = await rest(`/Calls/${story.callSid}`);
		expect(call.body).toMatchObject({
			direction: 'inbound',
			status: 'completed',
			from: CALLER.from,
		});
	});

	test('GET: the fields in the query, the signature over timestamp| (no body)', async () => {
		const app = await application(
			{ '/voice': texml('<Play>https://example.com/a.mp3</Play><Pause length="2"/>') },
			{ voiceMethod: 'get' },
		);
		app.voiceUrl = `${server!.origin}/voice?line=7`;
		const story = await sandbox.ring({ applicationId: app.id, ...CALLER });

		const [request] = server!.received;
		expect(request.method).toBe('GET');
		expect(request.body).toBe('');
		expect(request.headers['content-type']).toBeUndefined();
		expect(request.fields).toMatchObject({
			line: '7',
			CallSid: story.callSid,
			Direction: 'inbound',
		});
		expect(request.fields).not.toHaveProperty('CallerName');
		expect(signed(request.headers, '')).toBe(true);
		expect(story.played).toEqual([
			{ verb: 'Play', text: 'https://example.com/a.mp3', attributes: {} },
			{ verb: 'Pause', attributes: { length: '2' } },
		]);
	});

	test('the application’s status_callback hears the incoming call’s progress', async () => {
		const app = await application({ '/voice': texml('<Hangup/>'), '/status': texml('') });
		app.statusCallback = `${server!.origin}/status`;
		const story = await sandbox.ring({ applicationId: app.id, ...CALLER });
		await sandbox.statusCallbacks.idle();
		const statuses = server!.received.filter((r) => r.url === '/status').map((r) => r.fields);
		expect(statuses.map((f) => f.CallStatus)).toEqual([
			'initiated',
			'ringing',
			'in-progress',
			'completed',
		]);
		expect(statuses.every((f) => f.CallSid === story.callSid)).toBe(true);
	});

	test('an application without a Voice URL: the call ends in an error, nothing is asked', async () => {
		const story = await sandbox.ring(CALLER);
		expect(story.ended).toEqual({ kind: 'error', reason: 'the application has no Voice URL' });
		expect(story.requests).toEqual([]);
	});
});

describe('Gather', () => {
	test('digits up to finishOnKey go to the action (relative, its query kept) with Digits', async () => {
		const app = await application({
			'/voice': menu(6),
			'/pin': texml('<Say>Thanks</Say>'),
		});
		const story = await sandbox.ring({
			applicationId: app.id,
			...CALLER,
			inputs: [{ digits: '1234#9' }],
		});
		const action = server!.received[1];
		expect(action.url).toBe('/pin?attempt=1');
		expect(action.method).toBe('POST');
		expect(action.fields).toMatchObject({
			Digits: '1234',
			CallStatus: 'in-progress',
			CallSid: story.callSid,
		});
		expect(signed(action.headers, action.body)).toBe(true);
		expect(story.played.map((p) => [p.verb, p.text ?? p.heard])).toEqual([
			['Say', 'Enter your PIN'],
			['Gather', { Digits: '1234' }],
			['Say', 'Thanks'],
		]);
		expect(story.played[0].inGather).toBe(true);
		expect(story.requests.map((r) => r.reason)).toEqual(['voice', 'gather']);
	});

	test('numDigits ends the digits without a finishing key', async () => {
		const app = await application({ '/voice': menu(), '/pin': texml('') });
		await sandbox.ring({ applicationId: app.id, ...CALLER, inputs: [{ digits: '987654' }] });
		expect(server!.received[1].fields.Digits).toBe('9876');
	});

	test('speech: SpeechResult and Confidence', async () => {
		const app = await application({
			'/voice': texml('<Gather input="dtmf speech" action="/heard"></Gather>'),
			'/heard': texml('<Hangup/>'),
		});
		const story = await sandbox.ring({
			applicationId: app.id,
			...CALLER,
			inputs: [{ speech: 'the weekly sync', confidence: 0.87 }],
		});
		expect(server!.received[1].fields).toMatchObject({
			SpeechResult: 'the weekly sync',
			Confidence: '0.87',
		});
		expect(server!.received[1].fields).not.toHaveProperty('Digits');
		expect(story.ended).toEqual({ kind: 'hangup', by: 'verb' });
	});

	test('no input left, or silence: the Gather falls through to the next verb', async () => {
		const app = await application({ '/voice': menu() });
		for (const inputs of [
			[],
			[{ silence: true as const }],
			[{ speech: 'hello' }],
			[{ digits: '#' }],
		]) {
			const story = await sandbox.ring({ applicationId: app.id, ...CALLER, inputs });
			expect(story.played.map((p) => p.verb)).toEqual(['Say', 'Gather', 'Say', 'Hangup']);
			expect(story.played[1].heard).toBeUndefined();
			expect(story.ended).toEqual({ kind: 'hangup', by: 'verb' });
			expect(story.inputsLeft).toEqual([]);
		}
		expect(server!.received.every((r) => r.url === '/voice')).toBe(true);
	});

	test('without action: the current document again, with the application’s method', async () => {
		let calls = 0;
		const app = await application(
			{
				'/voice': () =>
					++calls === 1 ? texml('<Gather numDigits="1"/>') : texml('<Say>Again</Say>'),
			},
			{ voiceMethod: 'get' },
		);
		await sandbox.ring({ applicationId: app.id, ...CALLER, inputs: [{ digits: '5' }] });
		const again = server!.received[1];
		expect([again.method, again.fields.Digits]).toEqual(['GET', '5']);
		expect(new URL(again.url, 'http://x').pathname).toBe('/voice');
	});
});

describe('where the call ends', () => {
	test('Dial Conference joins it with its attributes, seen through the REST API', async () => {
		const app = await application({
			'/voice': menu(),
			'/pin': ({ fields }) =>
				fields.Digits === '9999'
					? texml('<Dial><Conference endConferenceOnExit="true">weekly-sync</Conference></Dial>')
					: texml(
							'<Say>Joining</Say><Dial><Conference muted="true" startConferenceOnEnter="false" participantLabel="+13125550100" beep="onExit">weekly-sync</Conference></Dial>',
						),
		});
		const story = await sandbox.ring({
			applicationId: app.id,
			...CALLER,
			inputs: [{ digits: '1234' }],
		});
		expect(story.ended).toMatchObject({
			kind: 'conference',
			name: 'weekly-sync',
			conferenceStatus: 'init',
			participant: {
				callSid: story.callSid,
				muted: true,
				startConferenceOnEnter: false,
				endConferenceOnExit: false,
				label: '+13125550100',
				beep: 'onExit',
			},
		});
		const sid = (story.ended as { conferenceSid: string }).conferenceSid;
		const conference = await rest(`/Conferences/${sid}`);
		expect(conference.body).toMatchObject({ friendly_name: 'weekly-sync', status: 'init' });
		const participants = await rest(`/Conferences/${sid}/Participants`);
		expect(participants.body.participants).toEqual([
			expect.objectContaining({
				call_sid: story.callSid,
				muted: true,
				end_conference_on_exit: false,
			}),
		]);
		const byLabel = await rest(
			`/Conferences/${sid}/Participants/${encodeURIComponent('+13125550100')}`,
		);
		expect(byLabel.body.call_sid).toBe(story.callSid);
		expect((await rest(`/Calls/${story.callSid}`)).body.status).toBe('in-progress');

		// A second caller, the host, starts it.
		server!.received.length = 0;
		const host = await sandbox.ring({
			applicationId: app.id,
			...CALLER,
			inputs: [{ digits: '9999' }],
		});
		expect((host.ended as { conferenceSid: string }).conferenceSid).toBe(sid);
		expect((host.ended as { conferenceStatus: string }).conferenceStatus).toBe('in-progress');
		const both = await rest(`/Conferences/${sid}/Participants`);
		expect(
			both.body.participants.map((p: Record<string, unknown>) => [
				p.call_sid,
				p.muted,
				p.end_conference_on_exit,
			]),
		).toEqual([
			[story.callSid, true, false],
			[host.callSid, false, true],
		]);
	});

	test('Redirect asks its URL (POST by default), then Reject, Hangup, Enqueue, Dial Number end the call', async () => {
		const app = await application({
			'/voice': texml('<Say>One moment</Say><Redirect>/next</Redirect><Say>never</Say>'),
			'/next': texml('<Redirect method="GET">/reject</Redirect>'),
			'/reject': texml('<Reject reason="busy"/>'),
			'/hangup': texml('<Hangup/><Say>never</Say>'),
			'/enqueue': texml('<Enqueue waitUrl="https://example.com/wait">support</Enqueue>'),
			'/dial': texml(
				'<Dial callerId="+13125550111"><Number>+13125550123</Number><Sip>sip:desk@example.com</Sip></Dial>',
			),
		});
		const story = await sandbox.ring({ applicationId: app.id, ...CALLER });
		expect(server!.received.map((r) => [r.method, new URL(r.url, 'http://x').pathname])).toEqual([
			['POST', '/voice'],
			['POST', '/next'],
			['GET', '/reject'],
		]);
		expect(story.requests.map((r) => r.reason)).toEqual(['voice', 'redirect', 'redirect']);
		expect(story.ended).toEqual({ kind: 'rejected', reason: 'busy' });

		const end = async (path: string) => {
			app.voiceUrl = `${server!.origin}${path}`;
			return sandbox.ring({ applicationId: app.id, ...CALLER });
		};
		const rejected = await end('/reject');
		expect((await rest(`/Calls/${rejected.callSid}`)).body.status).toBe('busy');
		expect((await end('/hangup')).ended).toEqual({ kind: 'hangup', by: 'verb' });
		expect((await end('/enqueue')).ended).toEqual({
			kind: 'enqueued',
			queue: 'support',
			position: 1,
		});
		const dialed = await end('/dial');
		expect(dialed.ended).toEqual({
			kind: 'dialed',
			to: [
				{ noun: 'Number', value: '+13125550123' },
				{ noun: 'Sip', value: 'sip:desk@example.com' },
			],
		});
		expect(dialed.played[0].attributes).toEqual({ callerId: '+13125550111' });
	});

	test('Enqueue waits in the queue (seen through the Queues API); a full queue tells the action; Dial Queue takes the head', async () => {
		const app = await application({
			'/voice': texml('<Enqueue action="/full">support</Enqueue><Say>never</Say>'),
			'/full': texml('<Say>All lines are busy</Say><Hangup/>'),
			'/agent': texml('<Dial><Queue>support</Queue></Dial>'),
		});
		const first = await sandbox.ring({ applicationId: app.id, ...CALLER });
		const second = await sandbox.ring({ applicationId: app.id, ...CALLER });
		expect([first.ended, second.ended]).toEqual([
			{ kind: 'enqueued', queue: 'support', position: 1 },
			{ kind: 'enqueued', queue: 'support', position: 2 },
		]);
		expect((await rest('/Queues/support')).body.current_size).toBe(2);

		sandbox.store.queues.find(sandbox.account.sid, 'support')!.maxSize = 2;
		const third = await sandbox.ring({ applicationId: app.id, ...CALLER });
		expect(server!.received.at(-1)).toMatchObject({
			url: '/full',
			fields: { QueueResult: 'queue-full' },
		});
		expect(third.ended).toEqual({ kind: 'hangup', by: 'verb' });

		app.voiceUrl = `${server!.origin}/agent`;
		const agent = await sandbox.ring({ applicationId: app.id, ...CALLER });
		expect(agent.ended).toEqual({ kind: 'dialed', to: [{ noun: 'Queue', value: 'support' }] });
		expect(
			sandbox.store.queues.find(sandbox.account.sid, 'support')!.members.map((m) => m.callSid),
		).toEqual([second.callSid]);
	});

	test('Record leaves a message, and its action hears RecordingSid and RecordingUrl', async () => {
		const app = await application({
			'/voice': texml('<Say>Leave a message</Say><Record action="/saved" maxLength="3"/>'),
			'/saved': texml('<Say>Saved</Say>'),
		});
		const story = await sandbox.ring({ applicationId: app.id, ...CALLER });
		const recordingSid = story.played[1].recordingSid!;
		expect(server!.received[1].fields).toMatchObject({
			RecordingSid: recordingSid,
			RecordingDuration: '3',
			RecordingUrl: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+\//),
		});
		expect(sandbox.store.recordings.find((r) => r.sid === recordingSid)?.callSid).toBe(
			story.callSid,
		);
		expect(story.played.at(-1)).toMatchObject({ verb: 'Say', text: 'Saved' });
	});
});

/** A PIN menu: a Gather whose action is relative, with a query; what follows when it hears nothing. */
function menu(numDigits = 4) {
	return texml(
		`<Gather action="/pin?attempt=1" numDigits="${numDigits}"><Say>Enter your PIN</Say></Gather><Say>We did not get that</Say><Hangup/>`,
	);
}

describe('ringing by hand (npm run sandbox -- --ring=…)', () => {
	test('the flags: the URL with its query, the inputs in order, the method', () => {
		expect(
			ringFlags([
				'node',
				'cli.js',
				'--ring=https://n8n.example.com/webhook/voice?a=1&b=2',
				'--digits=1234#',
				'--silence',
				'--speech=weekly sync',
				'--method=GET',
			]),
		).toEqual({
			url: 'https://n8n.example.com/webhook/voice?a=1&b=2',
			method: 'get',
			from: '+13125550100',
			to: '+13125550199',
			inputs: [{ digits: '1234#' }, { silence: true }, { speech: 'weekly sync' }],
		});
		expect(ringFlags(['node', 'cli.js', '--rate-limit=5'])).toBeUndefined();
	});

	test('rings the URL through the application and tells the story', async () => {
		const app = await application({
			'/voice': menu(),
			'/pin': texml('<Dial><Conference muted="true">weekly-sync</Conference></Dial>'),
		});
		const lines = await ringByHand(sandbox, app.id, {
			url: `${server!.origin}/voice`,
			method: 'post',
			...CALLER,
			inputs: [{ digits: '1234' }],
		});
		expect(lines.slice(0, 3)).toEqual([
			'Requests:',
			`  POST ${server!.origin}/voice  → 200 application/xml`,
			`  POST ${server!.origin}/pin?attempt=1  → 200 application/xml`,
		]);
		expect(lines.slice(3, -1)).toEqual([
			'Played:',
			'    Say Enter your PIN',
			'  Gather heard Digits=1234',
			'  Dial Conference weekly-sync',
			'Ended: conference weekly-sync (muted, in-progress)',
		]);
	});
});
