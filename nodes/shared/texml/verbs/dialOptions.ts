import type { INodeProperties } from 'n8n-workflow';

import { recordingCallbackOptions } from './record';
import { methodField } from './spec';

/** The attributes of Dial and of the Number, Sip and Queue it calls (option name = attribute). */

export const dialOptions: INodeProperties = {
	displayName: 'Dial Options',
	name: 'dialOptions',
	type: 'collection',
	placeholder: 'Add Option',
	default: {},
	options: [
		{
			displayName: 'Caller ID',
			name: 'callerId',
			type: 'string',
			default: '',
			placeholder: 'e.g. +13125550100',
			description: 'The number (E.164) the called party sees: a number of the Telnyx account',
		},
		{
			displayName: 'From Display Name',
			name: 'fromDisplayName',
			type: 'string',
			default: '',
			placeholder: 'e.g. Acme Support',
			description: 'The name the called party sees, up to 128 characters',
		},
		{
			displayName: 'Hang Up On Star',
			name: 'hangupOnStar',
			type: 'boolean',
			default: false,
			description: 'Whether the caller can leave the dialled call by pressing *',
		},
		methodField('method', 'Method', 'The HTTP method of the Action URL'),
		{
			displayName: 'Record',
			name: 'record',
			type: 'options',
			options: [
				{ name: 'Do Not Record', value: 'do-not-record' },
				{ name: 'Record From Answer', value: 'record-from-answer' },
				{ name: 'Record From Answer (Dual)', value: 'record-from-answer-dual' },
				{ name: 'Record From Ringing', value: 'record-from-ringing' },
				{ name: 'Record From Ringing (Dual)', value: 'record-from-ringing-dual' },
			],
			default: 'do-not-record',
			description: 'Whether the dialled call is recorded, and from when',
		},
		{
			displayName: 'Record Max Length',
			name: 'recordMaxLength',
			type: 'number',
			typeOptions: { minValue: 0, maxValue: 14400 },
			default: 0,
			description: 'The longest the recording may last, in seconds; 0 means no limit',
		},
		{
			displayName: 'Recording Channels',
			name: 'recordingChannels',
			type: 'options',
			options: [
				{ name: 'Dual', value: 'dual' },
				{ name: 'Single', value: 'single' },
			],
			default: 'single',
			description: 'Whether both sides are recorded on one channel or each on its own',
		},
		...recordingCallbackOptions,
		{
			displayName: 'Ring Tone',
			name: 'ringTone',
			type: 'string',
			default: 'us',
			placeholder: 'e.g. uk',
			description: 'The country whose ringback tone the caller hears while waiting (Telnyx only)',
		},
		{
			displayName: 'Send Recording URL',
			name: 'sendRecordingUrl',
			type: 'boolean',
			default: true,
			description: 'Whether the recording’s URL is included in the status events',
		},
		{
			displayName: 'Time Limit',
			name: 'timeLimit',
			type: 'number',
			typeOptions: { minValue: 60, maxValue: 14400 },
			default: 14400,
			description: 'The longest the dialled call may last, in seconds',
		},
		{
			displayName: 'Timeout',
			name: 'timeout',
			type: 'number',
			typeOptions: { minValue: 5, maxValue: 120 },
			default: 30,
			description: 'How long to let the called party ring, in seconds',
		},
	],
};

/** The options of a dialled Number or Sip; a SIP address also takes a username and password. */
export function calledOptions(displayName: string, name: string, sip: boolean): INodeProperties {
	const options: INodeProperties[] = [
		{
			displayName: 'Detection Mode',
			name: 'detectionMode',
			type: 'options',
			options: [
				{ name: 'Premium', value: 'Premium' },
				{ name: 'Regular', value: 'Regular' },
			],
			default: 'Regular',
			description: 'Which answering-machine detection runs',
		},
		{
			displayName: 'Machine Detection',
			name: 'machineDetection',
			type: 'options',
			options: [
				{ name: 'Detect Message End', value: 'DetectMessageEnd' },
				{ name: 'Disable', value: 'Disable' },
				{ name: 'Enable', value: 'Enable' },
			],
			default: 'Disable',
			description: 'Whether Telnyx detects an answering machine on the called side',
		},
		{
			displayName: 'Machine Detection Timeout',
			name: 'machineDetectionTimeout',
			type: 'number',
			typeOptions: { minValue: 1 },
			default: 30,
			description: 'How long machine detection may take, in seconds',
		},
		methodField('method', 'Method', 'The HTTP method of the URL'),
		...(sip
			? [
					{
						displayName: 'Password',
						name: 'password',
						type: 'string' as const,
						typeOptions: { password: true },
						default: '',
						description: 'The password for SIP authentication',
					},
				]
			: []),
		{
			displayName: 'Send Digits',
			name: 'sendDigits',
			type: 'string',
			default: '',
			placeholder: 'e.g. ww1234#',
			description:
				'DTMF tones to play once the called party answers: 0–9, * and #, and w for a half-second pause',
		},
		{
			displayName: 'Status Callback',
			name: 'statusCallback',
			type: 'string',
			default: '',
			placeholder: 'e.g. https://n8n.example.com/webhook/telnyx',
			description:
				'Where Telnyx sends the dialled call’s status events. Paste the webhook URL of a Telnyx TeXML Trigger to react to them in a workflow.',
		},
		{
			displayName: 'Status Callback Events',
			name: 'statusCallbackEvent',
			type: 'multiOptions',
			options: [
				{ name: 'Answered', value: 'answered' },
				{ name: 'Answering Machine Detection', value: 'amd' },
				{ name: 'Completed', value: 'completed' },
				{ name: 'DTMF', value: 'dtmf' },
				{ name: 'Initiated', value: 'initiated' },
				{ name: 'Ringing', value: 'ringing' },
			],
			default: [],
			description: 'Which call events are sent to the Status Callback',
		},
		methodField(
			'statusCallbackMethod',
			'Status Callback Method',
			'The HTTP method of the Status Callback',
		),
		{
			displayName: 'URL',
			name: 'url',
			type: 'string',
			default: '',
			placeholder: 'e.g. https://example.com/whisper.xml',
			description: 'TeXML run on the called party when they answer, before the calls are connected',
		},
		...(sip
			? [
					{
						displayName: 'Username',
						name: 'username',
						type: 'string' as const,
						default: '',
						description: 'The username for SIP authentication',
					},
				]
			: []),
	];
	return { displayName, name, type: 'collection', placeholder: 'Add Option', default: {}, options };
}

export const queueOptions: INodeProperties = {
	displayName: 'Queue Options',
	name: 'queueOptions',
	type: 'collection',
	placeholder: 'Add Option',
	default: {},
	options: [
		methodField('method', 'Method', 'The HTTP method of the URL'),
		{
			displayName: 'URL',
			name: 'url',
			type: 'string',
			default: '',
			placeholder: 'e.g. https://example.com/whisper.xml',
			description: 'TeXML run on the caller taken from the queue, before the calls are connected',
		},
	],
};
