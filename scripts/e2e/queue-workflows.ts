/**
 * The queue-mode job: a Webhook receives a list of participants, Split Out makes one item of each,
 * and the Telnyx TeXML node mutes them (each item ends as a result or an error item). Started by a
 * POST, it runs on whichever worker takes the job.
 */
import { WORLD } from './world';

export const MUTE_WORKFLOW = {
	id: 'queueMute00000001',
	webhookId: '5f0c2a9e-6d1b-4c3e-8a7f-1b2c3d4e5f60',
	path: 'queue-mute',
} as const;

export function muteWorkflow() {
	const credentials = { telnyxTexmlApi: { id: WORLD.credentialId, name: WORLD.credentialName } };
	return {
		id: MUTE_WORKFLOW.id,
		name: 'Queue mode: mute a conference',
		active: false,
		nodes: [
			{
				id: 'c0a80001-0000-4000-8000-000000000001',
				name: 'Webhook',
				type: 'n8n-nodes-base.webhook',
				typeVersion: 2,
				position: [0, 0],
				webhookId: MUTE_WORKFLOW.webhookId,
				parameters: {
					httpMethod: 'POST',
					path: MUTE_WORKFLOW.path,
					responseMode: 'onReceived',
					options: {},
				},
			},
			{
				id: 'c0a80001-0000-4000-8000-000000000002',
				name: 'Split Out',
				type: 'n8n-nodes-base.splitOut',
				typeVersion: 1,
				position: [220, 0],
				parameters: { fieldToSplitOut: 'body.participants', include: 'noOtherFields', options: {} },
			},
			{
				id: 'c0a80001-0000-4000-8000-000000000003',
				name: 'Mute',
				type: 'n8n-nodes-telnyx-texml.telnyxTexml',
				typeVersion: 1,
				position: [440, 0],
				onError: 'continueRegularOutput',
				credentials,
				parameters: {
					resource: 'conferenceParticipant',
					operation: 'update',
					accountSid: WORLD.accountSid,
					conferenceSid: { __rl: true, mode: 'id', value: '={{ $json.conference }}' },
					participant: { __rl: true, mode: 'id', value: '={{ $json.label }}' },
					updateFields: { muted: true },
				},
			},
		],
		connections: {
			Webhook: { main: [[{ node: 'Split Out', type: 'main', index: 0 }]] },
			'Split Out': { main: [[{ node: 'Mute', type: 'main', index: 0 }]] },
		},
		settings: { executionOrder: 'v1' },
		pinData: {},
	};
}
