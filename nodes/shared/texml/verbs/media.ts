import type { INodeProperties } from 'n8n-workflow';

import {
	mediaStatusCallbackOption,
	streamBidirectionalCodecOption,
	streamBidirectionalModeOption,
	streamTrackOption,
} from '../../mediaFields';
import { recordingCallbackOptions, trimOption } from './record';
import type { EntryReader, VerbSpec } from './spec';
import { forVerbs, methodField } from './spec';

/**
 * Start and Stop of Recording, Stream and Transcription: they run alongside the call (the next
 * verb runs at once). Stop Recording is not on Telnyx's Recording page, which documents Start only.
 */

const media = (verb: 'start' | 'stop'): INodeProperties => ({
	displayName: verb === 'start' ? 'Start' : 'Stop',
	name: verb === 'start' ? 'startWhat' : 'stopWhat',
	type: 'options',
	options: [
		{
			name: 'Recording',
			value: 'recording',
			description:
				verb === 'start'
					? 'Record the call in the background'
					: 'Stop the background recording (not on Telnyx’s Recording page, which documents Start only)',
		},
		{
			name: 'Stream',
			value: 'stream',
			description:
				verb === 'start' ? 'Stream the call’s audio to a WebSocket' : 'Stop a stream, by its name',
		},
		{
			name: 'Transcription',
			value: 'transcription',
			description:
				verb === 'start'
					? 'Transcribe the call in real time (Telnyx only)'
					: 'Stop the real-time transcription (Telnyx only)',
		},
	],
	displayOptions: forVerbs([verb]),
	default: 'recording',
	description: verb === 'start' ? 'What starts alongside the call' : 'What stops',
});

const startWhat = media('start');
const stopWhat = media('stop');
const starting = (what: string) => forVerbs(['start'], { startWhat: [what] });

const recordingOptions: INodeProperties = {
	displayName: 'Recording Options',
	name: 'recordingOptions',
	type: 'collection',
	placeholder: 'Add Option',
	displayOptions: starting('recording'),
	default: {},
	options: [
		{
			displayName: 'Channels',
			name: 'channels',
			type: 'options',
			options: [
				{ name: 'Dual', value: 'dual' },
				{ name: 'Mono', value: 'mono' },
				{ name: 'Single', value: 'single' },
			],
			default: 'dual',
			description: 'Whether the two sides are recorded each on its own channel',
		},
		{
			displayName: 'Format',
			name: 'format',
			type: 'options',
			options: [
				{ name: 'MP3', value: 'mp3' },
				{ name: 'WAV', value: 'wav' },
			],
			default: 'mp3',
			description: 'The recording’s file format',
		},
		...recordingCallbackOptions,
		{
			displayName: 'Track',
			name: 'track',
			type: 'options',
			options: [
				{ name: 'Both', value: 'both' },
				{ name: 'Inbound', value: 'inbound' },
				{ name: 'Outbound', value: 'outbound' },
			],
			default: 'both',
			description: 'Which side of the call is recorded',
		},
		trimOption,
	],
};

const streamUrl: INodeProperties = {
	displayName: 'Stream URL',
	name: 'streamUrl',
	type: 'string',
	required: true,
	displayOptions: starting('stream'),
	default: '',
	placeholder: 'e.g. wss://example.com/audio',
	description: 'The WebSocket (wss://) the call’s audio is streamed to',
};

const streamOptions: INodeProperties = {
	displayName: 'Stream Options',
	name: 'streamOptions',
	type: 'collection',
	placeholder: 'Add Option',
	displayOptions: starting('stream'),
	default: {},
	options: [
		streamBidirectionalCodecOption,
		{
			...streamBidirectionalModeOption,
			description: `${streamBidirectionalModeOption.description} (Telnyx only)`,
		},
		{
			displayName: 'Bidirectional Sampling Rate',
			name: 'bidirectionalSamplingRate',
			type: 'number',
			typeOptions: { minValue: 1 },
			default: 8000,
			description: 'The sampling rate of audio sent back over the stream, in Hz',
		},
		{
			displayName: 'Codec',
			name: 'codec',
			type: 'string',
			default: '',
			placeholder: 'e.g. PCMU',
			description: 'The codec of the streamed audio',
		},
		{
			displayName: 'Name',
			name: 'name',
			type: 'string',
			default: '',
			placeholder: 'e.g. agent-assist',
			description: 'A name for the stream, which Stop → Stream uses to end it',
		},
		mediaStatusCallbackOption('stream'),
		methodField(
			'statusCallbackMethod',
			'Status Callback Method',
			'The HTTP method of the Status Callback',
		),
		streamTrackOption,
	],
};

