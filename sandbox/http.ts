import type { IncomingHttpHeaders } from 'node:http';

/** What the sandbox saw on the wire, exactly as received. */
export interface RecordedRequest {
	method: string;
	/** The raw request target (path and query), not normalised or decoded. */
	url: string;
	headers: IncomingHttpHeaders;
	body: string;
	/** The status the sandbox answered with. */
	status?: number;
	/** The body the sandbox answered with, as sent ('' for none). */
	answer?: string;
	/** When the request was complete (the sandbox's clock: Date.now() but in tests). */
	receivedAt?: number;
	/** Requests being answered when this one was complete, itself included. */
	concurrent?: number;
	/** A fault the sandbox injected on purpose (see faults.ts). */
	fault?: 'rate-limited' | '503' | 'reset' | 'lost';
}

export interface Reply {
	status: number;
	body?: unknown;
	headers?: Record<string, string>;
}

export interface TelnyxErrorEntry {
	code: string;
	title: string;
	detail: string;
	source?: { pointer?: string; parameter?: string };
}

export class HttpError extends Error {
	constructor(
		readonly status: number,
		readonly errors: TelnyxErrorEntry[],
		readonly headers: Record<string, string> = {},
	) {
		super(errors[0]?.detail ?? String(status));
	}
}

export const notFound = () =>
	new HttpError(404, [{ detail: 'Resource not found' } as TelnyxErrorEntry]);

export const invalid = (field: string, detail: string) =>
	new HttpError(422, [
		{ code: '10015', title: 'Invalid parameter', detail, source: { pointer: `/${field}` } },
	]);

export const unauthorized = () =>
	new HttpError(401, [
		{
			code: '10009',
			title: 'Authentication failed',
			detail: 'The API key looks malformed or is not valid. Check that you copied it correctly.',
		},
	]);

/** Parses an application/x-www-form-urlencoded body; a repeated key keeps its last value. */
export function parseForm(body: string): Record<string, string> {
	return Object.fromEntries(new URLSearchParams(body));
}
