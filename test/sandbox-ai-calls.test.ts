/**
 * AI assistant calls (InitiateTexmlAICall) and TeXML secrets (CreateTexmlSecret) in the sandbox,
 * over plain HTTP: each exchange checked against Telnyx's document, the call in the call book, its
 * status and conversation callbacks received signed, and a secret's value kept out of every answer
 * and of the request log.
 */
import { startSandbox, VirtualClock, type TexmlSandbox } from '../sandbox';
import { describeContract } from './contract/describe-contract';
import { signedBy, startReceiver, type Receiver } from './support/receiver';
import { exchange } from './support/sandbox-http';

describeContract('AI assistant calls and secrets in the sandbox', (contract) => {
	let sandbox: TexmlSandbox;
	let receiver: Receiver;
	const send = (
		method: string,
		path: string,
		body?: Record<string, unknown>,
		options: Parameters<typeof exchange>[5] = {},
	) => exchange(contract, sandbox, method, path, body, { json: true, ...options });

	beforeEach(async () => {
		sandbox = await startSandbox();
		receiver = await startReceiver();
	});
	afterEach(async () => {
		await sandbox.close();
		await receiver.close();
	});

	const aiCalls = () => `/texml/ai_calls/${sandbox.application.id}`;
	const CALL = { From: '+13125550100', To: '+13125550123', AIAssistantId: 'assistant-42' };

	describe('AI calls', () => {
		test('the answer is {call_sid, from, status, to}; the call is live in the call book, on the assistant', async () => {
			const placed = await send('POST', aiCalls(), CALL);
			expect([placed.status, placed.problems, placed.operationId]).toEqual([
				200,
				[],
				'InitiateTexmlAICall',
			]);
			const call = sandbox.store.calls.find(sandbox.account.sid, placed.body.call_sid)!;
			expect(placed.body).toEqual({
				call_sid: call.sid,
				from: '+13125550100',
				status: 'queued',
				to: '+13125550123',
			});
			expect([call.status, call.applicationSid]).toEqual(['in-progress', sandbox.application.id]);
			expect(call.texml).toEqual([
				'<Response><Connect><AIAssistant id="assistant-42"/></Connect></Response>',
			]);
			const listed = await exchange(
				contract,
				sandbox,
				'GET',
				`/texml/Accounts/${sandbox.account.sid}/Calls/${call.sid}`,
			);
			expect([listed.status, listed.body.status, listed.problems]).toEqual([
				200,
				'in-progress',
				[],
			]);
		});

		test('every field; conversation and status callbacks fire signed, to every URL given', async () => {
			const at = (path: string) => `${receiver.origin}${path}`;
			const placed = await send('POST', aiCalls(), {
				...CALL,
				AIAssistantVersion: '3',
				AIAssistantDynamicVariables: { customer_name: 'Ada', account_id: '12345' },
				ConversationCallback: at('/conversation/a'),
				ConversationCallbacks: [at('/conversation/b')],
				ConversationCallbackMethod: 'POST',
				StatusCallback: at('/status/a'),
				StatusCallbacks: [at('/status/b')],
				StatusCallbackEvent: 'answered completed',
				StatusCallbackMethod: 'POST',
				Timeout: 60,
				TimeLimit: 3600,
				CallerId: 'Acme Support',
				CustomHeaders: [{ name: 'X-Ticket', value: '42' }],
				MachineDetection: 'Enable',
				DetectionMode: 'Premium',
				SipRegion: 'Canada',
				Trim: 'do-not-trim',
			});
			expect([placed.status, placed.problems]).toEqual([200, []]);
			const call = sandbox.store.calls.find(sandbox.account.sid, placed.body.call_sid)!;
			expect(sandbox.store.aiCalls.find(sandbox.account.sid, call.sid)).toMatchObject({
				assistantId: 'assistant-42',
				assistantVersion: '3',
				dynamicVariables: { customer_name: 'Ada', account_id: '12345' },
				conversation: 'created',
			});
			await exchange(
				contract,
				sandbox,
				'POST',
				`/texml/Accounts/${sandbox.account.sid}/Calls/${call.sid}`,
				{
					Status: 'completed',
				},
			);
			expect(sandbox.store.aiCalls.find(sandbox.account.sid, call.sid)!.conversation).toBe('ended');
			await sandbox.statusCallbacks.idle();
			// Each URL hears its events in order (how the two kinds interleave is not documented).
			const heard = (url: string) =>
				receiver.received
					.filter((r) => r.url === url)
					.map((r) => r.fields.ConversationEvent ?? r.fields.CallStatus);
			for (const url of ['/status/a', '/status/b'])
				expect(heard(url)).toEqual(['in-progress', 'completed']);
			for (const url of ['/conversation/a', '/conversation/b'])
				expect(heard(url)).toEqual(['conversation_created', 'conversation_ended']);
			expect(receiver.received).toHaveLength(8);
			expect(receiver.received.find((r) => r.url === '/conversation/a')!.fields).toMatchObject({
				AccountSid: sandbox.account.sid,
				CallSid: call.sid,
				ConnectionId: sandbox.application.id,
				AIAssistantId: 'assistant-42',
				AIAssistantVersion: '3',
				From: '+13125550100',
				To: '+13125550123',
			});
			expect(receiver.received.every((r) => signedBy(sandbox.publicKey, r))).toBe(true);
		});

		test('Record: the call is recorded from the start, with its recording fields', async () => {
			const placed = await send('POST', aiCalls(), {
				...CALL,
				Record: true,
				RecordingChannels: 'dual',
				RecordingTrack: 'inbound',
			});
			expect([placed.status, placed.problems]).toEqual([200, []]);
			expect(sandbox.store.recordings).toEqual([
				expect.objectContaining({
					callSid: placed.body.call_sid,
					source: 'OutboundAPI',
					channels: 2,
					track: 'inbound',
					status: 'processing',
				}),
			]);
		});

		test.each(['Texml', 'Twiml', 'Url'])('%s: 422, as the document says; no call', async (key) => {
			const refused = await send(
				'POST',
				aiCalls(),
				{ ...CALL, [key]: key === 'Url' ? 'https://example.com/a.xml' : '<Response/>' },
				{ json: true, checkSent: false },
			);
			expect([refused.status, refused.problems]).toEqual([422, []]);
			expect(refused.body.errors[0].source.pointer).toBe(`/${key}`);
			expect(sandbox.store.calls.calls).toEqual([]);
		});

		test.each([
			['no AIAssistantId', { From: '+13125550100', To: '+13125550123' }, 'AIAssistantId', '10004'],
			['no To', { From: '+13125550100', AIAssistantId: 'a' }, 'To', '10004'],
			['a Timeout out of range', { ...CALL, Timeout: 4 }, 'Timeout', '10015'],
			['a Timeout as text', { ...CALL, Timeout: '30' }, 'Timeout', '10026'],
			[
				'variables that are not text',
				{ ...CALL, AIAssistantDynamicVariables: { n: 1 } },
				'AIAssistantDynamicVariables',
				'10026',
			],
			[
				'a relative conversation callback',
				{ ...CALL, ConversationCallbacks: ['/cb'] },
				'ConversationCallbacks',
				'10015',
			],
			[
				'an unknown status event',
				{ ...CALL, StatusCallbackEvent: 'answered hungup' },
				'StatusCallbackEvent',
				'10015',
			],
			['an unknown field', { ...CALL, Assistant: 'a' }, 'Assistant', '10015'],
		])('422 for %s, naming the field; no call', async (_name, body, field, code) => {
			const refused = await send('POST', aiCalls(), body, { json: true, checkSent: false });
			expect([refused.status, refused.problems]).toEqual([422, []]);
			expect(refused.body.errors[0]).toMatchObject({ code, source: { pointer: `/${field}` } });
			expect(sandbox.store.calls.calls).toEqual([]);
		});

		test('an unknown connection is 422 (no 404 is declared); a form body is 415', async () => {
			const unknown = await send('POST', '/texml/ai_calls/1234', CALL);
			expect([unknown.status, unknown.problems]).toEqual([422, []]);
			expect(unknown.body.errors[0].source.pointer).toBe('/connection_id');
			const form = await send('POST', aiCalls(), CALL, { json: false, checkSent: false });
			expect([form.status, form.problems]).toEqual([415, []]);
		});

		test('without a valid key: 401 in the declared shape', async () => {
			const anonymous = await send('POST', aiCalls(), CALL, { apiKey: 'nope' });
			expect([anonymous.status, anonymous.problems]).toEqual([401, []]);
		});
	});

	describe('secrets', () => {
		const VALUE = 'sk_live_8f2b1c7d';

		test('201 with the value REDACTED; kept for the account; masked in the request log', async () => {
			const created = await send('POST', '/texml/secrets', { name: 'crm_token', value: VALUE });
			expect([created.status, created.problems, created.operationId]).toEqual([
				201,
				[],
				'CreateTexmlSecret',
			]);
			expect(created.body).toEqual({ data: { name: 'crm_token', value: 'REDACTED' } });
			const { secrets } = sandbox.store;
			expect(secrets.names(sandbox.account.sid)).toEqual(['crm_token']);
			expect(secrets.matches(sandbox.account.sid, 'crm_token', VALUE)).toBe(true);
			const logged = sandbox.requests.find((r) => r.url === '/v2/texml/secrets')!;
			expect(JSON.parse(logged.body)).toEqual({ name: 'crm_token', value: 'REDACTED' });
			expect(JSON.stringify(sandbox.requests)).not.toContain(VALUE);
		});

		test.each(['/texml/secrets.json', '/texml//secrets/', '/texml/%73ecrets'])(
			'masked too when the path is spelled %s',
			async (path) => {
				const created = await send('POST', path, { name: 'crm_token', value: VALUE });
				expect(created.status).toBe(201);
				expect(sandbox.requests[0].body).toBe('{"name":"crm_token","value":"REDACTED"}');
			},
		);

		test('a name already there gets the new value', async () => {
			await send('POST', '/texml/secrets', { name: 'crm_token', value: 'old' });
			await send('POST', '/texml/secrets', { name: 'crm_token', value: VALUE });
			expect(sandbox.store.secrets.names(sandbox.account.sid)).toEqual(['crm_token']);
			expect(sandbox.store.secrets.matches(sandbox.account.sid, 'crm_token', VALUE)).toBe(true);
		});

		test('the value is masked in the log even when the request fails', async () => {
			const refused = await send(
				'POST',
				'/texml/secrets',
				{ name: 'crm_token', value: VALUE, scope: 'all' },
				{ checkSent: false },
			);
			expect([refused.status, refused.problems]).toEqual([422, []]);
			expect(JSON.stringify(refused.body)).not.toContain(VALUE);
			expect(JSON.stringify(sandbox.requests)).not.toContain(VALUE);
			expect(sandbox.store.secrets.names(sandbox.account.sid)).toEqual([]);
		});

		test('the value stays masked for an attempt that met a fault; the rate limit applies here too', async () => {
			sandbox.faults.configure({ failFirst: true });
			const failed = await send('POST', '/texml/secrets', { name: 'crm_token', value: VALUE });
			expect(failed.status).toBe(503);
			const retried = await send('POST', '/texml/secrets', { name: 'crm_token', value: VALUE });
			expect([retried.status, retried.problems]).toEqual([201, []]);
			expect(sandbox.requests.map((r) => r.fault)).toEqual(['503', undefined]);
			expect(JSON.stringify(sandbox.requests)).not.toContain(VALUE);
			// A clock that stands still: both requests fall in one window, however slow the machine.
			await sandbox.close();
			sandbox = await startSandbox({ clock: new VirtualClock(), faults: { rateLimit: 1 } });
			const first = await send('POST', '/texml/secrets', { name: 'a', value: 'v' });
			const second = await send('POST', '/texml/secrets', { name: 'b', value: 'v' });
			expect([first.status, second.status, second.problems]).toEqual([201, 429, []]);
			expect(sandbox.store.secrets.names(sandbox.account.sid)).toEqual(['a']);
		});

		test.each([
			['no value', { name: 'a' }, 'value', '10004'],
			['no name', { value: 'a' }, 'name', '10004'],
			['a value that is not text', { name: 'a', value: 42 }, 'value', '10026'],
		])('422 for %s, naming the field', async (_name, body, field, code) => {
			const refused = await send('POST', '/texml/secrets', body, { checkSent: false });
			expect([refused.status, refused.problems]).toEqual([422, []]);
			expect(refused.body.errors[0]).toMatchObject({ code, source: { pointer: `/${field}` } });
		});
	});
});
