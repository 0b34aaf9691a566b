import type { INodePropertyOptions } from 'n8n-workflow';

import { recordingEventOptions, type RecordingEvent } from './recordingEvents';

/**
 * The events a conference status callback can carry (`StatusCallbackEvent`). Telnyx documents the
 * four below; the value of its speaker callbacks is not documented, so every other value counts as
 * a speaker event rather than being dropped.
 */
export const KNOWN_EVENTS = [
	'conference-end',
	'conference-start',
	'participant-join',
	'participant-leave',
] as const;

export const ANY_EVENT = '*';
export const SPEAKER_EVENT = 'speaker';

/** A callback without `StatusCallbackEvent` is passed on only when All Events is selected. */
export const UNKNOWN_EVENT = 'unknown';

export type TriggerEvent =
	| (typeof KNOWN_EVENTS)[number]
	| RecordingEvent
	| typeof SPEAKER_EVENT
	| typeof UNKNOWN_EVENT;

export const eventOptions: INodePropertyOptions[] = [
	{
		name: 'All Events',
		value: ANY_EVENT,
		description: 'Every conference and recording callback Telnyx sends',
	},
	{
		name: 'Conference End',
		value: 'conference-end',
		description: 'The conference ended (token: end)',
	},
	{
		name: 'Conference Start',
		value: 'conference-start',
		description: 'The conference started (token: start)',
	},
	{
		name: 'Participant Join',
		value: 'participant-join',
		description: 'A participant joined (token: join)',
	},
	{
		name: 'Participant Leave',
		value: 'participant-leave',
		description: 'A participant left (token: leave)',
	},
	...recordingEventOptions,
	{
		name: 'Speaker',
		value: SPEAKER_EVENT,
		description:
			'A participant started or stopped speaking (token: speaker), e.g. participant-speech-start',
	},
];

/** The Events option a callback belongs to, from its `StatusCallbackEvent` as sent. */
export function classify(statusCallbackEvent: string): TriggerEvent {
	if (!statusCallbackEvent) return UNKNOWN_EVENT;
	const known = KNOWN_EVENTS.find((event) => event === statusCallbackEvent);
	return known ?? SPEAKER_EVENT;
}

export function isWanted(event: TriggerEvent, selected: string[]): boolean {
	return selected.length === 0 || selected.includes(ANY_EVENT) || selected.includes(event);
}
