/**
 * The sandbox the e2e workflows talk to: the demo account and conference the shipped examples
 * address (sandbox/demo-data.ts), plus the conference the fixtures in `test/e2e/` address.
 */
import { DEMO, seedDemo } from '../../sandbox/demo-data';
import { startSandbox, type TexmlSandbox } from '../../sandbox';

export const WORLD = {
	accountSid: DEMO.account.sid,
	apiKey: DEMO.account.apiKey,
	conferenceSid: 'cd5a70f4-759b-4d5e-9c06-88c00f16f3c1',
	alice: { callSid: 'v3:e2e-alice-9X2vxPDFY2RHSJ1EdMS0RHRk', label: 'alice' },
	bob: { callSid: 'v3:e2e-bob-Mtg7ldNxdjWbVr9zBjbGjGsSe', label: 'bob smith' },
	/** The credential the shipped example workflows name. */
	credentialId: 'telnyx-texml-sandbox',
	credentialName: 'Telnyx TeXML sandbox',
} as const;

export async function startWorld(port?: number): Promise<TexmlSandbox> {
	const sandbox = await startSandbox({ port, account: DEMO.account });
	seedDemo(sandbox.store);
	sandbox.store.addConference(WORLD.accountSid, {
		sid: WORLD.conferenceSid,
		friendlyName: 'weekly-sync',
		participants: [WORLD.alice, WORLD.bob],
	});
	return sandbox;
}

/** The credential as `n8n import:credentials` takes it (plain data, encrypted on import). */
export function credentialFixture(sandbox: TexmlSandbox) {
	return [
		{
			id: WORLD.credentialId,
			name: WORLD.credentialName,
			type: 'telnyxTexmlApi',
			data: { apiKey: WORLD.apiKey, baseUrl: sandbox.baseUrl, publicKey: sandbox.publicKey },
		},
	];
}
