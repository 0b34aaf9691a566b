import type { INodeProperties } from 'n8n-workflow';

import {
	recordingStatusCallbackEventOption,
	recordingStatusCallbackOption,
	trimOptions,
} from '../../mediaFields';
import type { VerbSpec } from './spec';
import { forVerbs, methodField } from './spec';

/** Record: records the caller's message; the recording's URL goes to the action. */

const recordAction: INodeProperties = {
	displayName: 'Action URL',
	name: 'recordAction',
	type: 'string',
	displayOptions: forVerbs(['record']),
	default: '',
	placeholder: 'e.g. https://n8n.example.com/webhook/…/voice',
	description:
		'Where Telnyx sends the recording (RecordingUrl) and fetches the next TeXML. Leave empty to send it to the Telnyx TeXML Answer Trigger this workflow starts from, with ?event=record.',
};

export const trimOption: INodeProperties = {
	displayName: 'Trim',
	name: 'trim',
	type: 'options',
	options: trimOptions,
	default: 'trim-silence',
	description: 'Whether silence at the start and end of the recording is removed',
};

/** Where and how Telnyx sends a recording's status events: Start Recording's and Dial's options. */
export const recordingCallbackOptions: INodeProperties[] = [
	recordingStatusCallbackOption,
	recordingStatusCallbackEventOption,
	methodField(
		'recordingStatusCallbackMethod',
		'Recording Status Callback Method',
		'The HTTP method of the Recording Status Callback',
	),
];

const recordOptions: INodeProperties = {
	displayName: 'Record Options',
	name: 'recordOptions',
	type: 'collection',
	placeholder: 'Add Option',
	displayOptions: forVerbs(['record']),
	default: {},
	options: [
		{
			displayName: 'Channels',
			name: 'channels',
			type: 'options',
			options: [
				{ name: 'Dual', value: 'dual' },
				{ name: 'Single', value: 'single' },
			],
			default: 'dual',
			description: 'Whether the two sides are recorded each on its own channel (Telnyx’s default)',
		},
		{
			displayName: 'Finish On Key',
			name: 'finishOnKey',
			type: 'string',
			default: '1234567890*#',
			placeholder: 'e.g. #',
			description: 'The keys that end the recording: any of 0–9, * and #',
		},
		{
			displayName: 'Max Length',
			name: 'maxLength',
			type: 'number',
			typeOptions: { minValue: 0, maxValue: 14400 },
			default: 3600,
			description: 'The longest the recording may last, in seconds',
		},
		methodField('method', 'Method', 'The HTTP method of the Action URL'),
		{
			displayName: 'Play Beep',
			name: 'playBeep',
			type: 'boolean',
			default: true,
			description: 'Whether a beep plays before the recording starts',
		},
		recordingStatusCallbackOption,
		{
			displayName: 'Timeout',
			name: 'timeout',
			type: 'number',
			typeOptions: { minValue: 0 },
			default: 5,
			description:
				'Seconds of silence that end the recording; 0 means never. Telnyx detects silence with transcription and charges for it.',
		},
		{
			displayName: 'Transcription',
			name: 'transcription',
			type: 'boolean',
			default: false,
			description: 'Whether the recording is transcribed',
		},
		{
			displayName: 'Transcription Callback',
			name: 'transcriptionCallback',
			type: 'string',
			default: '',
			placeholder: 'e.g. https://n8n.example.com/webhook/telnyx',
			description: 'Where Telnyx sends the transcription',
		},
		{
			displayName: 'Transcription Engine',
			name: 'transcriptionEngine',
			type: 'string',
			default: '',
			placeholder: 'e.g. Google',
			description: 'The engine that transcribes the recording',
		},
		trimOption,
	],
};

export const record: VerbSpec = {
	value: 'record',
	name: 'Record',
	description: 'Record the caller, e.g. a voicemail',
	fields: [recordAction, recordOptions],
	build: (entry) => ({
		name: 'Record',
		attributes: [
			...entry.action(recordAction, 'record'),
			...entry.options(recordOptions, {
				finishOnKey: {
					pattern: {
						test: /^[0-9*#]+$/,
						problem: 'may only contain 0–9, * and #',
						fix: 'Use only 0–9, * and #.',
					},
				},
			}),
		],
	}),
};
