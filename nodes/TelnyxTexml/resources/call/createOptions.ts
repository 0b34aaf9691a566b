import type { INodeProperties } from 'n8n-workflow';

import {
	callEventOptions,
	cancelPlaybackOnDetectMessageEndField,
	cancelPlaybackOnMachineDetectionField,
	customHeadersField,
	preferredCodecsField,
	sipAuthPasswordField,
	sipAuthUsernameField,
	timeoutField,
	triggerStatusCallbackMethodField,
} from '../../fields/callFields';
import { recordingStatusCallbackEventOption } from '../../../shared/mediaFields';
import { httpMethodOptions, sentAs } from '../../fields/descriptions';
import {
	recordingChannelsField,
	recordingStatusCallbackMethodField,
	recordingTrackField,
	sendRecordingUrlField,
	trimField,
} from '../../fields/recordingFields';

/**
 * The option collections of Create: every other field of Telnyx's call initiation (its OpenAPI
 * document's InitiateCallRequest), each sent under its Telnyx name only when added.
 */

const send = (property: string) => ({ send: { type: 'body' as const, property } });

export const callOptions: INodeProperties = {
	displayName: 'Call Options',
	name: 'callOptions',
	type: 'collection',
	placeholder: 'Add Option',
	default: {},
	options: [
		{
			displayName: 'Caller ID',
			name: 'callerId',
			type: 'string',
			default: '',
			placeholder: 'e.g. Support Team',
			description:
				'The caller name shown to the called party: up to 128 letters, digits, spaces and -_~!.+',
			routing: send('CallerId'),
		},
		customHeadersField,
		{
			displayName: 'Media Encryption',
			name: 'mediaEncryption',
			type: 'options',
			options: [
				{ name: 'Disabled', value: 'disabled' },
				{ name: 'DTLS', value: 'DTLS' },
				{ name: 'SRTP', value: 'SRTP' },
			],
			default: 'disabled',
			description: 'How the call’s media is encrypted; for SIP destinations only',
			routing: send('MediaEncryption'),
		},
		preferredCodecsField,
		sipAuthPasswordField,
		sipAuthUsernameField,
		{
			displayName: 'SIP Region',
			name: 'sipRegion',
			type: 'options',
			options: [
				{ name: 'Australia', value: 'Australia' },
				{ name: 'Canada', value: 'Canada' },
				{ name: 'Europe', value: 'Europe' },
				{ name: 'Middle East', value: 'Middle East' },
				{ name: 'US', value: 'US' },
			],
			default: 'US',
			description: 'The SIP region the call is placed through',
			routing: send('SipRegion'),
		},
		{
			displayName: 'Status Callback',
			name: 'statusCallback',
			type: 'string',
			default: '',
			placeholder: 'e.g. https://n8n.example.com/webhook/telnyx',
			description:
				'Where Telnyx sends the call’s status events. Paste the webhook URL of a Telnyx TeXML Trigger: its events Call Initiated, Ringing, Answered and Completed carry the CallSid.',
			routing: send('StatusCallback'),
		},
		{
			displayName: 'Status Callback Events',
			name: 'statusCallbackEvent',
			type: 'multiOptions',
			options: callEventOptions,
			default: [],
			description:
				'Which call events are sent to the Status Callback; Telnyx sends Completed when none are picked',
			routing: send('StatusCallbackEvent'),
		},
		triggerStatusCallbackMethodField('StatusCallbackMethod'),
		{
			displayName: 'Supervise Call SID',
			name: 'superviseCallSid',
			type: 'string',
			default: '',
			placeholder: 'e.g. v3:MdI91X4lWFEs7IgbBEOT9M4AigoY08M0WWZFISt1Yw2axZ_IiE4pqg',
			description:
				'An existing call the new call supervises (barges in, whispers to or monitors); Telnyx sends no status events for a supervising call',
			routing: send('SuperviseCallSid'),
		},
		{
			displayName: 'Supervising Role',
			name: 'supervisingRole',
			type: 'options',
			options: [
				{ name: 'Barge', value: 'barge', description: 'Hear both sides and be heard by both' },
				{ name: 'Monitor', value: 'monitor', description: 'Hear both sides, muted' },
				{ name: 'Whisper', value: 'whisper', description: 'Be heard only by the supervised call' },
			],
			default: 'barge',
			description: 'How the call supervises the call in Supervise Call SID',
			routing: send('SupervisingRole'),
		},
		{
			displayName: 'Time Limit',
			name: 'timeLimit',
			type: 'number',
			typeOptions: { minValue: 30, maxValue: 14400 },
			default: 14400,
			description: 'The longest the call may last, in seconds',
			routing: send('TimeLimit'),
		},
		timeoutField,
	],
};

