import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';
import { updateDisplayOptions } from '../../fields/display';

import { coachingNeedsCallSid, texmlRouting } from '../../routing/routing';
import { simplifyResponse } from '../../routing/simplify';
import { callOptions, conferenceOptions, machineDetectionOptions, recordingOptions } from './dial';
import { refuseRetiredDialFields } from './dial/retired';
import { fromField, toField } from '../../fields/descriptions';

const essentials: INodeProperties[] = [
	fromField,
	toField,
	{
		displayName: 'Label',
		name: 'label',
		type: 'string',
		default: '',
		placeholder: 'e.g. supervisor',
		description: 'A name for the new participant, unique in the conference',
		hint: 'Later steps can address the participant by this label instead of its call SID (Participant → By Call SID or Label)',
		routing: { send: { type: 'body', property: 'Label' } },
	},
	{
		displayName: 'Conference Status Callback',
		name: 'conferenceStatusCallback',
		type: 'string',
		default: '',
		placeholder: 'e.g. https://n8n.example.com/webhook/telnyx-conference',
		description: 'Where Telnyx sends this conference’s events (start, end, join, leave)',
		hint: 'Paste the webhook URL of a Telnyx TeXML Trigger to react to these events in a workflow. Pick the events under Conference Options.',
		routing: { send: { type: 'body', property: 'ConferenceStatusCallback' } },
	},
];

const fields = [
	...essentials,
	conferenceOptions,
	callOptions,
	recordingOptions,
	machineDetectionOptions,
];

export const createOperation: INodePropertyOptions = {
	name: 'Create',
	value: 'create',
	description: 'Dial a phone number or SIP URI into the conference as a new participant',
	action: 'Dial a phone number into a conference as a new participant',
	// Dialing is not idempotent: sent again only when Telnyx cannot have processed it (see retry.ts).
	routing: texmlRouting({
		method: 'POST',
		path: '/Conferences/{conferenceSid}/Participants',
		checks: [refuseRetiredDialFields],
		form: { properties: fields, dependencies: [coachingNeedsCallSid(' under Conference Options')] },
		postReceive: [simplifyResponse],
		repeatable: false,
	}),
};

export const createDescription: INodeProperties[] = updateDisplayOptions(
	{ show: { resource: ['conferenceParticipant'], operation: ['create'] } },
	fields,
);
