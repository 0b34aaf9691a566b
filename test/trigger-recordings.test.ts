/**
 * The trigger hears recordings: recording status callbacks (RecordingStatus, no
 * StatusCallbackEvent) become the Recording events, signature-checked; and the start of the shipped
 * recap, live: a conference set to record ends, the sandbox posts its signed completed callback,
 * and Recording → Download gets the exact bytes the media host serves.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';

import type { IBinaryData, INode } from 'n8n-workflow';

import { newSigningKey, startSandbox, type TexmlSandbox } from '../sandbox';
import { outputOf, type WorkflowFile } from './support/engine';
import {
	post,
	startTriggerReceiver,
	triggerEngine,
	triggerNode,
	type TriggerReceiver,
	signedForm,
} from './support/webhook';

const telnyx = newSigningKey();

/** A recording-completed callback as Telnyx documents it, form-encoded. */
const COMPLETED = [
	'AccountSid=f5586561-8ff0-4291-a0ac-84fe544797bd',
	'CallSid=v3%3A9X2vxPDFY2RHSJ1EdMS0RHRksMTg7ldNxdjWbVr9zBjbGjGsSe-aiQ',
	'CallSidLegacy=v3%3A9X2vxPDFY2RHSJ1EdMS0RHRksMTg7ldNxdjWbVr9zBjbGjGsSe-aiQ',
	'ConnectionId=1684641123236054244',
	'RecordingChannels=2',
	'RecordingDuration=1800',
	'RecordingSid=b08f0fa1-a32c-4218-b3b5-9cf78941ccac',
	'RecordingSource=Conference',
	'RecordingStatus=completed',
	'RecordingUrl=https%3A%2F%2Fs3.amazonaws.com%2Frec%2Fb08f.wav%3FX-Amz-Expires%3D600',
].join('&');

const withStatus = (status: string) =>
	COMPLETED.replace('RecordingStatus=completed', `RecordingStatus=${status}`);

const signed = (body: string, key = telnyx) => signedForm(body, key);

let receiver: TriggerReceiver | undefined;
afterEach(async () => {
	await receiver?.close();
	receiver = undefined;
});

async function listen(parameters: INode['parameters']) {
	receiver = await startTriggerReceiver(triggerEngine({ publicKey: telnyx.publicKey }), {
		nodes: [triggerNode(parameters)],
		connections: {},
	});
	return receiver;
}

const itemsOf = (hit: { result?: { workflowData?: Array<Array<{ json: unknown }>> } }) =>
	hit.result?.workflowData?.[0]?.map((item) => item.json);

describe('recording status callbacks', () => {
	test('Recording Completed: every field as Telnyx sends it, plus event', async () => {
		const r = await listen({ events: ['recording-completed'] });
		const { status, hit } = await post(r, COMPLETED, signed(COMPLETED));
		expect(status).toBe(200);
		expect(itemsOf(hit)).toEqual([
			{
				AccountSid: 'f5586561-8ff0-4291-a0ac-84fe544797bd',
				CallSid: 'v3:9X2vxPDFY2RHSJ1EdMS0RHRksMTg7ldNxdjWbVr9zBjbGjGsSe-aiQ',
				CallSidLegacy: 'v3:9X2vxPDFY2RHSJ1EdMS0RHRksMTg7ldNxdjWbVr9zBjbGjGsSe-aiQ',
				ConnectionId: '1684641123236054244',
				RecordingChannels: '2',
				RecordingDuration: '1800',
				RecordingSid: 'b08f0fa1-a32c-4218-b3b5-9cf78941ccac',
				RecordingSource: 'Conference',
				RecordingStatus: 'completed',
				RecordingUrl: 'https://s3.amazonaws.com/rec/b08f.wav?X-Amz-Expires=600',
				event: 'recording-completed',
			},
		]);
	});

	test.each([
		['in-progress', 'recording-in-progress'],
		['completed', 'recording-completed'],
		['absent', 'recording-absent'],
		['failed', 'recording-absent'],
	])('RecordingStatus %s is event %s', async (status, event) => {
		const r = await listen({ events: ['*'] });
		const body = withStatus(status);
		const { hit } = await post(r, body, signed(body));
		expect(itemsOf(hit)).toEqual([expect.objectContaining({ RecordingStatus: status, event })]);
	});

	test('events not chosen get a 200 and start nothing; conference events do not match recording ones', async () => {
		const r = await listen({ events: ['recording-completed', 'conference-end'] });
		const started = withStatus('in-progress');
		const a = await post(r, started, signed(started));
		expect([a.status, a.hit.result?.workflowData]).toEqual([200, undefined]);
		const b = await post(r, COMPLETED, signed(COMPLETED));
		expect(itemsOf(b.hit)).toHaveLength(1);
	});

	test('Conference Name does not filter recording events (they name no conference)', async () => {
		const r = await listen({ events: ['recording-completed'], conferenceName: 'weekly-sync' });
		const { hit } = await post(r, COMPLETED, signed(COMPLETED));
		expect(itemsOf(hit)).toHaveLength(1);
	});

	test('a recording callback signed by another key is refused with 401', async () => {
		const r = await listen({ events: ['recording-completed'] });
		const { status, hit } = await post(r, COMPLETED, signed(COMPLETED, newSigningKey()));
		expect([status, hit.result?.workflowData]).toEqual([401, undefined]);
	});
});

