import type { INode, INodeParameters } from 'n8n-workflow';

import { TelnyxTexmlApi } from '../../credentials/TelnyxTexmlApi.credentials';
import { TelnyxTexml } from '../../nodes/TelnyxTexml/TelnyxTexml.node';
import { TelnyxTexmlResponse } from '../../nodes/TelnyxTexmlResponse/TelnyxTexmlResponse.node';
import {
	startSandbox,
	type Conference,
	type Participant,
	type SandboxOptions,
	type TexmlSandbox,
} from '../../sandbox';
import type { Engine, Package } from './engine';
import { locator, NODE_TYPE, runTexml } from './texml';

export { NODE_TYPE };

export const RESPONSE_NODE_TYPE = 'n8n-nodes-telnyx-texml.telnyxTexmlResponse';
export const ANSWER_TRIGGER_TYPE = 'n8n-nodes-telnyx-texml.telnyxTexmlAnswerTrigger';

/** The Telnyx TeXML Answer Trigger as a workflow holds it: on an application (by ID), at a webhook. */
export function answerTriggerNode(
	applicationId: string,
	webhookId: string,
	{ name = 'Incoming Call', parameters = {} }: { name?: string; parameters?: INodeParameters } = {},
): INode {
	return {
		id: `trigger-${name}`,
		name,
		type: ANSWER_TRIGGER_TYPE,
		typeVersion: 1,
		position: [0, 0],
		webhookId,
		parameters: { application: { __rl: true, mode: 'id', value: applicationId }, ...parameters },
		credentials: { telnyxTexmlApi: { id: 'cred-1', name: 'Telnyx TeXML account' } },
	};
}

/** The package from source, fresh for each use (the loader's Options property mutates descriptions). */
/**
 * An origin that refuses every connection: nothing listens on port 1 of the loopback. (A closed
 * sandbox's port would not do: another process may take it up between close and connect.)
 */
export const REFUSING_ORIGIN = 'http://127.0.0.1:1';

export function sourcePackage(): Package {
	return {
		nodes: {
			[NODE_TYPE]: new TelnyxTexml(),
			[RESPONSE_NODE_TYPE]: new TelnyxTexmlResponse(),
		},
		credentials: [new TelnyxTexmlApi()],
	};
}

export interface World {
	sandbox: TexmlSandbox;
	engine: Engine;
	conference: Conference;
	/** alice (labelled), bob, and carol (labelled "coach") */
	alice: Participant;
	bob: Participant;
	carol: Participant;
	close(): Promise<void>;
}

/** A sandbox with one live conference of three participants, and an engine pointed at it. */
export async function startWorld(options: SandboxOptions = {}): Promise<World> {
	const sandbox = await startSandbox(options);
	const conference = sandbox.store.addConference(sandbox.account.sid, {
		friendlyName: 'weekly-sync',
		participants: [{ label: 'alice' }, {}, { label: 'coach' }],
	});
	const [alice, bob, carol] = conference.participants;
	const engine: Engine = {
		package: sourcePackage(),
		credentials: { telnyxTexmlApi: { apiKey: sandbox.account.apiKey, baseUrl: sandbox.baseUrl } },
	};
	return { sandbox, engine, conference, alice, bob, carol, close: () => sandbox.close() };
}

/** Runs Conference Participant → Update (on alice unless `participant` is given) over the given items. */
export function updateParticipant(
	world: World,
	parameters: Record<string, unknown>,
	options: Parameters<typeof runTexml>[2] = {},
) {
	return runTexml(
		world,
		{
			resource: 'conferenceParticipant',
			operation: 'update',
			participant: locator(world.alice.callSid),
			...parameters,
		},
		options,
	);
}
