/**
 * The sandbox the e2e workflows talk to, seeded with the fixed SIDs the fixtures in `test/e2e/`
 * use, so saved workflows can name them.
 */
import { startSandbox, type TexmlSandbox } from '../../sandbox';

export const WORLD = {
	accountSid: '4e71926f-8f13-450e-b91c-23c2ef786aa6',
	apiKey: 'KEYE2E0000000000000000000000SANDBOX',
	conferenceSid: 'cd5a70f4-759b-4d5e-9c06-88c00f16f3c1',
	alice: { callSid: 'v3:e2e-alice-9X2vxPDFY2RHSJ1EdMS0RHRk', label: 'alice' },
	bob: { callSid: 'v3:e2e-bob-Mtg7ldNxdjWbVr9zBjbGjGsSe', label: 'bob smith' },
	credentialId: 'e2eTelnyxCred001',
	credentialName: 'Telnyx TeXML sandbox',
} as const;

export async function startWorld(port?: number): Promise<TexmlSandbox> {
	const sandbox = await startSandbox({
		port,
		account: { sid: WORLD.accountSid, apiKey: WORLD.apiKey, name: 'E2E Org' },
	});
	sandbox.store.addConference(WORLD.accountSid, {
		sid: WORLD.conferenceSid,
		friendlyName: 'weekly-sync',
		participants: [WORLD.alice, WORLD.bob],
	});
	return sandbox;
}

/** The credential as `n8n import:credentials` takes it (plain data, encrypted on import). */
export function credentialFixture(baseUrl: string, apiKey: string = WORLD.apiKey) {
	return [
		{
			id: WORLD.credentialId,
			name: WORLD.credentialName,
			type: 'telnyxTexmlApi',
			data: { apiKey, baseUrl },
		},
	];
}
