import type { Call } from '../../sandbox';
import type { World } from './fixtures';
import { locator, runTexml } from './texml';

/** Runs Telnyx TeXML → Call → `operation`; Create gets the sandbox's TeXML application unless given. */
export function runCall(
	world: World,
	operation: 'create' | 'get' | 'getAll' | 'hangUp' | 'redirect',
	parameters: Record<string, unknown>,
	options: Parameters<typeof runTexml>[2] = {},
) {
	return runTexml(
		world,
		{
			resource: 'call',
			operation,
			...(operation === 'create' ? { application: locator(world.sandbox.application.id) } : {}),
			...parameters,
		},
		options,
	);
}

/** Places a call in the sandbox directly (as if another system had), joining `conference` by name. */
export function placeCall(world: World, to: string, conference?: string): Call {
	return world.sandbox.store.calls.place(
		world.sandbox.account.sid,
		{
			applicationSid: world.sandbox.application.id,
			from: '+13125550100',
			to,
			customHeaders: [],
		},
		conference
			? { texml: `<Response><Dial><Conference>${conference}</Conference></Dial></Response>` }
			: { texml: '<Response><Pause length="60"/></Response>' },
	);
}

/** The Calls path of the world's account. */
export const callsPath = (world: World) => `/v2/texml/Accounts/${world.sandbox.account.sid}/Calls`;