export const recordingOptions: INodeProperties = {
	displayName: 'Recording Options',
	name: 'recordingOptions',
	type: 'collection',
	placeholder: 'Add Option',
	default: {},
	options: [
		{
			displayName: 'Record',
			name: 'record',
			type: 'boolean',
			default: false,
			description: 'Whether the call is recorded',
			routing: send('Record'),
		},
		recordingChannelsField,
		{
			displayName: 'Recording Status Callback',
			name: 'recordingStatusCallback',
			type: 'string',
			default: '',
			placeholder: 'e.g. https://n8n.example.com/webhook/telnyx',
			description:
				'Where Telnyx sends the recording’s status events. Paste the webhook URL of a Telnyx TeXML Trigger here to react to the recording in a workflow.',
			routing: send('RecordingStatusCallback'),
		},
		{ ...recordingStatusCallbackEventOption, ...sentAs('RecordingStatusCallbackEvent') },
		recordingStatusCallbackMethodField('RecordingStatusCallbackMethod'),
		{
			displayName: 'Recording Timeout',
			name: 'recordingTimeout',
			type: 'number',
			typeOptions: { minValue: 0 },
			default: 0,
			description:
				'Seconds of silence after speech that stop the recording; 0 means never (Telnyx detects silence with billed transcription)',
			routing: send('RecordingTimeout'),
		},
		recordingTrackField,
		sendRecordingUrlField('SendRecordingUrl'),
		trimField,
	],
};

export const machineDetectionOptions: INodeProperties = {
	displayName: 'Answering Machine Detection',
	name: 'machineDetectionOptions',
	type: 'collection',
	placeholder: 'Add Option',
	default: {},
	options: [
		{
			displayName: 'Async AMD',
			name: 'asyncAmd',
			type: 'boolean',
			default: false,
			description:
				'Whether detection runs in the background while the call’s instructions go on, its result sent to the Async AMD Status Callback',
			routing: send('AsyncAmd'),
		},
		{
			displayName: 'Async AMD Status Callback',
			name: 'asyncAmdStatusCallback',
			type: 'string',
			default: '',
			placeholder: 'e.g. https://example.com/telnyx/amd',
			description: 'Where Telnyx sends the result of background detection',
			routing: send('AsyncAmdStatusCallback'),
		},
		{
			displayName: 'Async AMD Status Callback Method',
			name: 'asyncAmdStatusCallbackMethod',
			type: 'options',
			options: httpMethodOptions,
			default: 'POST',
			description: 'The HTTP method Telnyx uses for the Async AMD Status Callback',
			routing: send('AsyncAmdStatusCallbackMethod'),
		},
		cancelPlaybackOnDetectMessageEndField,
		cancelPlaybackOnMachineDetectionField,
		{
			displayName: 'Deepfake Detection',
			name: 'deepfakeDetection',
			type: 'options',
			options: [{ name: 'Enable', value: 'Enable' }],
			default: 'Enable',
			description:
				'Whether the called party’s voice is checked for being AI-generated, the result sent to the Deepfake Detection Callback URL',
			routing: send('DeepfakeDetection'),
		},
		{
			displayName: 'Deepfake Detection Callback Method',
			name: 'deepfakeDetectionCallbackMethod',
			type: 'options',
			options: httpMethodOptions,
			default: 'POST',
			description: 'The HTTP method Telnyx uses for the Deepfake Detection Callback URL',
			routing: send('DeepfakeDetectionCallbackMethod'),
		},
		{
			displayName: 'Deepfake Detection Callback URL',
			name: 'deepfakeDetectionCallbackUrl',
			type: 'string',
			default: '',
			placeholder: 'e.g. https://example.com/telnyx/deepfake',
			description: 'Where Telnyx sends the result of deepfake detection',
			routing: send('DeepfakeDetectionCallbackUrl'),
		},
		{
			displayName: 'Detection Mode',
			name: 'detectionMode',
			type: 'options',
			options: [
				{ name: 'Premium', value: 'Premium' },
				{ name: 'Premium Call Screening', value: 'PremiumCallScreening' },
				{ name: 'Regular', value: 'Regular' },
			],
			default: 'Regular',
			description: 'Which detection Telnyx runs',
			routing: send('DetectionMode'),
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
			default: 'Enable',
			description:
				'Whether to detect an answering machine, and whether to wait for its greeting to end',
			routing: send('MachineDetection'),
		},
		{
			displayName: 'Machine Detection Prompt End Timeout',
			name: 'machineDetectionPromptEndTimeout',
			type: 'number',
			typeOptions: { minValue: 1000, maxValue: 120000 },
			default: 5000,
			description:
				'Milliseconds of silence after a call screening prompt that end it (Premium Call Screening only)',
			routing: send('MachineDetectionPromptEndTimeout'),
		},
		{
			displayName: 'Machine Detection Silence Timeout',
			name: 'machineDetectionSilenceTimeout',
			type: 'number',
			typeOptions: { minValue: 0 },
			default: 3500,
			description: 'Milliseconds of initial silence after which the call counts as a machine',
			routing: send('MachineDetectionSilenceTimeout'),
		},
		{
			displayName: 'Machine Detection Speech End Threshold',
			name: 'machineDetectionSpeechEndThreshold',
			type: 'number',
			typeOptions: { minValue: 0 },
			default: 800,
			description: 'Milliseconds of silence after a greeting that count it as a person’s',
			routing: send('MachineDetectionSpeechEndThreshold'),
		},
		{
			displayName: 'Machine Detection Speech Threshold',
			name: 'machineDetectionSpeechThreshold',
			type: 'number',
			typeOptions: { minValue: 0 },
			default: 3500,
			description: 'Milliseconds of greeting after which it counts as a machine’s',
			routing: send('MachineDetectionSpeechThreshold'),
		},
		{
			displayName: 'Machine Detection Timeout',
			name: 'machineDetectionTimeout',
			type: 'number',
			typeOptions: { minValue: 500, maxValue: 60000 },
			default: 30000,
			description: 'Milliseconds to try detecting before giving up',
			routing: send('MachineDetectionTimeout'),
		},
	],
};
