import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';
import { updateDisplayOptions } from '../../fields/display';

import { httpMethodOptions } from '../../fields/descriptions';
import { recordingEventOptions, recordingStatusCallbackField } from '../../fields/recordingFields';
import { texmlRouting } from '../../routing/routing';
import { simplifyResponse } from '../../routing/simplify';

/** Start options: each sent under its Telnyx name only when added (Telnyx's defaults otherwise). */
const options: INodeProperties = {
	displayName: 'Options',
	name: 'options',
	type: 'collection',
	placeholder: 'Add Option',
	default: {},
	options: [
		{
			displayName: 'Play Beep',
			name: 'playBeep',
			type: 'boolean',
			default: true,
			description: 'Whether a beep tells the call that recording has started',
			routing: { send: { type: 'body', property: 'PlayBeep' } },
		},
		{
			displayName: 'Recording Channels',
			name: 'recordingChannels',
			type: 'options',
			options: [
				{
					name: 'Dual',
					value: 'dual',
					description: 'The first leg on one channel, the rest on the other',
				},
				{ name: 'Single', value: 'single', description: 'Both sides mixed into one channel' },
			],
			default: 'dual',
			description: 'Whether the recording has one channel or one per side (Telnyx: dual)',
			routing: { send: { type: 'body', property: 'RecordingChannels' } },
		},
		recordingStatusCallbackField('recording'),
		{
			displayName: 'Recording Status Callback Events',
			name: 'recordingStatusCallbackEvent',
			type: 'multiOptions',
			options: recordingEventOptions,
			default: [],
			description: 'Which recording events are sent (Telnyx: completed only)',
			routing: { send: { type: 'body', property: 'RecordingStatusCallbackEvent' } },
		},
		{
			displayName: 'Recording Status Callback Method',
			name: 'recordingStatusCallbackMethod',
			type: 'options',
			options: httpMethodOptions,
			default: 'POST',
			description:
				'The HTTP method Telnyx uses for the Recording Status Callback (the trigger takes POST)',
			routing: { send: { type: 'body', property: 'RecordingStatusCallbackMethod' } },
		},
		{
			displayName: 'Recording Track',
			name: 'recordingTrack',
			type: 'options',
			options: [
				{ name: 'Both', value: 'both', description: 'What the call says and hears' },
				{ name: 'Inbound', value: 'inbound', description: 'What the call says' },
				{ name: 'Outbound', value: 'outbound', description: 'What the call hears' },
			],
			default: 'both',
			description: 'Which audio of the call is recorded',
			routing: { send: { type: 'body', property: 'RecordingTrack' } },
		},
		{
			displayName: 'Send Recording URL',
			name: 'sendRecordingUrl',
			type: 'boolean',
			default: true,
			description: 'Whether the completed callback carries RecordingUrl',
			routing: { send: { type: 'body', property: 'SendRecordingUrl' } },
		},
	],
};

export const startOperation: INodePropertyOptions = {
	name: 'Start',
	value: 'start',
	description:
		'Start recording a live call; the answer’s sid is the recording SID to pause, resume or stop it',
	action: 'Start recording a call',
	routing: texmlRouting({
		method: 'POST',
		path: '/Calls/{callSid}/Recordings.json',
		form: { properties: [options] },
		postReceive: [simplifyResponse],
		// Not idempotent: a repeated start could begin a second recording.
		repeatable: false,
	}),
};

export const startDescription: INodeProperties[] = updateDisplayOptions(
	{ show: { resource: ['callRecording'], operation: ['start'] } },
	[options],
);
