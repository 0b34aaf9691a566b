import type { INodeProperties } from 'n8n-workflow';

import {
	callEventOptions,
	customHeadersField,
	preferredCodecsField,
	sipAuthPasswordField,
	sipAuthUsernameField,
	statusCallbackMethodField,
	timeoutField,
} from '../../../fields/callFields';

/** Call Options of Dial: how the new participant's call is placed. Each field is sent under its Telnyx name only when added. */
export const callOptions: INodeProperties = {
	displayName: 'Call Options',
	name: 'callOptions',
	type: 'collection',
	placeholder: 'Add Option',
	default: {},
	options: [
		{
			displayName: 'Application SID',
			name: 'applicationSid',
			type: 'string',
			default: '',
			placeholder: 'e.g. 1846572522338780702',
			description:
				'The TeXML application whose settings (e.g. outbound voice profile) the call uses',
			routing: { send: { type: 'body', property: 'ApplicationSid' } },
		},
		{
			displayName: 'Caller ID',
			name: 'callerId',
			type: 'string',
			default: '',
			placeholder: 'e.g. Support Team',
			description: 'The caller name shown to the called party (up to 128 characters)',
			routing: { send: { type: 'body', property: 'CallerId' } },
		},
		customHeadersField,
		{
			displayName: 'Early Media',
			name: 'earlyMedia',
			type: 'boolean',
			default: false,
			description:
				'Whether audio from the called party is passed through before the call is answered',
			routing: { send: { type: 'body', property: 'EarlyMedia' } },
		},
		preferredCodecsField,
		sipAuthPasswordField,
		sipAuthUsernameField,
		{
			displayName: 'Status Callback',
			name: 'statusCallback',
			type: 'string',
			default: '',
			placeholder: 'e.g. https://example.com/telnyx/callbacks',
			description:
				'Where Telnyx sends the call’s status events (initiated, ringing, answered, completed)',
			routing: { send: { type: 'body', property: 'StatusCallback' } },
		},
		{
			displayName: 'Status Callback Events',
			name: 'statusCallbackEvent',
			type: 'multiOptions',
			options: callEventOptions,
			default: [],
			description: 'Which call events are sent to the Status Callback',
			routing: { send: { type: 'body', property: 'StatusCallbackEvent' } },
		},
		statusCallbackMethodField,
		{
			displayName: 'Time Limit',
			name: 'timeLimit',
			type: 'number',
			typeOptions: { minValue: 1 },
			default: 14400,
			description: 'The longest the call may last, in seconds',
			routing: { send: { type: 'body', property: 'TimeLimit' } },
		},
		timeoutField,
	],
};
