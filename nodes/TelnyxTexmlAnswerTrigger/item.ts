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
