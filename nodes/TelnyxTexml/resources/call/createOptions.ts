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
			...sentAs('CallerId'),
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
			...sentAs('MediaEncryption'),
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
			...sentAs('SipRegion'),
		},
		{
			displayName: 'Status Callback',
			name: 'statusCallback',
			type: 'string',
			default: '',
			placeholder: 'e.g. https://n8n.example.com/webhook/telnyx',
			description:
				'Where Telnyx sends the call’s status events. Paste the webhook URL of a Telnyx TeXML Trigger: its events Call Initiated, Ringing, Answered and Completed carry the CallSid.',
			...sentAs('StatusCallback'),
		},
		{
			displayName: 'Status Callback Events',
			name: 'statusCallbackEvent',
			type: 'multiOptions',
			options: callEventOptions,
			default: [],
			description:
				'Which call events are sent to the Status Callback; Telnyx sends Completed when none are picked',
			...sentAs('StatusCallbackEvent'),
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
			...sentAs('SuperviseCallSid'),
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
			...sentAs('SupervisingRole'),
		},
		{
			displayName: 'Time Limit',
			name: 'timeLimit',
			type: 'number',
			typeOptions: { minValue: 30, maxValue: 14400 },
			default: 14400,
			description: 'The longest the call may last, in seconds',
			...sentAs('TimeLimit'),
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
			...sentAs('Record'),
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
			...sentAs('RecordingStatusCallback'),
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
			...sentAs('RecordingTimeout'),
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
			...sentAs('AsyncAmd'),
		},
		{
			displayName: 'Async AMD Status Callback',
			name: 'asyncAmdStatusCallback',
			type: 'string',
			default: '',
			placeholder: 'e.g. https://example.com/telnyx/amd',
			description: 'Where Telnyx sends the result of background detection',
			...sentAs('AsyncAmdStatusCallback'),
		},
		{
			displayName: 'Async AMD Status Callback Method',
			name: 'asyncAmdStatusCallbackMethod',
			type: 'options',
			options: httpMethodOptions,
			default: 'POST',
			description: 'The HTTP method Telnyx uses for the Async AMD Status Callback',
			...sentAs('AsyncAmdStatusCallbackMethod'),
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
			...sentAs('DeepfakeDetection'),
		},
		{
			displayName: 'Deepfake Detection Callback Method',
			name: 'deepfakeDetectionCallbackMethod',
			type: 'options',
			options: httpMethodOptions,
			default: 'POST',
			description: 'The HTTP method Telnyx uses for the Deepfake Detection Callback URL',
			...sentAs('DeepfakeDetectionCallbackMethod'),
		},
		{
			displayName: 'Deepfake Detection Callback URL',
			name: 'deepfakeDetectionCallbackUrl',
			type: 'string',
			default: '',
			placeholder: 'e.g. https://example.com/telnyx/deepfake',
			description: 'Where Telnyx sends the result of deepfake detection',
			...sentAs('DeepfakeDetectionCallbackUrl'),
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
			...sentAs('DetectionMode'),
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
			...sentAs('MachineDetection'),
		},
		{
			displayName: 'Machine Detection Prompt End Timeout',
			name: 'machineDetectionPromptEndTimeout',
			type: 'number',
			typeOptions: { minValue: 1000, maxValue: 120000 },
			default: 5000,
			description:
				'Milliseconds of silence after a call screening prompt that end it (Premium Call Screening only)',
			...sentAs('MachineDetectionPromptEndTimeout'),
		},
		{
			displayName: 'Machine Detection Silence Timeout',
			name: 'machineDetectionSilenceTimeout',
			type: 'number',
			typeOptions: { minValue: 0 },
			default: 3500,
			description: 'Milliseconds of initial silence after which the call counts as a machine',
			...sentAs('MachineDetectionSilenceTimeout'),
		},
		{
			displayName: 'Machine Detection Speech End Threshold',
			name: 'machineDetectionSpeechEndThreshold',
			type: 'number',
			typeOptions: { minValue: 0 },
			default: 800,
			description: 'Milliseconds of silence after a greeting that count it as a person’s',
			...sentAs('MachineDetectionSpeechEndThreshold'),
		},
		{
			displayName: 'Machine Detection Speech Threshold',
			name: 'machineDetectionSpeechThreshold',
			type: 'number',
			typeOptions: { minValue: 0 },
			default: 3500,
			description: 'Milliseconds of greeting after which it counts as a machine’s',
			...sentAs('MachineDetectionSpeechThreshold'),
		},
		{
			displayName: 'Machine Detection Timeout',
			name: 'machineDetectionTimeout',
			type: 'number',
			typeOptions: { minValue: 500, maxValue: 60000 },
			default: 30000,
			description: 'Milliseconds to try detecting before giving up',
			...sentAs('MachineDetectionTimeout'),
		},
	],
};
