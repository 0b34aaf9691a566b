import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { httpMethodOptions } from './descriptions';

/**
 * Recording fields that Call Create, Dial and Join Conference word alike. Each operation passes the
 * name its Telnyx request sends the field under, or none where the node writes it into TeXML itself.
 */

const sentAs = (property?: string) =>
	property === undefined ? {} : { routing: { send: { type: 'body' as const, property } } };

/** The recording status events Telnyx can send. */
export const recordingEventOptions: INodePropertyOptions[] = [
	{ name: 'Absent', value: 'absent' },
	{ name: 'Completed', value: 'completed' },
	{ name: 'In Progress', value: 'in-progress' },
];

/** Mono or dual channel, as the call and dial requests name them. */
export const recordingChannelOptions: INodePropertyOptions[] = [
	{ name: 'Dual', value: 'dual' },
	{ name: 'Mono', value: 'mono' },
];

/** Whether the silence at a recording's start and end is cut. */
export const trimOptions: INodePropertyOptions[] = [
	{ name: 'Do Not Trim', value: 'do-not-trim' },
	{ name: 'Trim Silence', value: 'trim-silence' },
];

export const recordingTrackField: INodeProperties = {
	displayName: 'Recording Track',
	name: 'recordingTrack',
	type: 'options',
	options: [
		{ name: 'Both', value: 'both' },
		{ name: 'Inbound', value: 'inbound' },
		{ name: 'Outbound', value: 'outbound' },
	],
	default: 'both',
	description: 'Which audio of the call is recorded',
	routing: { send: { type: 'body', property: 'RecordingTrack' } },
};

export const recordingStatusCallbackMethodField = (property?: string): INodeProperties => ({
	displayName: 'Recording Status Callback Method',
	name: 'recordingStatusCallbackMethod',
	type: 'options',
	options: httpMethodOptions,
	default: 'POST',
	description: 'The HTTP method Telnyx uses for the Recording Status Callback',
	...sentAs(property),
});

export const sendRecordingUrlField = (property?: string): INodeProperties => ({
	displayName: 'Send Recording URL',
	name: 'sendRecordingUrl',
	type: 'boolean',
	default: true,
	description: 'Whether the recording callbacks carry the recording’s URL',
	...sentAs(property),
});
