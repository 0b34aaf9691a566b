import { startWorld, type World } from '../support/fixtures';
import { runTexml, texmlRequests } from '../support/texml';

let world: World;
beforeEach(async () => {
	world = await startWorld();
});
afterEach(async () => await world.close());

function start(parameters: Record<string, unknown>, options: Parameters<typeof runTexml>[2] = {}) {
	return runTexml(
		world,
		{ resource: 'callSiprec', operation: 'start', callSid: world.bob.callSid, ...parameters },
		options,
	);
}

describe('Call SIPREC Session → Start (POST …/Calls/{call_sid}/Siprec.json)', () => {
	test('sends the connector and the options added as a form; the output is the new session', async () => {
		const { output, error } = await start({
			connectorName: 'compliance-recorder',
			siprecOptions: {
				includeMetadataCustomHeaders: true,
				name: 'compliance',
				secure: true,
				sessionTimeoutSecs: 600,
				sipTransport: 'tls',
				statusCallback: 'https://example.com/hooks/siprec',
				statusCallbackMethod: 'POST',
				track: 'inbound_track',
			},
		});

		expect(error).toBeUndefined();
		const [request] = texmlRequests(world);
		expect(request.method).toBe('POST');
		expect(request.url).toBe(
			`/v2/texml/Accounts/${world.sandbox.account.sid}/Calls/${world.bob.callSid}/Siprec.json`,
		);
		expect(request.headers['content-type']).toBe('application/x-www-form-urlencoded');
		expect(new URLSearchParams(request.body)).toEqual(
			new URLSearchParams({
				ConnectorName: 'compliance-recorder',
				IncludeMetadataCustomHeaders: 'true',
				Name: 'compliance',
				Secure: 'true',
				SessionTimeoutSecs: '600',
				SipTransport: 'tls',
				StatusCallback: 'https://example.com/hooks/siprec',
				StatusCallbackMethod: 'POST',
				Track: 'inbound_track',
			}),
		);
		const [session] = world.sandbox.store.sessions.siprecs;
		expect(session).toMatchObject({
			connectorName: 'compliance-recorder',
			secure: true,
			sipTransport: 'tls',
		});
		expect(output[0].json).toMatchObject({
			sid: session.sid,
			call_sid: world.bob.callSid,
			status: 'in-progress',
		});
	});

	test('Session Timeout of 0 turns the timer off and is sent', async () => {
		await start({ connectorName: 'rec', siprecOptions: { sessionTimeoutSecs: 0 } });
		expect(texmlRequests(world)[0].body).toBe('ConnectorName=rec&SessionTimeoutSecs=0');
	});

	test.each([
		[
			{ connectorName: 'rec', siprecOptions: { sessionTimeoutSecs: 30 } },
			'The "Session Timeout (Seconds)" field must be 0 or at least 90, but it is 30. Enter 0 to turn the timer off, or 90 or more.',
		],
		[
			{ connectorName: '={{ $json.none }}' },
			'The "Connector Name" field is empty. Enter a value for it or map one from the input data.',
		],
		[
			{ connectorName: 'rec', siprecOptions: { sipTransport: '={{ "sctp" }}' } },
			'The "SIP Transport" field must be one of tcp, tls, udp, but it is "sctp". Pick one of the listed values, or make the expression return one of them.',
		],
	])('bad input is refused before sending: %j', async (parameters, message) => {
		const { output } = await start(parameters, { continueOnFail: true });
		expect(texmlRequests(world)).toHaveLength(0);
		expect(output[0].json.error).toBe(message);
	});

	test('with continue-on-fail every item ends as a result or an error item', async () => {
		const { output } = await start(
			{ connectorName: '={{ $json.c }}' },
			{ continueOnFail: true, items: [{ json: { c: 'a' } }, { json: {} }, { json: { c: 'b' } }] },
		);
		expect(texmlRequests(world)).toHaveLength(2);
		expect(output.map((o) => (o.json.error ? 'error' : o.json.status))).toEqual([
			'in-progress',
			'error',
			'in-progress',
		]);
	});
});
