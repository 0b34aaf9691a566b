import type { INodeProperties } from 'n8n-workflow';

import { beepField } from '../../../fields/callFields';
import { httpMethodOptions } from '../../../fields/descriptions';
import {
	callSidToCoachField,
	coachingField,
	endConferenceOnExitField,
	mutedField,
	waitUrlField,
} from '../fields';

/** Conference Options of Dial: how the new participant takes part in the conference. Each field is sent under its Telnyx name only when added. */
export const conferenceOptions: INodeProperties = {
	displayName: 'Conference Options',
	name: 'conferenceOptions',
	type: 'collection',
	placeholder: 'Add Option',
	default: {},
	options: [
		beepField('Beep'),
		callSidToCoachField,
		coachingField,
		{
			displayName: 'Conference Status Callback Events',
			name: 'conferenceStatusCallbackEvent',
			type: 'multiOptions',
			options: [
				{ name: 'End', value: 'end' },
				{ name: 'Join', value: 'join' },
				{ name: 'Leave', value: 'leave' },
				{ name: 'Start', value: 'start' },
			],
			default: [],
			description:
				'Which conference events are sent to the Conference Status Callback; all when none are picked',
			routing: { send: { type: 'body', property: 'ConferenceStatusCallbackEvent' } },
		},
		{
			displayName: 'Conference Status Callback Method',
			name: 'conferenceStatusCallbackMethod',
			type: 'options',
			options: httpMethodOptions,
			default: 'POST',
			description: 'The HTTP method Telnyx uses for the Conference Status Callback',
			routing: { send: { type: 'body', property: 'ConferenceStatusCallbackMethod' } },
		},
		endConferenceOnExitField,
		{
			displayName: 'Max Participants',
			name: 'maxParticipants',
			type: 'number',
			typeOptions: { minValue: 2, maxValue: 800 },
			default: 250,
			description: 'The most participants the conference may have',
			routing: { send: { type: 'body', property: 'MaxParticipants' } },
		},
		mutedField,
		{
			displayName: 'Start Conference On Enter',
			name: 'startConferenceOnEnter',
			type: 'boolean',
			default: true,
			description: 'Whether the conference starts when this participant joins',
			routing: { send: { type: 'body', property: 'StartConferenceOnEnter' } },
		},
		waitUrlField,
	],
};
