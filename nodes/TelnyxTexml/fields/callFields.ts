import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { httpMethodOptions, sentAs } from './descriptions';

/**
 * Fields of placing a call that Call Create and Dial word alike, sent under the same Telnyx name
 * by both (Create as JSON, Dial as a form).
 */

/** The call status events Telnyx can send. */
export const callEventOptions: INodePropertyOptions[] = [
	{ name: 'Answered', value: 'answered' },
	{ name: 'Completed', value: 'completed' },
	{ name: 'Initiated', value: 'initiated' },
	{ name: 'Ringing', value: 'ringing' },
];

export const customHeadersField: INodeProperties = {
	displayName: 'Custom SIP Headers',
	name: 'customHeaders',
	type: 'fixedCollection',
	typeOptions: { multipleValues: true },
	options: [
		{
			displayName: 'Header',
			name: 'header',
			values: [
				{
					displayName: 'Name',
					name: 'name',
					type: 'string',
					default: '',
					placeholder: 'e.g. X-Ticket-ID',
				},
				{
					displayName: 'Value',
					name: 'value',
					type: 'string',
					default: '',
					placeholder: 'e.g. 4711',
				},
			],
		},
	],
	default: {},
	placeholder: 'Add Header',
	description: 'SIP headers added to the outgoing call',
	routing: { send: { type: 'body', property: 'CustomHeaders', value: '={{ $value.header }}' } },
};

export const preferredCodecsField: INodeProperties = {
	displayName: 'Preferred Codecs',
	name: 'preferredCodecs',
	type: 'string',
	default: '',
	placeholder: 'e.g. PCMA,PCMU',
	description: 'Codecs to offer, in order of preference, comma-separated',
	routing: { send: { type: 'body', property: 'PreferredCodecs' } },
};

export const timeoutField: INodeProperties = {
	displayName: 'Timeout',
	name: 'timeout',
	type: 'number',
	typeOptions: { minValue: 5, maxValue: 120 },
	default: 30,
	description: 'How long to let the call ring before giving up, in seconds',
	routing: { send: { type: 'body', property: 'Timeout' } },
};

/**
 * Status Callback Method of Create (sent) and of Join Conference's conference callback (written
 * into TeXML), which name the trigger's method.
 */
export const triggerStatusCallbackMethodField = (property?: string): INodeProperties => ({
	displayName: 'Status Callback Method',
	name: 'statusCallbackMethod',
	type: 'options',
	options: httpMethodOptions,
	default: 'POST',
	description:
		'The HTTP method Telnyx uses for the Status Callback (the Telnyx TeXML Trigger takes POST)',
	...sentAs(property),
});

/** Status Callback Method of Dial and Redirect. */
export const statusCallbackMethodField: INodeProperties = {
	displayName: 'Status Callback Method',
	name: 'statusCallbackMethod',
	type: 'options',
	options: httpMethodOptions,
	default: 'POST',
	description: 'The HTTP method Telnyx uses for the Status Callback',
	routing: { send: { type: 'body', property: 'StatusCallbackMethod' } },
};

export const cancelPlaybackOnDetectMessageEndField: INodeProperties = {
	displayName: 'Cancel Playback On Detect Message End',
	name: 'cancelPlaybackOnDetectMessageEnd',
	type: 'boolean',
	default: true,
	description: 'Whether audio playing to the call stops when the machine greeting ends',
	routing: { send: { type: 'body', property: 'CancelPlaybackOnDetectMessageEnd' } },
};

export const cancelPlaybackOnMachineDetectionField: INodeProperties = {
	displayName: 'Cancel Playback On Machine Detection',
	name: 'cancelPlaybackOnMachineDetection',
	type: 'boolean',
	default: true,
	description: 'Whether audio playing to the call stops when a machine is detected',
	routing: { send: { type: 'body', property: 'CancelPlaybackOnMachineDetection' } },
};

export const sipAuthPasswordField: INodeProperties = {
	displayName: 'SIP Auth Password',
	name: 'sipAuthPassword',
	type: 'string',
	typeOptions: { password: true },
	default: '',
	description: 'The password for SIP authentication when calling a SIP URI',
	routing: { send: { type: 'body', property: 'SipAuthPassword' } },
};

export const sipAuthUsernameField: INodeProperties = {
	displayName: 'SIP Auth Username',
	name: 'sipAuthUsername',
	type: 'string',
	default: '',
	description: 'The username for SIP authentication when calling a SIP URI',
	routing: { send: { type: 'body', property: 'SipAuthUsername' } },
};

/** Beep of Dial (sent) and of Join Conference (written into TeXML). */
export const beepField = (property?: string): INodeProperties => ({
	displayName: 'Beep',
	name: 'beep',
	type: 'options',
	options: [
		{ name: 'Always', value: 'true' },
		{ name: 'Never', value: 'false' },
		{ name: 'On Enter', value: 'onEnter' },
		{ name: 'On Exit', value: 'onExit' },
	],
	default: 'true',
	description: 'Whether the others hear a beep when this participant joins or leaves',
	...sentAs(property),
});
