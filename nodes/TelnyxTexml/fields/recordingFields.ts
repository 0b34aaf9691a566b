import type { INodeProperties } from 'n8n-workflow';

import { recordingEventOptions, trimOptions } from '../../shared/mediaFields';
import { httpMethodOptions, sentAs } from './descriptions';

/**
 * Recording fields that Call Create, Dial and Join Conference word alike. Each operation passes the
 * name its Telnyx request sends the field under, or none where the node writes it into TeXML itself.
 */

/** Where a recording callback's URL comes from in n8n. */
export const RECORDING_TRIGGER_HINT =
	'paste the Production URL of a Telnyx TeXML Trigger set to the Recording events to act when the recording is ready';

/** The recording status events Telnyx can send; whether a recording's silences are cut. */
export { recordingEventOptions, trimOptions };

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

/**
 * Recording Status Callback of Dial and Call Recording Start; `recording` says whose recording
 * (Dial has the call's and the conference's).
 */
export const recordingStatusCallbackField = (recording: string): INodeProperties => ({
	displayName: 'Recording Status Callback',
	name: 'recordingStatusCallback',
	type: 'string',
	default: '',
	placeholder: 'e.g. https://example.com/telnyx/callbacks',
	description: `Where Telnyx sends the ${recording}’s status events: ${RECORDING_TRIGGER_HINT}`,
	routing: { send: { type: 'body', property: 'RecordingStatusCallback' } },
});

/** Recording Channels of Create and Dial (Call Recording Start's are named otherwise). */
export const recordingChannelsField: INodeProperties = {
	displayName: 'Recording Channels',
	name: 'recordingChannels',
	type: 'options',
	options: [
		{ name: 'Dual', value: 'dual' },
		{ name: 'Mono', value: 'mono' },
	],
	default: 'mono',
	description: 'Whether the call recording has one channel or one per side',
	routing: { send: { type: 'body', property: 'RecordingChannels' } },
};

export const trimField: INodeProperties = {
	displayName: 'Trim',
	name: 'trim',
	type: 'options',
	options: trimOptions,
	default: 'trim-silence',
	description: 'Whether silence at the start and end of the call recording is removed',
	routing: { send: { type: 'body', property: 'Trim' } },
};
