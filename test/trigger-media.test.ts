/**
 * The callbacks TeXML verbs and the newer operations cause reach the Telnyx TeXML Trigger as events
 * of their own: a media stream's and a SIPREC session's status, an AI assistant call's conversation
 * events, a real-time transcription's text. The sandbox sends them signed, as for call status.
 */
import { startSandbox, type TexmlSandbox } from '../sandbox';
import { mediaEventOf } from '../nodes/TelnyxTexmlTrigger/mediaEvents';
import {
	startTriggerReceiver,
	triggerEngine,
	triggerNode,
	type TriggerReceiver,
} from './support/webhook';

let sandbox: TexmlSandbox;
let receiver: TriggerReceiver;
afterEach(async () => {
	await receiver.close();
	await sandbox.close();
});

async function listen(events: string[]) {
	sandbox = await startSandbox();
	receiver = await startTriggerReceiver(triggerEngine({ publicKey: sandbox.publicKey }), {
		nodes: [triggerNode({ events, conferenceName: 'weekly-sync' })],
		connections: {},
	});
	return sandbox.store.calls.place(
		sandbox.account.sid,
		{
			applicationSid: sandbox.application.id,
			from: '+13125550100',
			to: '+13125550123',
			customHeaders: [],
		},
		{ texml: '<Response><Pause length="60"/></Response>' },
	);
}

const post = (path: string, form: Record<string, string>) =>
	fetch(`${sandbox.baseUrl}/texml/Accounts/${sandbox.account.sid}${path}`, {
		method: 'POST',
		headers: {
			authorization: `Bearer ${sandbox.account.apiKey}`,
			'content-type': 'application/x-www-form-urlencoded',
		},
		body: new URLSearchParams(form).toString(),
	});

const started = (index: number) =>
	receiver.hit(index).then((hit) => hit.result?.workflowData?.[0]?.map((item) => item.json) ?? []);

test('a media stream started and stopped: two "media-stream" items, though a conference name is set', async () => {
	const call = await listen(['media-stream']);
	const answer = await post(`/Calls/${call.sid}/Streams.json`, {
		Url: 'wss://speech.example.com/live',
		StatusCallback: receiver.url,
	});
	const { sid } = (await answer.json()) as { sid: string };
	await post(`/Calls/${call.sid}/Streams/${sid}.json`, { Status: 'stopped' });
	await sandbox.statusCallbacks.idle();
	expect(await started(0)).toEqual([
		expect.objectContaining({
			event: 'media-stream',
			StreamEvent: 'stream-started',
			StreamSid: sid,
		}),
	]);
	expect(await started(1)).toEqual([
		expect.objectContaining({
			event: 'media-stream',
			StreamEvent: 'stream-stopped',
			CallSid: call.sid,
		}),
	]);
});

test('a SIPREC session is "siprec"; not chosen in Events, it starts nothing and still gets a 200', async () => {
	const call = await listen(['media-stream']);
	await post(`/Calls/${call.sid}/Siprec.json`, {
		ConnectorName: 'compliance-recorder',
		StatusCallback: receiver.url,
	});
	await sandbox.statusCallbacks.idle();
	const hit = await receiver.hit(0);
	expect([hit.status, hit.result?.workflowData]).toEqual([200, undefined]);
	expect(
		mediaEventOf({ SiprecSid: 'x', SiprecStatus: 'in-progress', CallStatus: 'in-progress' }),
	).toBe('siprec');
});

test('transcription text and AI conversation events are told apart by their keys', () => {
	expect(
		mediaEventOf({ TranscriptionEvent: 'transcription-content', TranscriptionData: '{}' }),
	).toBe('transcription');
	expect(mediaEventOf({ ConversationEvent: 'conversation_created', CallSid: 'v3:x' })).toBe(
		'ai-conversation',
	);
	expect(mediaEventOf({ CallStatus: 'completed', CallSid: 'v3:x' })).toBeUndefined();
});
