/**
 * The Telnyx TeXML Trigger as n8n runs it: signed form-urlencoded callbacks over real HTTP, the
 * body parsed as n8n's body parser does, webhook() called through n8n-core's WebhookContext.
 */
import { NodeHelpers, type INode } from 'n8n-workflow';

import { TelnyxTexmlTrigger } from '../nodes/TelnyxTexmlTrigger/TelnyxTexmlTrigger.node';
import { newSigningKey } from '../sandbox';
import { workflowOf } from './support/engine';
import {
	activationContext,
	post,
	signedForm,
	startTriggerReceiver,
	triggerEngine,
	triggerNode,
	type TriggerReceiver,
} from './support/webhook';

const telnyx = newSigningKey();
const stranger = newSigningKey();

const now = () => Math.floor(Date.now() / 1000);

/** A participant-join callback as Telnyx documents it, form-encoded. */
const JOIN = [
	'AccountSid=f5586561-8ff0-4291-a0ac-84fe544797bd',
	'CallSid=v3%3A9X2vxPDFY2RHSJ1EdMS0RHRksMTg7ldNxdjWbVr9zBjbGjGsSe-aiQ',
	'CallSidLegacy=v3%3A9X2vxPDFY2RHSJ1EdMS0RHRksMTg7ldNxdjWbVr9zBjbGjGsSe-aiQ',
	'ConferenceSid=cd5a70f4-759b-4d5e-9c06-88c00f16f3c1',
	'ConnectionId=1684641123236054244',
	'FriendlyName=weekly-sync',
	'SequenceNumber=2',
	'StatusCallbackEvent=participant-join',
	'Timestamp=2024-01-15T10%3A31%3A00Z',
	'CallingPartyType=customer',
	'From=%2B13129457420',
	'FromSipUri=sip%3Acaller%40sip.telnyx.com',
	'To=%2B13129457421',
	'ToSipUri=sip%3Ahost%40example.sip.telnyx.com',
	'ParticipantLabel=Guest%20%C3%A9%26%3D%2B',
].join('&');

const callback = (event: string, friendlyName = 'weekly-sync') =>
	JOIN.replace('participant-join', event).replace(
		'FriendlyName=weekly-sync',
		`FriendlyName=${friendlyName}`,
	);

const signed = (body: string, key = telnyx, timestamp = String(now())) =>
	signedForm(body, key, timestamp);

let receiver: TriggerReceiver | undefined;
afterEach(async () => {
	await receiver?.close();
	receiver = undefined;
});

async function listen(
	parameters: INode['parameters'] = {},
	credential: Record<string, string> = { publicKey: telnyx.publicKey },
) {
	receiver = await startTriggerReceiver(triggerEngine(credential), {
		nodes: [triggerNode(parameters)],
		connections: {},
	});
	return receiver;
}

const itemsOf = (hit: { result?: { workflowData?: Array<Array<{ json: unknown }>> } }) =>
	hit.result?.workflowData?.[0]?.map((item) => item.json);