const stopStreamName: INodeProperties = {
	displayName: 'Stream Name',
	name: 'stopStreamName',
	type: 'string',
	required: true,
	displayOptions: forVerbs(['stop'], { stopWhat: ['stream'] }),
	default: '',
	placeholder: 'e.g. agent-assist',
	description: 'The name the stream was started with',
};

const transcriptionCallback: INodeProperties = {
	displayName: 'Transcription Callback',
	name: 'transcriptionCallback',
	type: 'string',
	required: true,
	displayOptions: starting('transcription'),
	default: '',
	placeholder: 'e.g. https://n8n.example.com/webhook/telnyx',
	description:
		'Where Telnyx sends the transcription as it comes. Paste the webhook URL of a Telnyx TeXML Trigger to react to it in a workflow.',
};

const transcriptionOptions: INodeProperties = {
	displayName: 'Transcription Options',
	name: 'transcriptionOptions',
	type: 'collection',
	placeholder: 'Add Option',
	displayOptions: starting('transcription'),
	default: {},
	options: [
		{
			displayName: 'API Key Reference',
			name: 'apiKeyRef',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			description: 'The name of the Telnyx secret holding the engine’s key, e.g. for Azure',
		},
		{
			displayName: 'Interim Results',
			name: 'interimResults',
			type: 'boolean',
			default: false,
			description: 'Whether partial results are sent while the caller speaks',
		},
		{
			displayName: 'Language',
			name: 'language',
			type: 'string',
			default: '',
			placeholder: 'e.g. en',
			description: 'The language spoken on the call',
		},
		{
			displayName: 'Model',
			name: 'model',
			type: 'string',
			default: '',
			description: 'The engine’s model, where the engine has several',
		},
		{
			displayName: 'Region',
			name: 'region',
			type: 'string',
			default: '',
			placeholder: 'e.g. eastus',
			description: 'The engine’s region, e.g. for Azure',
		},
		methodField(
			'transcriptionCallbackMethod',
			'Transcription Callback Method',
			'The HTTP method of the Transcription Callback',
		),
		{
			displayName: 'Transcription Engine',
			name: 'transcriptionEngine',
			type: 'string',
			default: '',
			placeholder: 'e.g. Google',
			description:
				'The engine that transcribes: Google (Telnyx’s default), Telnyx, Deepgram, Azure…',
		},
		{
			displayName: 'Transcription Tracks',
			name: 'transcriptionTracks',
			type: 'string',
			default: '',
			placeholder: 'e.g. both',
			description: 'Which side of the call is transcribed',
		},
	],
};

const WHAT = { kind: 'choice' as const, choices: ['recording', 'stream', 'transcription'] };
const ELEMENT: Record<string, string> = {
	recording: 'Recording',
	stream: 'Stream',
	transcription: 'Transcription',
};

function started(entry: EntryReader) {
	const what = entry.text(startWhat, WHAT);
	if (what === 'stream')
		return {
			name: 'Stream',
			attributes: [
				...entry.attribute(streamUrl, 'url', { kind: 'wss', required: true }),
				...entry.options(streamOptions),
			],
		};
	if (what === 'transcription')
		return {
			name: 'Transcription',
			attributes: [
				...entry.attribute(transcriptionCallback, 'transcriptionCallback', { required: true }),
				...entry.options(transcriptionOptions),
			],
		};
	return { name: 'Recording', attributes: entry.options(recordingOptions) };
}

export const start: VerbSpec = {
	value: 'start',
	name: 'Start',
	description: 'Start a recording, an audio stream or a real-time transcription alongside the call',
	fields: [
		startWhat,
		recordingOptions,
		streamUrl,
		streamOptions,
		transcriptionCallback,
		transcriptionOptions,
	],
	build: (entry) => ({ name: 'Start', children: [started(entry)] }),
};

export const stop: VerbSpec = {
	value: 'stop',
	name: 'Stop',
	description: 'Stop a recording, an audio stream or a real-time transcription started earlier',
	fields: [stopWhat, stopStreamName],
	build: (entry) => {
		const what = entry.text(stopWhat, WHAT);
		return {
			name: 'Stop',
			children: [
				{
					name: ELEMENT[what],
					attributes:
						what === 'stream' ? entry.attribute(stopStreamName, 'name', { required: true }) : [],
				},
			],
		};
	},
};
