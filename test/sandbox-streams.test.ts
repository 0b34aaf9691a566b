/**
 * Media streams and SIPREC sessions of a live call in the sandbox (StartTeXMLCallStreaming,
 * UpdateTeXMLCallStreaming, StartTeXMLSiprecSession, UpdateTeXMLSiprecSession) over plain HTTP:
 * each exchange checked against Telnyx's document, the sessions listed on the call in the store,
 * and their status callbacks received signed.
 */
import { startSandbox, type Call, type TexmlSandbox } from '../sandbox';
import { describeContract } from './contract/describe-contract';
import { signedBy, startReceiver, type Receiver } from './support/receiver';
import { exchangeWith, placeLiveCall } from './support/sandbox-http';

describeContract('Media streams and SIPREC sessions in the sandbox', (contract) => {
	let sandbox: TexmlSandbox;
	let receiver: Receiver;
	let call: Call;
	let calls: string;
	const send = exchangeWith(contract, () => sandbox);

	beforeEach(async () => {
		sandbox = await startSandbox();
		receiver = await startReceiver();
		calls = `/texml/Accounts/${sandbox.account.sid}/Calls`;
		call = placeLiveCall(sandbox, '<Response><Say>Connecting you.</Say></Response>');
	});
	afterEach(async () => {
		await sandbox.close();
		await receiver.close();
	});

	/** The callbacks received so far, once every one sent has arrived. */
	const callbacks = async () => {
		await sandbox.statusCallbacks.idle();
		return receiver.received;
	};

	describe('streams', () => {
		const streams = () => `${calls}/${call.sid}/Streams.json`;

		test('start: every field; listed on the call; the answer as the document declares it', async () => {
			const started = await send('POST', streams(), {
				Url: 'wss://speech.example.com/live?lang=en',
				Name: 'transcriber',
				Track: 'both_tracks',
				BidirectionalMode: 'rtp',
				BidirectionalCodec: 'G722',
				StatusCallback: `${receiver.origin}/stream`,
				StatusCallbackMethod: 'POST',
			});
			expect([started.status, started.problems, started.operationId]).toEqual([
				200,
				[],
				'StartTeXMLCallStreaming',
			]);
			const [stream] = sandbox.store.sessions.streamsOf(sandbox.account.sid, call.sid);
			expect(started.body).toEqual({
				account_sid: sandbox.account.sid,
				call_sid: call.sid,
				date_updated: stream.dateUpdated.toISOString(),
				name: 'transcriber',
				sid: stream.sid,
				status: 'in-progress',
				uri: `/v2/texml/Accounts/${sandbox.account.sid}/Calls/${call.sid}/Streams/${stream.sid}.json`,
			});
			expect(stream).toMatchObject({
				url: 'wss://speech.example.com/live?lang=en',
				track: 'both_tracks',
				bidirectionalMode: 'rtp',
				bidirectionalCodec: 'G722',
				status: 'in-progress',
			});
		});

		test('the document’s defaults; no name, no `name` key', async () => {
			const started = await send('POST', streams(), { Url: 'wss://speech.example.com/' });
			expect([started.status, started.problems, 'name' in started.body]).toEqual([200, [], false]);
			expect(sandbox.store.sessions.streams[0]).toMatchObject({
				track: 'inbound_track',
				bidirectionalMode: 'mp3',
				bidirectionalCodec: 'PCMU',
			});
		});

		test('stop: stopped in the store, answered as declared; signed callbacks for start and stop', async () => {
			const started = await send('POST', streams(), {
				Url: 'wss://speech.example.com/',
				Name: 'agent-assist',
				StatusCallback: `${receiver.origin}/stream?leg=a`,
			});
			const stop = await send('POST', `${calls}/${call.sid}/Streams/${started.body.sid}.json`, {
				Status: 'stopped',
			});
			expect([stop.status, stop.problems, stop.operationId]).toEqual([
				200,
				[],
				'UpdateTeXMLCallStreaming',
			]);
			expect(stop.body).toMatchObject({ sid: started.body.sid, status: 'stopped' });
			expect(Object.keys(stop.body).sort()).toEqual(
				['account_sid', 'call_sid', 'date_updated', 'sid', 'status', 'uri'].sort(),
			);
			expect(sandbox.store.sessions.streams[0].status).toBe('stopped');
			const received = await callbacks();
			expect(received.map((r) => [r.method, r.url, r.fields.StreamEvent])).toEqual([
				['POST', '/stream?leg=a', 'stream-started'],
				['POST', '/stream?leg=a', 'stream-stopped'],
			]);
			expect(received[0].fields).toMatchObject({
				AccountSid: sandbox.account.sid,
				CallSid: call.sid,
				StreamSid: started.body.sid,
				StreamName: 'agent-assist',
			});
			expect(received.every((r) => signedBy(sandbox.publicKey, r))).toBe(true);
		});

		test('a GET status callback carries the fields in its query, signed over the timestamp', async () => {
			await send('POST', streams(), {
				Url: 'wss://speech.example.com/',
				StatusCallback: `${receiver.origin}/stream`,
				StatusCallbackMethod: 'GET',
			});
			const [received] = await callbacks();
			expect([received.method, received.body, received.fields.StreamEvent]).toEqual([
				'GET',
				'',
				'stream-started',
			]);
			expect(signedBy(sandbox.publicKey, received)).toBe(true);
		});

		test('the call hangs up: its streams stop, with their callback', async () => {
			await send('POST', streams(), {
				Url: 'wss://speech.example.com/',
				StatusCallback: `${receiver.origin}/stream`,
			});
			await send('POST', `${calls}/${call.sid}`, { Status: 'completed' });
			expect(sandbox.store.sessions.streams[0].status).toBe('stopped');
			expect((await callbacks()).map((r) => r.fields.StreamEvent)).toEqual([
				'stream-started',
				'stream-stopped',
			]);
		});

		test.each([
			['a ws:// address', { Url: 'ws://speech.example.com/' }, 'Url'],
			['an https address', { Url: 'https://speech.example.com/' }, 'Url'],
			['no Url', { Name: 'x' }, 'Url'],
			['an unknown track', { Url: 'wss://a.example/', Track: 'both' }, 'Track'],
			[
				'a lower-case codec',
				{ Url: 'wss://a.example/', BidirectionalCodec: 'pcmu' },
				'BidirectionalCodec',
			],
			[
				'an unknown mode',
				{ Url: 'wss://a.example/', BidirectionalMode: 'opus' },
				'BidirectionalMode',
			],
			['a relative callback', { Url: 'wss://a.example/', StatusCallback: '/cb' }, 'StatusCallback'],
			['an unknown field', { Url: 'wss://a.example/', Codec: 'PCMU' }, 'Codec'],
		])('422 for %s, naming the field; nothing starts', async (_name, form, field) => {
			const refused = await send('POST', streams(), form, { checkSent: false });
			expect([refused.status, refused.problems]).toEqual([422, []]);
			expect(refused.body.errors[0].source.pointer).toBe(`/${field}`);
			expect(sandbox.store.sessions.streams).toEqual([]);
		});

		test('404 for an unknown call or stream; 422 for a call that has ended', async () => {
			const unknown = await send('POST', `${calls}/v3:nobody/Streams.json`, {
				Url: 'wss://a.example/',
			});
			expect([unknown.status, unknown.problems]).toEqual([404, []]);
			const noStream = await send(
				'POST',
				`${calls}/${call.sid}/Streams/6a09cdc3-8948-47f0-aa62-74ac943d6c58.json`,
				{ Status: 'stopped' },
			);
			expect([noStream.status, noStream.problems]).toEqual([404, []]);
			sandbox.store.calls.hangUp(call);
			const ended = await send('POST', streams(), { Url: 'wss://a.example/' });
			expect([ended.status, ended.body.errors[0].code, ended.problems]).toEqual([422, '90018', []]);
		});

		test('a conference participant’s call can be streamed too', async () => {
			const conference = sandbox.store.addConference(sandbox.account.sid, {
				participants: [{}],
			});
			const sid = conference.participants[0].callSid;
			const started = await send('POST', `${calls}/${sid}/Streams.json`, {
				Url: 'wss://a.example/',
			});
			expect([started.status, started.body.call_sid, started.problems]).toEqual([200, sid, []]);
		});
	});

	describe('SIPREC sessions', () => {
		const siprec = () => `${calls}/${call.sid}/Siprec.json`;

		test('start: every field; listed on the call; the answer as the document declares it', async () => {
			const started = await send('POST', siprec(), {
				ConnectorName: 'compliance-recorder',
				Name: 'q3-audit',
				Track: 'inbound_track',
				Secure: 'true',
				SessionTimeoutSecs: '900',
				SipTransport: 'tls',
				IncludeMetadataCustomHeaders: 'true',
				StatusCallback: `${receiver.origin}/siprec`,
				StatusCallbackMethod: 'POST',
			});
			expect([started.status, started.problems, started.operationId]).toEqual([
				200,
				[],
				'StartTeXMLSiprecSession',
			]);
			const [session] = sandbox.store.sessions.siprecsOf(sandbox.account.sid, call.sid);
			expect(started.body).toMatchObject({
				account_sid: sandbox.account.sid,
				call_sid: call.sid,
				sid: session.sid,
				status: 'in-progress',
				track: 'inbound_track',
				uri: `/v2/texml/Accounts/${sandbox.account.sid}/Calls/${call.sid}/Siprec/${session.sid}.json`,
			});
			expect(started.body.start_time).toMatch(/^\w{3}, \d{2} \w{3} \d{4} [\d:]{8} \+0000$/);
			expect(session).toMatchObject({
				connectorName: 'compliance-recorder',
				name: 'q3-audit',
				secure: true,
				sessionTimeoutSecs: 900,
				sipTransport: 'tls',
				includeMetadataCustomHeaders: true,
			});
		});

		test('the document’s defaults: both tracks, udp, 1800 s', async () => {
			const started = await send('POST', siprec(), { ConnectorName: 'rec' });
			expect([started.status, started.body.track, started.problems]).toEqual([
				200,
				'both_tracks',
				[],
			]);
			expect(sandbox.store.sessions.siprecs[0]).toMatchObject({
				sipTransport: 'udp',
				sessionTimeoutSecs: 1800,
				secure: false,
			});
		});

		test('SessionTimeoutSecs: 0 turns it off, 90 is the least, 89 is refused', async () => {
			expect(
				(await send('POST', siprec(), { ConnectorName: 'rec', SessionTimeoutSecs: '0' })).status,
			).toBe(200);
			expect(
				(await send('POST', siprec(), { ConnectorName: 'rec', SessionTimeoutSecs: '90' })).status,
			).toBe(200);
			// The contract refuses it too (see its decisions): every problem is the sent value.
			const short = await send('POST', siprec(), {
				ConnectorName: 'rec',
				SessionTimeoutSecs: '89',
			});
			expect([short.status, short.body.errors[0].source.pointer]).toEqual([
				422,
				'/SessionTimeoutSecs',
			]);
			expect(short.problems.length).toBeGreaterThan(0);
			for (const problem of short.problems)
				expect(problem).toMatch(/^StartTeXMLSiprecSession: form \/SessionTimeoutSecs /);
		});

		test('stop: stopped, answered as declared; signed callbacks for start and stop', async () => {
			const started = await send('POST', siprec(), {
				ConnectorName: 'rec',
				Name: 'audit',
				StatusCallback: `${receiver.origin}/siprec`,
			});
			const path = `${calls}/${call.sid}/Siprec/${started.body.sid}.json`;
			const unchanged = await send('POST', path, {});
			expect([unchanged.status, unchanged.body.status, unchanged.problems]).toEqual([
				200,
				'in-progress',
				[],
			]);
			const stop = await send('POST', path, { Status: 'stopped' });
			expect([stop.status, stop.problems, stop.operationId]).toEqual([
				200,
				[],
				'UpdateTeXMLSiprecSession',
			]);
			expect(stop.body).toMatchObject({ sid: started.body.sid, status: 'stopped' });
			const received = await callbacks();
			expect(received.map((r) => [r.url, r.fields.SiprecStatus])).toEqual([
				['/siprec', 'in-progress'],
				['/siprec', 'stopped'],
			]);
			expect(received[1].fields).toMatchObject({
				AccountSid: sandbox.account.sid,
				CallSid: call.sid,
				SiprecSid: started.body.sid,
				SiprecName: 'audit',
			});
			expect(received.every((r) => signedBy(sandbox.publicKey, r))).toBe(true);
		});

		test('the call hangs up: its session stops, with its callback', async () => {
			await send('POST', siprec(), {
				ConnectorName: 'rec',
				StatusCallback: `${receiver.origin}/siprec`,
			});
			sandbox.store.calls.hangUp(call);
			expect(sandbox.store.sessions.siprecs[0].status).toBe('stopped');
			expect((await callbacks()).map((r) => r.fields.SiprecStatus)).toEqual([
				'in-progress',
				'stopped',
			]);
		});

		test.each([
			['no ConnectorName', { Name: 'x' }, 'ConnectorName'],
			['an unknown transport', { ConnectorName: 'rec', SipTransport: 'sctp' }, 'SipTransport'],
			['a track Telnyx does not name', { ConnectorName: 'rec', Track: 'both' }, 'Track'],
			['Secure not a boolean', { ConnectorName: 'rec', Secure: 'yes' }, 'Secure'],
			['an unknown field', { ConnectorName: 'rec', Region: 'US' }, 'Region'],
		])('422 for %s, naming the field; nothing starts', async (_name, form, field) => {
			const refused = await send('POST', siprec(), form, { checkSent: false });
			expect([refused.status, refused.problems]).toEqual([422, []]);
			expect(refused.body.errors[0].source.pointer).toBe(`/${field}`);
			expect(sandbox.store.sessions.siprecs).toEqual([]);
		});

		test('404 for an unknown call or session', async () => {
			const unknown = await send('POST', `${calls}/v3:nobody/Siprec.json`, {
				ConnectorName: 'rec',
			});
			expect([unknown.status, unknown.problems]).toEqual([404, []]);
			const noSession = await send('POST', `${calls}/${call.sid}/Siprec/nope.json`, {
				Status: 'stopped',
			});
			expect([noSession.status, noSession.problems]).toEqual([404, []]);
		});
	});
});