describe('signed callbacks start the workflow', () => {
	test('a valid participant-join callback gives one item with every documented field as sent, plus event', async () => {
		const r = await listen();
		const { status, body, hit } = await post(r, JOIN, signed(JOIN));
		// A clean, empty 200: n8n's default answer would be the literal text "firstEntryJson".
		expect([status, body]).toEqual([200, '']);
		expect(itemsOf(hit)).toEqual([
			{
				AccountSid: 'f5586561-8ff0-4291-a0ac-84fe544797bd',
				CallSid: 'v3:9X2vxPDFY2RHSJ1EdMS0RHRksMTg7ldNxdjWbVr9zBjbGjGsSe-aiQ',
				CallSidLegacy: 'v3:9X2vxPDFY2RHSJ1EdMS0RHRksMTg7ldNxdjWbVr9zBjbGjGsSe-aiQ',
				ConferenceSid: 'cd5a70f4-759b-4d5e-9c06-88c00f16f3c1',
				ConnectionId: '1684641123236054244',
				FriendlyName: 'weekly-sync',
				SequenceNumber: '2',
				StatusCallbackEvent: 'participant-join',
				Timestamp: '2024-01-15T10:31:00Z',
				CallingPartyType: 'customer',
				From: '+13129457420',
				FromSipUri: 'sip:caller@sip.telnyx.com',
				To: '+13129457421',
				ToSipUri: 'sip:host@example.sip.telnyx.com',
				ParticipantLabel: 'Guest é&=+',
				event: 'participant-join',
			},
		]);
	});

	test('a saved node with every parameter at its default verifies and starts on any event', async () => {
		const r = await listen({});
		const { status, hit } = await post(
			r,
			callback('conference-end'),
			signed(callback('conference-end')),
		);
		expect(status).toBe(200);
		expect(itemsOf(hit)).toEqual([
			expect.objectContaining({ StatusCallbackEvent: 'conference-end', event: 'conference-end' }),
		]);
	});

	test('the raw bytes are verified: %20 and unusual field order, which a re-encoded form would change', async () => {
		const r = await listen();
		const raw =
			'StatusCallbackEvent=participant-leave&FriendlyName=board%20room&AccountSid=a%2Db&SequenceNumber=4';
		const { status, hit } = await post(r, raw, signed(raw));
		expect(status).toBe(200);
		expect(itemsOf(hit)).toEqual([
			{
				StatusCallbackEvent: 'participant-leave',
				FriendlyName: 'board room',
				AccountSid: 'a-b',
				SequenceNumber: '4',
				event: 'participant-leave',
			},
		]);
	});

	test('timestamps up to 300 s away either way are accepted', async () => {
		const r = await listen();
		for (const offset of [-290, 290]) {
			const { status } = await post(r, JOIN, signed(JOIN, telnyx, String(now() + offset)));
			expect(status).toBe(200);
		}
		expect(r.hits.map((h) => h.result?.workflowData?.length)).toEqual([1, 1]);
	});
});

describe('anything not signed by the key of the credential gets a 401 and starts nothing', () => {
	const cases: Array<[string, () => { body: string; headers: Record<string, string> }, string]> = [
		[
			'a tampered body',
			() => ({ body: JOIN.replace('SequenceNumber=2', 'SequenceNumber=3'), headers: signed(JOIN) }),
			'signature does not match',
		],
		[
			'one byte appended to the body',
			() => ({ body: `${JOIN}&`, headers: signed(JOIN) }),
			'signature does not match',
		],
		[
			'a signature from another key',
			() => ({ body: JOIN, headers: signed(JOIN, stranger) }),
			'signature does not match',
		],
		[
			'a signature for another timestamp',
			() => {
				const headers = signed(JOIN);
				return {
					body: JOIN,
					headers: {
						...headers,
						'telnyx-timestamp': String(Number(headers['telnyx-timestamp']) - 1),
					},
				};
			},
			'signature does not match',
		],
		[
			'a stale timestamp (301 s old)',
			() => ({ body: JOIN, headers: signed(JOIN, telnyx, String(now() - 301)) }),
			'timestamp outside the allowed window',
		],
		[
			'a future timestamp (310 s ahead)',
			() => ({ body: JOIN, headers: signed(JOIN, telnyx, String(now() + 310)) }),
			'timestamp outside the allowed window',
		],
		[
			'a timestamp in milliseconds',
			() => ({ body: JOIN, headers: signed(JOIN, telnyx, String(Date.now())) }),
			'malformed timestamp',
		],
		[
			'a non-numeric timestamp',
			() => ({ body: JOIN, headers: signed(JOIN, telnyx, '2024-01-15T10:31:00Z') }),
			'malformed timestamp',
		],
		[
			'no signature header',
			() => {
				const { 'telnyx-signature-ed25519': _, ...headers } = signed(JOIN);
				return { body: JOIN, headers };
			},
			'missing signature header',
		],
		[
			'no timestamp header',
			() => {
				const { 'telnyx-timestamp': _, ...headers } = signed(JOIN);
				return { body: JOIN, headers };
			},
			'missing timestamp header',
		],
		[
			'no signing headers at all',
			() => ({ body: JOIN, headers: { 'content-type': 'application/x-www-form-urlencoded' } }),
			'missing signature header',
		],
		[
			'a truncated signature',
			() => {
				const headers = signed(JOIN);
				return {
					body: JOIN,
					headers: {
						...headers,
						'telnyx-signature-ed25519': headers['telnyx-signature-ed25519'].slice(0, 40),
					},
				};
			},
			'malformed signature',
		],
	];

	test.each(cases)('%s', async (_name, make, reason) => {
		const r = await listen();
		const { body, headers } = make();
		const answer = await post(r, body, headers);
		expect(answer.status).toBe(401);
		expect(answer.body).toBe(`Unauthorized: ${reason}`);
		expect(answer.hit.result).toEqual({ noWebhookResponse: true });
	});
});

