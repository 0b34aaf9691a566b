import type { INodeProperties } from 'n8n-workflow';

import { httpMethodOptions } from '../../shared/descriptions';

/**
 * The optional fields of Dial participant (Telnyx `DialConferenceParticipantRequest`), grouped the
 * way a builder thinks about them. Each field is sent under its Telnyx name only when added.
 */

const send = (wire: string) => ({ send: { type: 'body' as const, property: wire } });

function text(displayName: string, wire: string, description: string, placeholder?: string): INodeProperties {
	const name = wire.charAt(0).toLowerCase() + wire.slice(1);
	return { displayName, name, type: 'string', default: '', description, routing: send(wire), ...(placeholder ? { placeholder } : {}) };
}

function flag(displayName: string, wire: string, description: string, value = false): INodeProperties {
	return { ...text(displayName, wire, description), type: 'boolean', default: value };
}

function whole(displayName: string, wire: string, description: string, value: number, min?: number, max?: number): INodeProperties {
	return {
		...text(displayName, wire, description),
		type: 'number',
		default: value,
		typeOptions: { ...(min !== undefined ? { minValue: min } : {}), ...(max !== undefined ? { maxValue: max } : {}) },
	};
}

function choice(displayName: string, wire: string, description: string, values: Array<[string, string]>, value: string): INodeProperties {
	return {
		...text(displayName, wire, description),
		type: 'options',
		options: values.map(([optionName, optionValue]) => ({ name: optionName, value: optionValue })),
		default: value,
	};
}

function events(displayName: string, wire: string, description: string, values: Array<[string, string]>): INodeProperties {
	return { ...choice(displayName, wire, description, values, ''), type: 'multiOptions', default: [] };
}

const method = (displayName: string, wire: string, of: string): INodeProperties => ({
	...text(displayName, wire, `The HTTP method Telnyx uses for the ${of}`),
	type: 'options',
	options: httpMethodOptions,
	default: 'POST',
});

const url = (displayName: string, wire: string, description: string) =>
	text(displayName, wire, description, 'e.g. https://example.com/telnyx/callbacks');

const RECORDING_EVENTS: Array<[string, string]> = [
	['Absent', 'absent'],
	['Completed', 'completed'],
	['In Progress', 'in-progress'],
];

const TRIM: Array<[string, string]> = [
	['Do Not Trim', 'do-not-trim'],
	['Trim Silence', 'trim-silence'],
];

export const conferenceOptions: INodeProperties = {
	displayName: 'Conference Options',
	name: 'conferenceOptions',
	type: 'collection',
	placeholder: 'Add Option',
	default: {},
	options: [
		choice('Beep', 'Beep', 'Whether a beep plays when the participant joins or leaves', [
			['Always', 'true'],
			['Never', 'false'],
			['On Enter', 'onEnter'],
			['On Exit', 'onExit'],
		], 'true'),
		text('Call SID To Coach', 'CallSidToCoach', 'The call SID of the participant to coach: the only one who hears this participant. Needed when Coaching is on.', 'e.g. v3:9X2vxPDFY2RHSJ1EdMS0RHRksMTg7ldNxdjWbVr9zBjbGjGsSe-aiQ'),
		flag('Coaching', 'Coaching', 'Whether the new participant coaches the participant in Call SID To Coach'),
		events('Conference Status Callback Events', 'ConferenceStatusCallbackEvent', 'Which conference events are sent to the Conference Status Callback; all when none are picked', [
			['End', 'end'],
			['Join', 'join'],
			['Leave', 'leave'],
			['Start', 'start'],
		]),
		method('Conference Status Callback Method', 'ConferenceStatusCallbackMethod', 'Conference Status Callback'),
		flag('End Conference On Exit', 'EndConferenceOnExit', 'Whether the conference ends for everyone when this participant leaves'),
		whole('Max Participants', 'MaxParticipants', 'The most participants the conference may have', 250, 2, 800),
		flag('Muted', 'Muted', 'Whether the participant joins muted'),
		flag('Start Conference On Enter', 'StartConferenceOnEnter', 'Whether the conference starts when this participant joins', true),
		url('Wait URL', 'WaitUrl', 'Audio or TeXML played to the participant while the conference has not started'),
	],
};

