/**
 * The whole loop without a Telnyx account: the sandbox sends a signed participant-join callback to
 * the trigger, and the example workflow mutes that participant through the engine.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';

import { TelnyxTexmlApi } from '../credentials/TelnyxTexmlApi.credentials';
import { TelnyxTexmlTrigger } from '../nodes/TelnyxTexmlTrigger/TelnyxTexmlTrigger.node';
import { startSandbox, type TexmlSandbox } from '../sandbox';
import { outputOf, type Engine, type WorkflowFile } from './support/engine';
import { sourcePackage } from './support/fixtures';
import { startTriggerReceiver, TRIGGER_TYPE, type TriggerReceiver } from './support/webhook';

const workflowFile = JSON.parse(
	readFileSync(path.join(__dirname, '../examples/auto-mute-on-join.workflow.json'), 'utf8'),
) as WorkflowFile;

let sandbox: TexmlSandbox;
let receiver: TriggerReceiver;

beforeEach(async () => {
	sandbox = await startSandbox();
	const engine: Engine = {
		package: {
			nodes: { ...sourcePackage().nodes, [TRIGGER_TYPE]: new TelnyxTexmlTrigger() },
			credentials: [new TelnyxTexmlApi()],
		},
		credentials: {
			telnyxTexmlApi: {
				apiKey: sandbox.account.apiKey,
				baseUrl: sandbox.baseUrl,
				publicKey: sandbox.publicKey,
			},
		},
	};
	receiver = await startTriggerReceiver(engine, workflowFile, { run: true });
});

afterEach(async () => {
	await sandbox.close();
	await receiver.close();
});

test('auto-mute on join: join → signed callback → trigger → Update Muted=true → the participant is muted', async () => {
	const conference = sandbox.store.addConference(sandbox.account.sid, {
		friendlyName: 'webinar',
		statusCallback: { url: receiver.url, method: 'POST', events: ['start', 'join'] },
		participants: [{ label: 'host' }],
	});
	const [host] = conference.participants;
	const guest = sandbox.store.addParticipant(conference, { label: 'guest' });

	// start, then one join per participant; the conference-start run is filtered out by the example.
	const hits = await Promise.all([0, 1, 2].map((i) => receiver.hit(i)));
	expect(
		hits.map((h) => [h.status, h.result?.workflowData?.[0]?.[0]?.json.StatusCallbackEvent ?? null]),
	).toEqual([
		[200, null],
		[200, 'participant-join'],
		[200, 'participant-join'],
	]);
	expect(
		sandbox.statusCallbacks.deliveries.map((d) => [
			d.fields.StatusCallbackEvent,
			d.fields.SequenceNumber,
			d.status,
		]),
	).toEqual([
		['conference-start', '0', 200],
		['participant-join', '1', 200],
		['participant-join', '2', 200],
	]);

	expect(host.muted).toBe(true);
	expect(guest.muted).toBe(true);
	const guestRun = hits[2].run!;
	expect(guestRun.data.resultData.error).toBeUndefined();
	expect(outputOf(guestRun, 'Mute Participant')).toEqual([
		{
			json: expect.objectContaining({
				call_sid: guest.callSid,
				conference_sid: conference.sid,
				muted: true,
			}),
			pairedItem: { item: 0 },
		},
	]);
	const updates = sandbox.requests.filter((r) => r.method === 'POST');
	expect(updates.map((r) => [r.url, r.body])).toEqual(
		[host, guest].map((p) => [
			`/v2/texml/Accounts/${sandbox.account.sid}/Conferences/${conference.sid}/Participants/${p.callSid}`,
			'Muted=true',
		]),
	);
});

test('a callback signed by another key is refused: 401, no run, nobody muted', async () => {
	const other = await startSandbox();
	try {
		const conference = other.store.addConference(other.account.sid, {
			friendlyName: 'webinar',
			statusCallback: { url: receiver.url, method: 'POST', events: ['join'] },
		});
		const guest = other.store.addParticipant(conference, { label: 'guest' });
		const hit = await receiver.hit(0);
		expect([hit.status, hit.responseBody, hit.run]).toEqual([
			401,
			'Unauthorized: signature does not match',
			undefined,
		]);
		expect(guest.muted).toBe(false);
		expect(other.requests).toEqual([]);
	} finally {
		await other.close();
	}
});
