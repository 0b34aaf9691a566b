import type { Store } from './store';

/**
 * Fixed demo data, the same in `npm run sandbox`, the demo and the example workflows, so an example
 * imported into n8n runs as is against a local sandbox.
 */
export const DEMO = {
	account: {
		sid: '5f0c1b2a-7e3d-4c8b-9a61-2d4e6f8a0b1c',
		apiKey: 'KEY_SANDBOX_LOCAL_ONLY',
		name: 'Sandbox Org',
		email: 'owner@sandbox.test',
	},
	/** The TeXML application the example calls are placed with (Application). */
	application: { id: '1293384261075731499', friendlyName: 'On-call bridge' },
	/** The applications whose incoming calls the answering examples answer. */
	dialIn: {
		id: '1293384261075731500',
		friendlyName: 'Dial-in line',
		voiceUrl: 'https://example.com/texml/dial-in-closed.xml',
	},
	reception: {
		id: '1293384261075731501',
		friendlyName: 'Reception line',
		voiceUrl: 'https://example.com/texml/reception-closed.xml',
	},
	conference: {
		sid: '7c9e6679-7425-40de-944b-e07fc1f90ae7',
		friendlyName: 'weekly-all-hands',
	},
	participants: [
		{ label: 'host', callSid: 'v3:host-9X2vxPDFY2RHSJ1EdMS0RHRksMTg7ldNxdjWbVr9zBj' },
		{ label: 'guest-1', callSid: 'v3:guest1-7V3r4VFCGLTzKLOveE0aK1dE5sQx2mN8pR4tYw' },
		{ label: 'guest-2', callSid: 'v3:guest2-Qm2Zr8cLx4TbV6nH1jP9sK3wE7yU5aD0fG2hJk' },
	],
} as const;

/** Adds the demo application, conference and participants to a store whose account is DEMO.account. */
export function seedDemo(store: Store) {
	for (const application of [DEMO.application, DEMO.dialIn, DEMO.reception])
		if (!store.calls.application(DEMO.account.sid, application.id))
			store.calls.addApplication(DEMO.account.sid, { ...application });
	return store.addConference(DEMO.account.sid, {
		sid: DEMO.conference.sid,
		friendlyName: DEMO.conference.friendlyName,
		participants: DEMO.participants.map((p) => ({ ...p })),
	});
}
