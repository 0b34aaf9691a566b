import type { INodeProperties } from 'n8n-workflow';

/** Path fields shared by every TeXML conference operation. */
export const accountSidField: INodeProperties = {
	displayName: 'Account SID',
	name: 'accountSid',
	type: 'string',
	required: true,
	default: '',
	placeholder: 'e.g. 4e71926f-8f13-450e-b91c-23c2ef786aa6',
	description:
		'The TeXML account the conference belongs to: the organization ID of the API key’s Telnyx account',
	hint: 'Find it in the Telnyx Portal under Account Settings, or as AccountSid in any TeXML callback',
};

export const conferenceField: INodeProperties = {
	displayName: 'Conference',
	name: 'conferenceSid',
	type: 'resourceLocator',
	required: true,
	default: { mode: 'id', value: '' },
	description: 'The conference, identified by its SID',
	modes: [
		{
			displayName: 'By SID',
			name: 'id',
			type: 'string',
			placeholder: 'e.g. cd5a70f4-759b-4d5e-9c06-88c00f16f3c1',
		},
	],
};

export const participantField: INodeProperties = {
	displayName: 'Participant',
	name: 'participant',
	type: 'resourceLocator',
	required: true,
	default: { mode: 'id', value: '' },
	description: 'The participant, identified by its call SID or by the label it was given when it joined',
	modes: [
		{
			displayName: 'By Call SID or Label',
			name: 'id',
			type: 'string',
			placeholder: 'e.g. v3:9X2vxPDFY2RHSJ1EdMS0RHRksMTg7ldNxdjWbVr9zBjbGjGsSe-aiQ',
		},
	],
};

/** The two methods Telnyx accepts for every `…Method` field (how it fetches a URL or calls back). */
export const httpMethodOptions = [
	{ name: 'GET', value: 'GET' },
	{ name: 'POST', value: 'POST' },
];
