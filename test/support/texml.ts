import type { INodeExecutionData } from 'n8n-workflow';

import type { RecordedRequest } from '../../sandbox';
import { runNode, type Engine } from './engine';
import type { World } from './fixtures';

export const NODE_TYPE = 'n8n-nodes-telnyx-texml.telnyxTexml';

/** A resource locator value as the editor stores it. */
export const locator = (value: string, mode: 'id' | 'list' = 'id') => ({ __rl: true, mode, value });

/**
 * Runs the Telnyx TeXML node once over `items`. The account SID and the world's conference are
 * filled in unless the parameters say otherwise (pass `accountSid: ''` to use the key's account).
 */
export function runTexml(
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
				accountSid: world.sandbox.account.sid,
				conferenceSid: locator(world.conference.sid),
				...parameters,
			} as never,
		},
		options.items,
	);
}

/** The TeXML requests the sandbox received since `from` (an index into its log). */
export function texmlRequests(world: World, from = 0): RecordedRequest[] {
	return world.sandbox.requests.slice(from).filter((r) => r.url.startsWith('/v2/texml/'));
}

export const whoamiCalls = (world: World, from = 0) =>
	world.sandbox.requests.slice(from).filter((r) => r.url === '/v2/whoami').length;

/** Items as json only, for comparing with what Telnyx answered. */
export const jsonOf = (items: INodeExecutionData[]) => items.map((item) => item.json);
