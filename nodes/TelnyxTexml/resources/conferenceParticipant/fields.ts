import type { INodeProperties } from 'n8n-workflow';

/**
 * Participant fields that Dial (under Conference Options) and Update (under Update Fields) both
 * send, with the same stored name and the same Telnyx name: defined once so the two stay alike.
 */

export const callSidToCoachField: INodeProperties = {
	displayName: 'Call SID To Coach',
	name: 'callSidToCoach',
	type: 'string',
	default: '',
	placeholder: 'e.g. v3:9X2vxPDFY2RHSJ1EdMS0RHRksMTg7ldNxdjWbVr9zBjbGjGsSe-aiQ',
	description:
		'The call SID of the participant being coached: the only one who hears this participant. Needed when Coaching is on.',
	routing: { send: { type: 'body', property: 'CallSidToCoach' } },
};

export const coachingField: INodeProperties = {
	displayName: 'Coaching',
	name: 'coaching',
	type: 'boolean',
	default: false,
	description:
		'Whether this participant coaches another call, heard only by the participant in Call SID To Coach',
	routing: { send: { type: 'body', property: 'Coaching' } },
};

export const endConferenceOnExitField: INodeProperties = {
	displayName: 'End Conference On Exit',
	name: 'endConferenceOnExit',
	type: 'boolean',
	default: false,
	description: 'Whether the conference ends for everyone when this participant leaves',
	routing: { send: { type: 'body', property: 'EndConferenceOnExit' } },
};

export const mutedField: INodeProperties = {
	displayName: 'Muted',
	name: 'muted',
	type: 'boolean',
	default: false,
	description:
		'Whether the participant is muted: they still hear the conference but cannot be heard',
	routing: { send: { type: 'body', property: 'Muted' } },
};

export const waitUrlField: INodeProperties = {
	displayName: 'Wait URL',
	name: 'waitUrl',
	type: 'string',
	default: '',
	placeholder: 'e.g. https://example.com/wait-music.mp3',
	description: 'Audio played to the participant while they wait for the conference to start',
	routing: { send: { type: 'body', property: 'WaitUrl' } },
};
