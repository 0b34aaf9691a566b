import type { IDataObject } from 'n8n-workflow';

/**
 * What a request to the Voice URL or an action URL is. The builder (Telnyx TeXML Response) adds
 * `?event=…` when it points an action at this trigger; otherwise the fields tell, as far as
 * Telnyx documents them (Gather: Digits / SpeechResult; Record: RecordingUrl). Telnyx documents
 * no field of a Dial's action request, so a Dial result is recognised only by the query.
 */
export const ANSWER_EVENTS = [
	'aiGather',
	'call',
	'dial',
	'enqueue',
	'gather',
	'record',
	'redirect',
] as const;
export type AnswerEvent = (typeof ANSWER_EVENTS)[number];

/**
 * The trigger's outputs with One Output per Event on, in this order: the incoming call first, then
 * the results of the verbs a Response node points back at the trigger.
 */
export const EVENT_OUTPUTS: ReadonlyArray<{ event: AnswerEvent; displayName: string }> = [
	{ event: 'call', displayName: 'Incoming Call' },
	{ event: 'gather', displayName: 'Gather' },
	{ event: 'record', displayName: 'Record' },
	{ event: 'dial', displayName: 'Dial' },
	{ event: 'enqueue', displayName: 'Enqueue' },
	{ event: 'aiGather', displayName: 'AI Gather' },
	{ event: 'redirect', displayName: 'Redirect' },
];

/** n8n's outputs expression (evaluated by the editor): one output, or one per event. */
export const OUTPUTS_EXPRESSION: `={{${string}}}` = `={{ $parameter.outputPerEvent ? ${JSON.stringify(
	EVENT_OUTPUTS.map(({ displayName }) => ({ type: 'main', displayName })),
)} : ["main"] }}`;

const isEvent = (value: unknown): value is AnswerEvent =>
	typeof value === 'string' && (ANSWER_EVENTS as readonly string[]).includes(value);

export function eventOf(fields: IDataObject, query: IDataObject): AnswerEvent {
	if (isEvent(query.event)) return query.event;
	if (fields.Digits !== undefined || fields.SpeechResult !== undefined) return 'gather';
	if (fields.RecordingUrl !== undefined) return 'record';
	if (fields.DialCallStatus !== undefined || fields.DialCallSid !== undefined) return 'dial';
	if (fields.QueueResult !== undefined) return 'enqueue';
	return 'call';
}

/** The item on the output of its event, the other outputs empty (n8n runs no branch for them). */
export function byEvent<T>(item: T, event: AnswerEvent): T[][] {
	return EVENT_OUTPUTS.map((output) => (output.event === event ? [item] : []));
}

/** The URL without its query: where the next step of the same call comes back to. */
export function withoutQuery(url: string): string {
	const at = url.indexOf('?');
	return at < 0 ? url : url.slice(0, at);
}

/**
 * The item the workflow starts with: every field Telnyx sent (the form body of a POST, the query
 * of a GET), what kind of request it is, the query of the URL called (state a workflow carries
 * from step to step, e.g. `?attempt=2`) and the trigger's own URL.
 */
export function answerItem(
	fields: IDataObject,
	query: IDataObject,
	webhookUrl: string,
): IDataObject {
	return { ...fields, event: eventOf(fields, query), query, webhookUrl: withoutQuery(webhookUrl) };
}
