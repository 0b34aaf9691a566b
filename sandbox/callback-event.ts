/**
 * A callback whose fields its own module composes (media streams, SIPREC sessions, AI
 * conversations): the store emits it, and the sender (events.ts) signs and delivers it as given.
 */
export interface CallbackEvent {
	type: 'callback';
	callback: { url: string; method: 'GET' | 'POST' };
	fields: Record<string, string>;
}

/** ISO 8601 UTC without milliseconds, as in Telnyx's callback examples. */
export const isoSeconds = (date: Date) => date.toISOString().replace(/\.\d{3}Z$/, 'Z');