describe('examples/conference-recap.workflow.json: Recording Completed → Download Recording', () => {
	const recap = JSON.parse(
		readFileSync(path.join(__dirname, '../examples/conference-recap.workflow.json'), 'utf8'),
	) as WorkflowFile;
	// The Telnyx part of the recap; the OpenAI nodes run in the e2e, in the real app.
	const telnyxPart: WorkflowFile = {
		...recap,
		nodes: recap.nodes.filter((n) => n.type.startsWith('n8n-nodes-telnyx-texml.')),
		connections: { 'Recording Completed': recap.connections['Recording Completed'] },
	};
	let sandbox: TexmlSandbox;

	beforeEach(async () => {
		sandbox = await startSandbox();
		receiver = await startTriggerReceiver(
			triggerEngine({
				apiKey: sandbox.account.apiKey,
				baseUrl: sandbox.baseUrl,
				publicKey: sandbox.publicKey,
			}),
			telnyxPart,
			{ run: true },
		);
	});
	afterEach(async () => await sandbox.close());

	test('the conference ends, its signed completed callback starts the workflow, the audio arrives byte for byte', async () => {
		const conference = sandbox.store.addConference(sandbox.account.sid, {
			friendlyName: 'weekly-sync',
			participants: [{ label: 'host' }, { label: 'guest' }],
			record: {
				channels: 2,
				callback: { url: receiver!.url, method: 'POST', events: ['in-progress', 'completed'] },
			},
		});
		sandbox.store.endConference(conference);

		const [started, completed] = [await receiver!.hit(0), await receiver!.hit(1)];
		expect([started.status, started.run]).toEqual([200, undefined]);
		const [recording] = conference.recordings;
		expect(sandbox.statusCallbacks.deliveries.map((d) => d.fields.RecordingStatus)).toEqual([
			'in-progress',
			'completed',
		]);
		const fields = sandbox.statusCallbacks.deliveries[1].fields;
		expect(fields).toMatchObject({
			AccountSid: sandbox.account.sid,
			CallSid: conference.recordings[0].callSid,
			RecordingSid: recording.sid,
			RecordingSource: 'Conference',
			RecordingDuration: '3',
			RecordingChannels: '2',
		});
		expect(fields.ConferenceSid).toBeUndefined();
		expect(fields.RecordingUrl).toMatch(new RegExp(`^${sandbox.media.origin}/recordings/`));

		const run = completed.run!;
		expect(run.data.resultData.error).toBeUndefined();
		const [item] = outputOf(run, 'Download Recording');
		expect(item.json).toMatchObject({ sid: recording.sid, conference_sid: conference.sid });
		const audio = Buffer.from((item.binary?.data as IBinaryData).data, 'base64');
		const served = sandbox.media.served.at(-1)!;
		expect(served.recordingSid).toBe(recording.sid);
		expect(createHash('sha256').update(audio).digest('hex')).toBe(served.sha256);
		expect(audio.length).toBe(44 + 3 * 8000 * 2 * 2);
		expect(sandbox.media.requests.every((r) => r.headers.authorization === undefined)).toBe(true);
	});
});
