import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';
import { updateDisplayOptions } from '../../fields/display';

import { announceFields, httpMethodOptions } from '../../fields/descriptions';
import { coachingNeedsCallSid, texmlRouting } from '../../routing/routing';
import { simplifyResponse } from '../../routing/simplify';
import {
	callSidToCoachField,
	coachingField,
	endConferenceOnExitField,
	mutedField,
	waitUrlField,
} from './fields';

const updateFields: INodeProperties = {
	displayName: 'Update Fields',
	name: 'updateFields',
	type: 'collection',
	placeholder: 'Add Field',
	default: {},
	options: [
		...announceFields('this participant'),
		{
			displayName: 'Beep On Exit',
			name: 'beepOnExit',
			type: 'boolean',
			default: false,
			description: 'Whether to play a beep to the conference when this participant leaves',
			routing: { send: { type: 'body', property: 'BeepOnExit' } },
		},
		callSidToCoachField,
		coachingField,
		endConferenceOnExitField,
		{
			displayName: 'Hold',
			name: 'hold',
			type: 'boolean',
			default: false,
			description:
				'Whether the participant is on hold: they hear the Hold URL and the conference does not hear them',
			routing: { send: { type: 'body', property: 'Hold' } },
		},
		{
			displayName: 'Hold Method',
			name: 'holdMethod',
			type: 'options',
			options: httpMethodOptions,
			default: 'POST',
			description: 'The HTTP method Telnyx uses to fetch the Hold URL',
			routing: { send: { type: 'body', property: 'HoldMethod' } },
		},
		{
			displayName: 'Hold URL',
			name: 'holdUrl',
			type: 'string',
			default: '',
			placeholder: 'e.g. https://example.com/hold-music.xml',
			description:
				'Music played while the participant is on hold: an MP3 or WAV file, or a TeXML document with Play, Say, Pause or Redirect',
			routing: { send: { type: 'body', property: 'HoldUrl' } },
		},
		mutedField,
		waitUrlField,
	],
};

export const updateOperation: INodePropertyOptions = {
	name: 'Update',
	value: 'update',
	description:
		'Mute or unmute a participant, put them on hold with music, play them an announcement, let them coach another caller, or change what happens when they leave',
	action: 'Mute or hold or coach or announce to a conference caller',
	routing: texmlRouting({
		method: 'POST',
		path: '/Conferences/{conferenceSid}/Participants/{participant}',
		form: { properties: [updateFields], dependencies: [coachingNeedsCallSid('')] },
		postReceive: [simplifyResponse],
		repeatable: true,
	}),
};

export const updateDescription: INodeProperties[] = updateDisplayOptions(
	{ show: { resource: ['conferenceParticipant'], operation: ['update'] } },
	[updateFields],
);