describe('event and conference filters', () => {
	test('Events picks which callbacks start a run; the others get n8n’s 200 and start nothing', async () => {
		const r = await listen({ events: ['participant-join', 'conference-end'] });
		const sent = [
			'participant-join',
			'participant-leave',
			'conference-start',
			'conference-end',
			'participant-speech-start',
		];
		for (const event of sent) await post(r, callback(event), signed(callback(event)));
		expect(
			r.hits.map((h) => [
				h.status,
				h.responseBody,
				h.result?.workflowData?.[0]?.[0]?.json.event ?? null,
			]),
		).toEqual([
			[200, '', 'participant-join'],
			[200, '{"message":"Webhook call received"}', null],
			[200, '{"message":"Webhook call received"}', null],
			[200, '', 'conference-end'],
			[200, '{"message":"Webhook call received"}', null],
		]);
	});

	test('Speaker matches the speaker callbacks, whose value Telnyx does not document, and nothing else', async () => {
		const r = await listen({ events: ['speaker'] });
		for (const event of [
			'participant-speech-start',
			'participant-speech-stop',
			'participant-join',
			'conference-start',
		]) {
			await post(r, callback(event), signed(callback(event)));
		}
		expect(
			r.hits.map(
				(h) =>
					itemsOf(h)?.map((item) => [
						(item as Record<string, string>).StatusCallbackEvent,
						(item as Record<string, string>).event,
					]) ?? null,
			),
		).toEqual([
			[['participant-speech-start', 'speaker']],
			[['participant-speech-stop', 'speaker']],
			null,
			null,
		]);
	});

	test('All Events (the default) starts on every callback, including one without StatusCallbackEvent', async () => {
		const r = await listen({ events: ['*'] });
		const bare = 'AccountSid=a&FriendlyName=weekly-sync';
		for (const body of [callback('conference-start'), callback('participant-speech-stop'), bare]) {
			await post(r, body, signed(body));
		}
		expect(r.hits.map((h) => (itemsOf(h)?.[0] as Record<string, string>).event)).toEqual([
			'conference-start',
			'speaker',
			'unknown',
		]);
	});

	test('Conference Name starts only for that FriendlyName, exactly', async () => {
		const r = await listen({ conferenceName: 'weekly-sync' });
		for (const name of ['weekly-sync', 'weekly-sync-2', 'Weekly-Sync', 'board']) {
			await post(r, callback('participant-join', name), signed(callback('participant-join', name)));
		}
		expect(r.hits.map((h) => h.result?.workflowData !== undefined)).toEqual([
			true,
			false,
			false,
			false,
		]);
		expect(r.hits.every((h) => h.status === 200)).toBe(true);
	});
});