export const callOptions: INodeProperties = {
	displayName: 'Call Options',
	name: 'callOptions',
	type: 'collection',
	placeholder: 'Add Option',
	default: {},
	options: [
		text('Application SID', 'ApplicationSid', 'The TeXML application whose settings (e.g. outbound voice profile) the call uses', 'e.g. 1846572522338780702'),
		text('Caller ID', 'CallerId', 'The caller name shown to the called party (up to 128 characters)', 'e.g. Support Team'),
		{
			displayName: 'Custom SIP Headers',
			name: 'customHeaders',
			type: 'fixedCollection',
			typeOptions: { multipleValues: true },
			placeholder: 'Add Header',
			default: {},
			description: 'SIP headers added to the outgoing call',
			routing: { send: { type: 'body', property: 'CustomHeaders', value: '={{ $value.header }}' } },
			options: [
				{
					displayName: 'Header',
					name: 'header',
					values: [
						{ displayName: 'Name', name: 'name', type: 'string', default: '', placeholder: 'e.g. X-Ticket-ID' },
						{ displayName: 'Value', name: 'value', type: 'string', default: '', placeholder: 'e.g. 4711' },
					],
				},
			],
		},
		flag('Early Media', 'EarlyMedia', 'Whether audio from the called party is passed through before the call is answered'),
		text('Preferred Codecs', 'PreferredCodecs', 'Codecs to offer, in order of preference, comma-separated', 'e.g. PCMA,PCMU'),
		{ ...text('SIP Auth Password', 'SipAuthPassword', 'The password for SIP authentication when dialing a SIP URI'), typeOptions: { password: true } },
		text('SIP Auth Username', 'SipAuthUsername', 'The username for SIP authentication when dialing a SIP URI'),
		url('Status Callback', 'StatusCallback', 'Where Telnyx sends the call’s status events (initiated, ringing, answered, completed)'),
		events('Status Callback Events', 'StatusCallbackEvent', 'Which call events are sent to the Status Callback', [
			['Answered', 'answered'],
			['Completed', 'completed'],
			['Initiated', 'initiated'],
			['Ringing', 'ringing'],
		]),
		method('Status Callback Method', 'StatusCallbackMethod', 'Status Callback'),
		whole('Time Limit', 'TimeLimit', 'The longest the call may last, in seconds', 14400, 1),
		whole('Timeout', 'Timeout', 'How long to let the call ring before giving up, in seconds', 30, 5, 120),
	],
};

export const recordingOptions: INodeProperties = {
	displayName: 'Recording Options',
	name: 'recordingOptions',
	type: 'collection',
	placeholder: 'Add Option',
	default: {},
	options: [
		choice('Conference Record', 'ConferenceRecord', 'Whether and when the whole conference is recorded', [
			['Do Not Record', 'do-not-record'],
			['False', 'false'],
			['Record From Start', 'record-from-start'],
			['True', 'true'],
		], 'record-from-start'),
		url('Conference Recording Status Callback', 'ConferenceRecordingStatusCallback', 'Where Telnyx sends the conference recording’s status events'),
		events('Conference Recording Status Callback Events', 'ConferenceRecordingStatusCallbackEvent', 'Which conference recording events are sent', RECORDING_EVENTS),
		method('Conference Recording Status Callback Method', 'ConferenceRecordingStatusCallbackMethod', 'Conference Recording Status Callback'),
		whole('Conference Recording Timeout', 'ConferenceRecordingTimeout', 'Seconds of silence after which the conference recording stops; 0 means never', 0, 0),
		choice('Conference Trim', 'ConferenceTrim', 'Whether silence at the start and end of the conference recording is removed', TRIM, 'trim-silence'),
		flag('Record', 'Record', 'Whether the participant’s call is recorded'),
		choice('Recording Channels', 'RecordingChannels', 'Whether the call recording has one channel or one per side', [
			['Dual', 'dual'],
			['Mono', 'mono'],
		], 'mono'),
		url('Recording Status Callback', 'RecordingStatusCallback', 'Where Telnyx sends the call recording’s status events'),
		events('Recording Status Callback Events', 'RecordingStatusCallbackEvent', 'Which call recording events are sent', RECORDING_EVENTS),
		method('Recording Status Callback Method', 'RecordingStatusCallbackMethod', 'Recording Status Callback'),
		choice('Recording Track', 'RecordingTrack', 'Which audio of the call is recorded', [
			['Both', 'both'],
			['Inbound', 'inbound'],
			['Outbound', 'outbound'],
		], 'both'),
		choice('Trim', 'Trim', 'Whether silence at the start and end of the call recording is removed', TRIM, 'trim-silence'),
	],
};

export const machineDetectionOptions: INodeProperties = {
	displayName: 'Answering Machine Detection',
	name: 'machineDetectionOptions',
	type: 'collection',
	placeholder: 'Add Option',
	default: {},
	options: [
		url('AMD Status Callback', 'AmdStatusCallback', 'Where Telnyx sends the result of answering machine detection'),
		method('AMD Status Callback Method', 'AmdStatusCallbackMethod', 'AMD Status Callback'),
		flag('Cancel Playback On Detect Message End', 'CancelPlaybackOnDetectMessageEnd', 'Whether audio playing to the call stops when the machine greeting ends', true),
		flag('Cancel Playback On Machine Detection', 'CancelPlaybackOnMachineDetection', 'Whether audio playing to the call stops when a machine is detected', true),
		choice('Machine Detection', 'MachineDetection', 'Whether to detect an answering machine, and whether to wait for its greeting to end', [
			['Detect Message End', 'DetectMessageEnd'],
			['Enable', 'Enable'],
		], 'Enable'),
		choice('Machine Detection Beep Profile', 'MachineDetectionBeepProfile', 'Which beeps count as the end of a machine greeting', [
			['Both', 'both'],
			['Frequency Only', 'freq_only'],
		], 'both'),
		whole('Machine Detection Silence Timeout', 'MachineDetectionSilenceTimeout', 'Milliseconds of silence after which the call counts as answered by a person', 3500, 0),
		whole('Machine Detection Speech End Threshold', 'MachineDetectionSpeechEndThreshold', 'Milliseconds of silence that end a greeting', 800, 0),
		whole('Machine Detection Speech Threshold', 'MachineDetectionSpeechThreshold', 'Milliseconds of speech after which the greeting counts as a machine’s', 3500, 0),
		whole('Machine Detection Timeout', 'MachineDetectionTimeout', 'Milliseconds to try detecting before giving up', 30000, 0),
	],
};
