import type { INodePropertyOptions } from 'n8n-workflow';

import { mediaEventOptions, type MediaEvent } from './mediaEvents';
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

/**
 * Call status callbacks carry `CallStatus` (and `CallbackSource=call-progress-events`), no
 * `StatusCallbackEvent`. Their event, by CallStatus: Telnyx reports an answered call as
 * `in-progress`, and the end of a call as one of five outcomes (the output keeps CallStatus).
 */
const CALL_EVENT_OF: Record<string, CallEvent> = {
	initiated: 'call-initiated',
	ringing: 'call-ringing',
	'in-progress': 'call-answered',
	// Telnyx's migration notes name it "answered"; its callback pages say in-progress.
	answered: 'call-answered',
	completed: 'call-completed',
	busy: 'call-completed',
	'no-answer': 'call-completed',
	canceled: 'call-completed',
	failed: 'call-completed',
};

export const CALL_EVENTS = [
	'call-answered',
	'call-completed',
	'call-initiated',
	'call-ringing',
] as const;
type CallEvent = (typeof CALL_EVENTS)[number];

export type TriggerEvent =
	| (typeof KNOWN_EVENTS)[number]
	| CallEvent
	| RecordingEvent
	| MediaEvent
	| typeof SPEAKER_EVENT
	| typeof UNKNOWN_EVENT;

export const eventOptions: INodePropertyOptions[] = [
	mediaEventOptions[0],
	{ name: 'All Events', value: ANY_EVENT, description: 'Every callback Telnyx sends' },
	{
		name: 'Call Answered',
		value: 'call-answered',
		description: 'A call was answered (CallStatus in-progress; token: answered)',
	},
	{
		name: 'Call Completed',
		value: 'call-completed',
		description:
			'A call ended: CallStatus completed, busy, no-answer, canceled or failed (token: completed)',
	},
	{
		name: 'Call Initiated',
		value: 'call-initiated',
		description: 'A call was placed (token: initiated)',
	},
	{
		name: 'Call Ringing',
		value: 'call-ringing',
		description: 'A call is ringing (token: ringing)',
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
	mediaEventOptions[1],
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
	mediaEventOptions[2],
	{
		name: 'Speaker',
		value: SPEAKER_EVENT,
		description:
			'A participant started or stopped speaking (token: speaker), e.g. participant-speech-start',
	},
	mediaEventOptions[3],
];

/** Whether a callback is a call's status callback rather than a conference's. */
export function isCallCallback(body: Record<string, unknown>): boolean {
	return (
		body.CallbackSource === 'call-progress-events' ||
		(body.StatusCallbackEvent === undefined && typeof body.CallStatus === 'string')
	);
}

/**
 * The Events option a callback belongs to: a call's from its `CallStatus`, a conference's from its
 * `StatusCallbackEvent` as sent.
 */
export function classify(body: Record<string, unknown>): TriggerEvent {
	if (isCallCallback(body)) return CALL_EVENT_OF[String(body.CallStatus)] ?? UNKNOWN_EVENT;
	const statusCallbackEvent =
		typeof body.StatusCallbackEvent === 'string' ? body.StatusCallbackEvent : '';
	if (!statusCallbackEvent) return UNKNOWN_EVENT;
	const known = KNOWN_EVENTS.find((event) => event === statusCallbackEvent);
	return known ?? SPEAKER_EVENT;
}

export function isWanted(event: TriggerEvent, selected: string[]): boolean {
	return selected.length === 0 || selected.includes(ANY_EVENT) || selected.includes(event);
}