describe('verification off, and a credential without a usable key', () => {
	test('with Verify Signature off an unsigned callback starts the workflow, and the panel shows the warning', async () => {
		const r = await listen({ verifySignature: false }, {});
		const { status, hit } = await post(r, JOIN, {
			'content-type': 'application/x-www-form-urlencoded',
		});
		expect(status).toBe(200);
		expect(itemsOf(hit)).toEqual([
			expect.objectContaining({
				CallSid: 'v3:9X2vxPDFY2RHSJ1EdMS0RHRksMTg7ldNxdjWbVr9zBjbGjGsSe-aiQ',
			}),
		]);

		const { description } = new TelnyxTexmlTrigger();
		const warning = description.properties.find((p) => p.name === 'unverifiedNotice')!;
		expect(warning.type).toBe('notice');
		expect(warning.displayName).toMatch(/anyone who learns this URL can start the workflow/);
		const shown = (verifySignature: boolean) =>
			NodeHelpers.displayParameter(
				{ verifySignature },
				warning,
				triggerNode({ verifySignature }),
				description,
			);
		expect([shown(false), shown(true)]).toEqual([true, false]);
	});

	test.each([
		['no Public Key', {}, 'The credential has no Public Key to verify Telnyx signatures with'],
		[
			'a Public Key that is not 32 bytes of base64',
			{ publicKey: 'not-a-key' },
			'The Public Key of the credential is not a base64 Ed25519 public key (32 bytes)',
		],
	])(
		'verification on with %s: 500, an error naming the field, nothing started',
		async (_name, credential, message) => {
			const r = await listen({}, credential);
			const { status, hit } = await post(r, JOIN, signed(JOIN));
			expect(status).toBe(500);
			expect(hit.result).toBeUndefined();
			expect(hit.error?.message).toBe(message);
			expect((hit.error as Error & { description?: string }).description).toMatch(
				/Account Settings → Keys & Credentials → Public Key/,
			);
		},
	);
});

describe('the node as n8n sees it', () => {
	test('one POST webhook; the credential is asked for only while Verify Signature is on', () => {
		const { description } = new TelnyxTexmlTrigger();
		expect(description.name).toBe('telnyxTexmlTrigger');
		expect(description.displayName).toBe('Telnyx TeXML Trigger');
		expect(description.inputs).toEqual([]);
		expect(description.webhooks).toEqual([
			{
				name: 'default',
				httpMethod: 'POST',
				responseMode: 'onReceived',
				responseData: 'noData',
				path: 'conference',
			},
		]);
		expect(description.credentials).toEqual([
			{
				name: 'telnyxTexmlApi',
				required: true,
				displayOptions: { show: { verifySignature: [true] } },
			},
		]);
		const setup = description.properties.find((p) => p.name === 'setupNotice')!;
		expect(setup.displayName).toContain('Production URL');
		expect(setup.displayName).toContain('statusCallbackEvent="start end join leave speaker"');
		expect(setup.displayName).toContain('ConferenceStatusCallback');
	});

	async function lifecycle(
		method: 'checkExists' | 'create' | 'delete',
		parameters: INode['parameters'],
		credential: Record<string, string>,
	) {
		const engine = triggerEngine(credential);
		const node = triggerNode(parameters);
		const workflow = workflowOf(engine, { nodes: [node], connections: {} });
		return await new TelnyxTexmlTrigger().webhookMethods.default[method].call(
			activationContext(engine, workflow, node.name),
		);
	}

	test('activation: nothing to find remotely, create checks the key, delete has nothing to remove', async () => {
		const key = { publicKey: telnyx.publicKey };
		expect(await lifecycle('checkExists', {}, key)).toBe(false);
		expect(await lifecycle('create', {}, key)).toBe(true);
		expect(await lifecycle('delete', {}, key)).toBe(true);
		expect(await lifecycle('create', { verifySignature: false }, {})).toBe(true);
		await expect(lifecycle('create', {}, {})).rejects.toThrow(
			'The credential has no Public Key to verify Telnyx signatures with',
		);
		await expect(
			lifecycle('create', {}, { publicKey: Buffer.alloc(31).toString('base64') }),
		).rejects.toThrow(
			'The Public Key of the credential is not a base64 Ed25519 public key (32 bytes)',
		);
	});
});

