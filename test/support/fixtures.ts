import type { INodeExecutionData } from 'n8n-workflow';

import { TelnyxTexmlApi } from '../../credentials/TelnyxTexmlApi.credentials';
import { TelnyxTexml } from '../../nodes/TelnyxTexml/TelnyxTexml.node';
import { startSandbox, type Conference, type Participant, type SandboxOptions, type TexmlSandbox } from '../../sandbox';
import { runNode, type Engine, type Package } from './engine';

export const NODE_TYPE = 'n8n-nodes-telnyx-texml.telnyxTexml';

/** The package from source, fresh for each use (the loader's Options property mutates descriptions). */
export function sourcePackage(): Package {
	return { nodes: { [NODE_TYPE]: new TelnyxTexml() }, credentials: [new TelnyxTexmlApi()] };
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

/** Runs Conference Participant → Update with the given parameters over the given items. */
export function updateParticipant(
	world: World,
	parameters: Record<string, unknown>,
	options: { items?: INodeExecutionData[]; continueOnFail?: boolean; engine?: Engine } = {},
) {
	return runNode(
		options.engine ?? world.engine,
		{
			type: NODE_TYPE,
			continueOnFail: options.continueOnFail,
			parameters: {
				resource: 'conferenceParticipant',
				operation: 'update',
				accountSid: world.sandbox.account.sid,
				conferenceSid: { __rl: true, mode: 'id', value: world.conference.sid },
				participant: { __rl: true, mode: 'id', value: world.alice.callSid },
				...parameters,
			} as never,
		},
		options.items,
	);
}
