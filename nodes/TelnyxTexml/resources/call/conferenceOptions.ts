import type { INodeProperties } from 'n8n-workflow';

import { beepField, triggerStatusCallbackMethodField } from '../../fields/callFields';
import { httpMethodOptions } from '../../fields/descriptions';
import {
	recordingEventOptions,
	recordingStatusCallbackMethodField,
	sendRecordingUrlField,
	trimOptions,
} from '../../fields/recordingFields';

const RECORDING_CALLBACK_HINT =
	'Paste the webhook URL of a Telnyx TeXML Trigger to react to the recording in a workflow';

/**
 * The attributes of `<Conference>` the call joins with (Join Conference). Each option's name is
 * its TeXML attribute; the node writes and escapes them (see fields/texml.ts), never the user.
 * Coaching is not among them: TeXML has no such attribute; it is a participant update.
 */
export const conferenceOptions: INodeProperties = {
	displayName: 'Conference Options',
	name: 'conferenceOptions',
	type: 'collection',
	placeholder: 'Add Option',
	default: {},
	options: [
		beepField(),
		{
			displayName: 'End Conference On Exit',
			name: 'endConferenceOnExit',
			type: 'boolean',
			default: false,
			description:
				'Whether the conference ends for everyone when this participant leaves (e.g. the host)',
		},
		{
			displayName: 'Max Participants',
			name: 'maxParticipants',
			type: 'number',
			typeOptions: { minValue: 2, maxValue: 250 },
			default: 250,
			description: 'The most participants the conference may have (set by whoever starts it)',
		},
		{
			displayName: 'Muted',
			name: 'muted',
			type: 'boolean',
			default: false,
			description:
				'Whether the participant joins muted: they hear the conference but are not heard',
		},
		{
			displayName: 'Participant Label',
			name: 'participantLabel',
			type: 'string',
			default: '',
			placeholder: 'e.g. supervisor',
			description:
				'A name for the participant, unique in the conference: later steps can address the participant by it',
		},
		{
			displayName: 'Record',
			name: 'record',
			type: 'options',
			options: [
				{ name: 'Do Not Record', value: 'do-not-record' },
				{ name: 'Record From Start', value: 'record-from-start' },
			],
			default: 'record-from-start',
			description: 'Whether the whole conference is recorded from its start',
		},
		{
			displayName: 'Record Beep',
			name: 'recordBeep',
			type: 'boolean',
			default: true,
			description: 'Whether a beep plays when the conference recording starts',
		},
		{
			displayName: 'Recording Status Callback',
			name: 'recordingStatusCallback',
			type: 'string',
			default: '',
			placeholder: 'e.g. https://n8n.example.com/webhook/telnyx',
			description: `Where Telnyx sends the conference recording’s status events. ${RECORDING_CALLBACK_HINT}.`,
		},
		{
			displayName: 'Recording Status Callback Events',
			name: 'recordingStatusCallbackEvent',
			type: 'multiOptions',
			options: recordingEventOptions,
			default: [],
			description:
				'Which conference recording events are sent; Telnyx sends Completed when none are picked',
		},
		recordingStatusCallbackMethodField(),
		{
			displayName: 'Recording Timeout',
			name: 'recordingTimeout',
			type: 'number',
			typeOptions: { minValue: 0, maxValue: 14400 },
			default: 0,
			description: 'The longest the conference recording may last, in seconds; 0 means no limit',
		},
		sendRecordingUrlField(),
		{
			displayName: 'Start Conference On Enter',
			name: 'startConferenceOnEnter',
			type: 'boolean',
			default: true,
			description:
				'Whether the conference starts when this participant joins; when off, the participant waits with music until someone who starts it joins',
		},
		{
			displayName: 'Status Callback',
			name: 'statusCallback',
			type: 'string',
			default: '',
			placeholder: 'e.g. https://n8n.example.com/webhook/telnyx',
			description:
				'Where Telnyx sends the conference’s events (start, end, join, leave, speaker). Paste the webhook URL of a Telnyx TeXML Trigger to react to them in a workflow.',
		},
		{
			displayName: 'Status Callback Events',
			name: 'statusCallbackEvent',
			type: 'multiOptions',
			options: [
				{ name: 'End', value: 'end' },
				{ name: 'Join', value: 'join' },
				{ name: 'Leave', value: 'leave' },
				{ name: 'Speaker', value: 'speaker' },
				{ name: 'Start', value: 'start' },
			],
			default: [],
			description: 'Which conference events are sent to the Status Callback',
		},
		triggerStatusCallbackMethodField(),
		{
			displayName: 'Trim',
			name: 'trim',
			type: 'options',
			options: trimOptions,
			default: 'do-not-trim',
			description: 'Whether silence at the start and end of the conference recording is removed',
		},
		{
			displayName: 'Wait Method',
			name: 'waitMethod',
			type: 'options',
			options: httpMethodOptions,
			default: 'POST',
			description: 'The HTTP method Telnyx uses to fetch the Wait URL',
		},
		{
			displayName: 'Wait URL',
			name: 'waitUrl',
			type: 'string',
			default: '',
			placeholder: 'e.g. https://example.com/wait-music.mp3',
			description:
				'What the participant hears while waiting for the conference to start: audio (MP3, WAV) or a TeXML document',
		},
	],
};
