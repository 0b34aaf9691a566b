import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

/**
 * Fields of what runs alongside a call (streams, SIPREC sessions, recordings) that the node sends
 * to Telnyx's REST API and the TeXML Response writes as attributes, with the same meaning and
 * values. They carry no routing: the node spreads in the name it sends each under.
 */

/** GET or POST: the method Telnyx uses to reach a URL. */
export const httpMethodOptions: INodePropertyOptions[] = [
	{ name: 'GET', value: 'GET' },
	{ name: 'POST', value: 'POST' },
];

/** The recording status events Telnyx can send. */
export const recordingEventOptions: INodePropertyOptions[] = [
	{ name: 'Absent', value: 'absent' },
	{ name: 'Completed', value: 'completed' },
	{ name: 'In Progress', value: 'in-progress' },
];

/** Whether the silence at a recording's start and end is cut. */
export const trimOptions: INodePropertyOptions[] = [
	{ name: 'Do Not Trim', value: 'do-not-trim' },
	{ name: 'Trim Silence', value: 'trim-silence' },
];

/** Which side of a call a stream or a SIPREC session carries. */
export const callTrackOptions: INodePropertyOptions[] = [
	{ name: 'Both Tracks', value: 'both_tracks' },
	{ name: 'Inbound Track', value: 'inbound_track' },
	{ name: 'Outbound Track', value: 'outbound_track' },
];

export const recordingStatusCallbackOption: INodeProperties = {
	displayName: 'Recording Status Callback',
	name: 'recordingStatusCallback',
	type: 'string',
	default: '',
	placeholder: 'e.g. https://n8n.example.com/webhook/telnyx',
	description:
		'Where Telnyx sends the recording’s status events. Paste the webhook URL of a Telnyx TeXML Trigger to react to the recording in a workflow.',
};

export const recordingStatusCallbackEventOption: INodeProperties = {
	displayName: 'Recording Status Callback Events',
	name: 'recordingStatusCallbackEvent',
	type: 'multiOptions',
	options: recordingEventOptions,
	default: [],
	description: 'Which recording events are sent; Telnyx sends Completed when none are picked',
};

export const streamBidirectionalCodecOption: INodeProperties = {
	displayName: 'Bidirectional Codec',
	name: 'bidirectionalCodec',
	type: 'options',
	options: [
		{ name: 'G722', value: 'G722' },
		{ name: 'PCMA', value: 'PCMA' },
		{ name: 'PCMU', value: 'PCMU' },
	],
	default: 'PCMU',
	description: 'The codec of audio sent back into the call over the stream',
};

export const streamBidirectionalModeOption: INodeProperties = {
	displayName: 'Bidirectional Mode',
	name: 'bidirectionalMode',
	type: 'options',
	options: [
		{ name: 'MP3', value: 'mp3' },
		{ name: 'RTP', value: 'rtp' },
	],
	default: 'mp3',
	description: 'How audio sent back over the stream is played into the call',
};

/** The Status Callback of a stream or a SIPREC session (`whose`: stream, session). */
export const mediaStatusCallbackOption = (whose: string): INodeProperties => ({
	displayName: 'Status Callback',
	name: 'statusCallback',
	type: 'string',
	default: '',
	placeholder: 'e.g. https://n8n.example.com/webhook/telnyx',
	description: `Where Telnyx sends the ${whose}’s status events`,
});

export const streamTrackOption: INodeProperties = {
	displayName: 'Track',
	name: 'track',
	type: 'options',
	options: callTrackOptions,
	default: 'inbound_track',
	description: 'Which side of the call is streamed',
};
