/**
 * Dial with a Conference Status Callback, and the conference's events reach a Telnyx TeXML Trigger:
 * the label given at dial time comes back as ParticipantLabel.
 */
import { TelnyxTexmlApi } from '../credentials/TelnyxTexmlApi.credentials';
import { TelnyxTexmlTrigger } from '../nodes/TelnyxTexmlTrigger/TelnyxTexmlTrigger.node';
import type { Engine } from './support/engine';
import { sourcePackage, startWorld, type World } from './support/fixtures';
import { runTexml } from './support/texml';
import { startTriggerReceiver, TRIGGER_TYPE, triggerNode, type TriggerReceiver } from './support/webhook';

let world: World;
let receiver: TriggerReceiver;

beforeEach(async () => {
	world = await startWorld();
	const engine: Engine = {
		package: { nodes: { ...sourcePackage().nodes, [TRIGGER_TYPE]: new TelnyxTexmlTrigger() }, credentials: [new TelnyxTexmlApi()] },
		credentials: {
			telnyxTexmlApi: {
				apiKey: world.sandbox.account.apiKey,
				baseUrl: world.sandbox.baseUrl,
				publicKey: world.sandbox.publicKey,
			},
		},
	};
	world.engine = engine;
	receiver = await startTriggerReceiver(engine, { nodes: [triggerNode({})], connections: {} });
});

afterEach(async () => {
	await world.close();
	await receiver.close();
});

test('a dialled participant’s join is called back to the URL and events given at dial time', async () => {
	const { output, error } = await runTexml(world, {
		resource: 'conferenceParticipant',
		operation: 'create',
		from: '+13125550100',
		to: '+13125550123',
		label: 'supervisor',
		conferenceStatusCallback: receiver.url,
		conferenceOptions: { conferenceStatusCallbackEvent: ['join', 'leave'] },
	});
	expect(error).toBeUndefined();

	const hit = await receiver.hit(0);
	expect(hit.status).toBe(200);
	expect(hit.result?.workflowData?.[0]?.[0]?.json).toMatchObject({
		StatusCallbackEvent: 'participant-join',
		CallSid: output[0].json.call_sid,
		ConferenceSid: world.conference.sid,
		ParticipantLabel: 'supervisor',
	});

	// Removing the participant through the node reports the leave as well.
	await runTexml(world, {
		resource: 'conferenceParticipant',
		operation: 'delete',
		participant: { __rl: true, mode: 'id', value: 'supervisor' },
	});
	const leave = await receiver.hit(1);
	expect(leave.result?.workflowData?.[0]?.[0]?.json).toMatchObject({
		StatusCallbackEvent: 'participant-leave',
		ParticipantLabel: 'supervisor',
	});
});
