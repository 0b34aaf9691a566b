import type { INodeProperties } from 'n8n-workflow';

import { httpMethodOptions } from '../../../fields/descriptions';
import {
	RECORDING_TRIGGER_HINT,
	recordingChannelsField,
	recordingEventOptions,
	recordingStatusCallbackField,
	recordingStatusCallbackMethodField,
	recordingTrackField,
	trimField,
	trimOptions,
} from '../../../fields/recordingFields';

/** Recording Options of Dial: recording of the conference and of the new participant's call. Each field is sent under its Telnyx name only when added. */
export const recordingOptions: INodeProperties = {
	displayName: 'Recording Options',
	name: 'recordingOptions',
	type: 'collection',
	placeholder: 'Add Option',
	default: {},
	options: [
		{
			displayName: 'Conference Record',
			name: 'conferenceRecord',
			type: 'options',
			options: [
				{ name: 'Do Not Record', value: 'do-not-record' },
				{ name: 'False', value: 'false' },
				{ name: 'Record From Start', value: 'record-from-start' },
				{ name: 'True', value: 'true' },
			],
			default: 'record-from-start',
			description: 'Whether and when the whole conference is recorded',
			routing: { send: { type: 'body', property: 'ConferenceRecord' } },
		},
		{
			displayName: 'Conference Recording Status Callback',
			name: 'conferenceRecordingStatusCallback',
			type: 'string',
			default: '',
			placeholder: 'e.g. https://example.com/telnyx/callbacks',
			description: `Where Telnyx sends the conference recording’s status events: ${RECORDING_TRIGGER_HINT}`,
			routing: { send: { type: 'body', property: 'ConferenceRecordingStatusCallback' } },
		},
		{
			displayName: 'Conference Recording Status Callback Events',
			name: 'conferenceRecordingStatusCallbackEvent',
			type: 'multiOptions',
			options: recordingEventOptions,
			default: [],
			description: 'Which conference recording events are sent',
			routing: {
				send: { type: 'body', property: 'ConferenceRecordingStatusCallbackEvent' },
			},
		},
		{
			displayName: 'Conference Recording Status Callback Method',
			name: 'conferenceRecordingStatusCallbackMethod',
			type: 'options',
			options: httpMethodOptions,
			default: 'POST',
			description: 'The HTTP method Telnyx uses for the Conference Recording Status Callback',
			routing: {
				send: { type: 'body', property: 'ConferenceRecordingStatusCallbackMethod' },
			},
		},
		{
			displayName: 'Conference Recording Timeout',
			name: 'conferenceRecordingTimeout',
			type: 'number',
			typeOptions: { minValue: 0 },
			default: 0,
			description: 'Seconds of silence after which the conference recording stops; 0 means never',
			routing: { send: { type: 'body', property: 'ConferenceRecordingTimeout' } },
		},
		{
			displayName: 'Conference Trim',
			name: 'conferenceTrim',
			type: 'options',
			options: trimOptions,
			default: 'trim-silence',
			description: 'Whether silence at the start and end of the conference recording is removed',
			routing: { send: { type: 'body', property: 'ConferenceTrim' } },
		},
		{
			displayName: 'Record',
			name: 'record',
			type: 'boolean',
			default: false,
			description: 'Whether the participant’s call is recorded',
			routing: { send: { type: 'body', property: 'Record' } },
		},
		recordingChannelsField,
		recordingStatusCallbackField('call recording'),
		{
			displayName: 'Recording Status Callback Events',
			name: 'recordingStatusCallbackEvent',
			type: 'multiOptions',
			options: recordingEventOptions,
			default: [],
			description: 'Which call recording events are sent',
			routing: { send: { type: 'body', property: 'RecordingStatusCallbackEvent' } },
		},
		recordingStatusCallbackMethodField('RecordingStatusCallbackMethod'),
		recordingTrackField,
		trimField,
	],
};
