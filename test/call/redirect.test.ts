import { parseXml } from '../../sandbox';
import { callsPath, placeCall, runCall } from '../support/calls';
import { startWorld, type World } from '../support/fixtures';
import { texmlRequests } from '../support/texml';

let world: World;

beforeEach(async () => {
	world = await startWorld();
});
afterEach(async () => await world.close());

const form = (body: string) => Object.fromEntries(new URLSearchParams(body));

describe('Call → Redirect (POST /texml/Accounts/{account_sid}/Calls/{call_sid}, form)', () => {
	test('Join Conference moves a caller waiting in an IVR into the supervisor’s conference', async () => {
		const caller = placeCall(world, '+13125550001');
		expect(world.sandbox.store.calls.membership(caller)).toBeUndefined();

		const { output, error } = await runCall(world, 'redirect', {
			callSid: caller.sid,
			conferenceName: 'supervisor & co',
			conferenceOptions: { participantLabel: 'caller', startConferenceOnEnter: true },
		});

		expect(error).toBeUndefined();
		const [request] = texmlRequests(world);
		expect(request.url).toBe(`${callsPath(world)}/${caller.sid}`);
		expect(request.headers['content-type']).toBe('application/x-www-form-urlencoded');
		expect(request.body).toBe(
			`Texml=${encodeURIComponent('<Response><Dial><Conference participantLabel="caller" startConferenceOnEnter="true">supervisor &amp; co</Conference></Dial></Response>')}`,
		);
		const texml = parseXml(form(request.body).Texml);
		expect(texml.children[0].children[0].text).toBe('supervisor & co');
		const membership = world.sandbox.store.calls.membership(caller)!;
		expect(membership.conference.friendlyName).toBe('supervisor & co');
		expect(membership.participant.label).toBe('caller');
		expect(output[0].json).toMatchObject({ sid: caller.sid, status: 'in-progress' });
	});

	test('a redirect into another conference moves the call: it leaves the first one', async () => {
		const call = placeCall(world, '+13125550001', 'room-a');
		const roomA = world.sandbox.store.calls.membership(call)!.conference;

		await runCall(world, 'redirect', { callSid: call.sid, conferenceName: 'room-b' });

		expect(roomA.participants).toEqual([]);
		expect(world.sandbox.store.calls.membership(call)!.conference.friendlyName).toBe('room-b');
		expect(call.status).toBe('in-progress');
	});

	test('Run TeXML sends Texml; Fetch TeXML From URL sends Url, Method (not UrlMethod) and FallbackUrl', async () => {
		const call = placeCall(world, '+13125550001');

		await runCall(world, 'redirect', {
			callSid: call.sid,
			callAction: 'texml',
			texml: '<Response><Say>Please hold</Say></Response>',
		});
		await runCall(world, 'redirect', {
			callSid: call.sid,
			callAction: 'url',
			url: 'https://example.com/next.xml',
			urlMethod: 'GET',
			fallbackUrl: 'https://example.com/fallback.xml',
			redirectOptions: {
				fallbackMethod: 'GET',
				statusCallback: 'https://example.com/status',
				statusCallbackMethod: 'POST',
			},
		});

		const [first, second] = texmlRequests(world);
		expect(form(first.body)).toEqual({ Texml: '<Response><Say>Please hold</Say></Response>' });
		expect(second.body).toBe(
			'Url=https%3A%2F%2Fexample.com%2Fnext.xml&Method=GET&FallbackUrl=https%3A%2F%2Fexample.com%2Ffallback.xml' +
				'&FallbackMethod=GET&StatusCallback=https%3A%2F%2Fexample.com%2Fstatus&StatusCallbackMethod=POST',
		);
		expect([first.status, second.status]).toEqual([200, 200]);
	});

	test.each([
		[
			{ conferenceName: '={{ "" }}' },
			'The "Conference Name" field is empty. Enter the name of the conference to join, or map one from the input data.',
		],
		[
			{ callAction: 'texml', texml: '<Response><Dial>' },
			'The "TeXML" field is not a well-formed TeXML document: <Dial> is not closed. Write one <Response> element, e.g. <Response><Say>Hello</Say></Response>, and escape & and < in text as &amp; and &lt;.',
		],
	])('bad input is refused before sending: %j', async (parameters, message) => {
		const call = placeCall(world, '+13125550001');

		const { output } = await runCall(
			world,
			'redirect',
			{ callSid: call.sid, ...parameters },
			{ continueOnFail: true },
		);

		expect(texmlRequests(world)).toEqual([]);
		expect(output[0].json.error).toBe(message);
	});

	test('a call that has ended cannot be redirected: Telnyx’s 422 in its words', async () => {
		const call = placeCall(world, '+13125550001', 'room');
		world.sandbox.store.calls.hangUp(call);

		const { output } = await runCall(
			world,
			'redirect',
			{ callSid: call.sid, conferenceName: 'room' },
			{ continueOnFail: true },
		);

		expect(output[0].json.error).toBe(
			`Could not redirect call "${call.sid}": Telnyx refused the request (Telnyx: This call is no longer active and can’t receive commands). Nothing was changed; sending the same request again will fail the same way.`,
		);
	});
});