/** A call status callback as Telnyx documents it (facts §4): CallStatus, no StatusCallbackEvent. */
const callStatus = (status: string, sequence = 0) =>
	[
		'AccountSid=f5586561-8ff0-4291-a0ac-84fe544797bd',
		'CallSid=v3%3AKBnLO0ZK3DhKM5s7bE9VluaSmKsOchKht_fUYvxcp8ysbmzCCtpkmA',
		'CallSidLegacy=v3%3AKBnLO0ZK3DhKM5s7bE9VluaSmKsOchKht_fUYvxcp8ysbmzCCtpkmA',
		`CallStatus=${status}`,
		'CallbackSource=call-progress-events',
		'ConnectionId=1684641123236054244',
		'From=%2B13125550100',
		'To=%2B13125550123',
		`SequenceNumber=${sequence}`,
		'Timestamp=2024-01-15T10%3A30%3A00Z',
		'CallInitiatedAt=2024-01-15T10%3A29%3A58.123Z',
	].join('&');

describe('call status callbacks', () => {
	test('each CallStatus starts as its event; the output keeps CallStatus and every field as sent', async () => {
		const r = await listen({ events: ['*'] });
		const statuses = [
			'initiated',
			'ringing',
			'in-progress',
			'completed',
			'busy',
			'no-answer',
			'canceled',
			'failed',
		];
		for (const [i, status] of statuses.entries())
			await post(r, callStatus(status, i), signed(callStatus(status, i)));

		const items = r.hits.map((h) => itemsOf(h)?.[0] as Record<string, string>);
		expect(items.map((item) => [item.CallStatus, item.event])).toEqual([
			['initiated', 'call-initiated'],
			['ringing', 'call-ringing'],
			['in-progress', 'call-answered'],
			['completed', 'call-completed'],
			['busy', 'call-completed'],
			['no-answer', 'call-completed'],
			['canceled', 'call-completed'],
			['failed', 'call-completed'],
		]);
		expect(items[2]).toEqual({
			...Object.fromEntries(new URLSearchParams(callStatus('in-progress', 2))),
			event: 'call-answered',
		});
	});

	test('Events picks call events beside conference events; an authentic callback left out gets a 200 and starts nothing', async () => {
		const r = await listen({ events: ['call-completed', 'participant-join'] });
		const bodies = [
			callStatus('ringing'),
			callStatus('in-progress'),
			callback('participant-join'),
			callStatus('no-answer'),
			callback('participant-leave'),
		];
		for (const body of bodies) await post(r, body, signed(body));

		expect(
			r.hits.map((h) => [h.status, (itemsOf(h)?.[0] as Record<string, string>)?.event ?? null]),
		).toEqual([
			[200, null],
			[200, null],
			[200, 'participant-join'],
			[200, 'call-completed'],
			[200, null],
		]);
	});

	test('call callbacks are signature-checked like conference callbacks', async () => {
		const r = await listen({ events: ['*'] });
		const body = callStatus('in-progress');
		await post(r, body, signed(body, stranger));

		expect(r.hits[0].status).toBe(401);
		expect(r.hits[0].responseBody).toBe('Unauthorized: signature does not match');
	});

	test('Conference Name filters conference events only: call events carry no conference name', async () => {
		const r = await listen({ conferenceName: 'weekly-sync' });
		for (const body of [callStatus('completed'), callback('participant-join', 'board')])
			await post(r, body, signed(body));

		expect(r.hits.map((h) => h.result?.workflowData !== undefined)).toEqual([true, false]);
	});
});
