import type {
	IExecuteSingleFunctions,
	IN8nHttpFullResponse,
	INode,
	INodeExecutionData,
	JsonObject,
} from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { attemptOf, type Attempt } from './attempt';
import { neverSent } from './retry';

/** One entry of Telnyx's `errors[]` envelope; TeXML 404s carry only `detail`. */
interface TelnyxError {
	code?: string | number;
	title?: string;
	detail?: string;
	source?: { pointer?: string; parameter?: string };
}

/** Why Telnyx refused, and the next step, by HTTP status. */
const STATUS_REASONS: Record<number, [reason: string, next: string]> = {
	401: [
		'Telnyx rejected the API key',
		'The API key in the Telnyx TeXML API credential must be corrected; trying again will not help.',
	],
	403: [
		'the API key is not allowed to do this',
		'Use an API key with access to TeXML (Programmable Voice); trying again will not help.',
	],
	404: [
		'Telnyx did not find it',
		'Check the conference SID and the participant’s call SID or label.',
	],
	408: ['Telnyx timed out', 'Try again in a moment.'],
	409: [
		'it was changed at the same time',
		'Get it again to see its current state before trying again.',
	],
	422: [
		'Telnyx refused the request',
		'Nothing was changed; sending the same request again will fail the same way.',
	],
	429: [
		'Telnyx is rate limiting this API key',
		'Wait a few seconds, then send fewer requests at once.',
	],
};

/** Telnyx's 404s may also mean an account SID that is not the key's own; that needs a person. */
const ACCOUNT_SID_NOTE =
	'Telnyx also answers 404 when the account SID is not the one that owns the API key (leave Account SID empty to use the key’s own).';

/** One message: what failed and for which IDs, Telnyx's own words, then the next step. */
function messageFor(statusCode: number, telnyxSaid: string | undefined, attempt?: Attempt): string {
	const said = telnyxSaid ? ` (Telnyx: ${telnyxSaid.trim().replace(/\.$/, '')})` : '';
	if (statusCode === 404 && attempt?.notFound)
		return `${attempt.notFound.what}${said}. ${attempt.notFound.next}`;
	const [reason, next] =
		STATUS_REASONS[statusCode] ??
		(statusCode >= 500
			? [
					`Telnyx answered with server error ${statusCode}`,
					'The problem is on the Telnyx side; try again later.',
				]
			: [`Telnyx answered ${statusCode}`, 'Check the request and the Base URL of the credential.']);
	// A timeout or server error does not say whether a dial was carried out.
	const unsure = attempt?.checkBeforeRepeating && (statusCode === 408 || statusCode >= 500);
	return `Could not ${attempt?.action ?? 'send the request to Telnyx'}: ${reason}${said}. ${unsure ? attempt.checkBeforeRepeating : next}`;
}

/** One line per Telnyx error, for the description (the first one's detail is in the message). */
function describeError(error: TelnyxError, index: number): string {
	const where = error.source?.pointer ?? error.source?.parameter;
	return [
		error.title,
		index > 0 && error.detail !== error.title ? error.detail : undefined,
		where ? `(field: ${where.replace(/^\//, '')})` : undefined,
		error.code !== undefined ? `[Telnyx code ${error.code}]` : undefined,
	]
		.filter(Boolean)
		.join(' ');
}

function parseBody(body: unknown): JsonObject {
	if (typeof body === 'string') {
		try {
			return JSON.parse(body) as JsonObject;
		} catch {
			return { raw: body.slice(0, 500) };
		}
	}
	return body && typeof body === 'object' ? (body as JsonObject) : {};
}

/** Builds the error for one failed Telnyx response: what failed, Telnyx's own words, what to do. */
export function telnyxApiError(
	node: INode,
	statusCode: number,
	responseBody: unknown,
	itemIndex?: number,
	attempt?: Attempt,
): NodeApiError {
	const body = parseBody(responseBody);
	const errors = (Array.isArray(body.errors) ? body.errors : []) as TelnyxError[];
	const first = errors[0] ?? {};
	const message = messageFor(statusCode, first.detail ?? first.title, attempt);
	const details = errors.map(describeError).filter(Boolean);
	const error = new NodeApiError(node, body, {
		message,
		description: [...details, statusCode === 404 ? ACCOUNT_SID_NOTE : undefined]
			.filter(Boolean)
			.join('\n'),
		httpCode: String(statusCode),
		itemIndex,
	});
	// Set again: n8n replaces a message that merely contains a network error code (an ID may).
	error.message = message;
	return error;
}

/**
 * First postReceive of every operation (requests run with ignoreHttpStatusErrors, so a 401 is sent
 * once and Telnyx's `errors[]` reach the user instead of n8n's generic status text).
 */
export async function throwOnTelnyxError(
	this: IExecuteSingleFunctions,
	items: INodeExecutionData[],
	response: IN8nHttpFullResponse,
): Promise<INodeExecutionData[]> {
	if (response.statusCode < 400) return items;
	throw telnyxApiError(
		this.getNode(),
		response.statusCode,
		response.body,
		this.getItemIndex(),
		attemptOf(this),
	);
}

/** What a network failure means, by Node's error code, and the next step. */
const NETWORK_FAILURES: Record<string, [string, string]> = {
	ECONNREFUSED: [
		'the connection was refused',
		'Check the Base URL of the credential, or try again later.',
	],
	ECONNRESET: ['the connection was cut', 'Try again.'],
	ENOTFOUND: [
		'the host was not found',
		'The host of the Base URL in the credential does not exist; correct it.',
	],
	ETIMEDOUT: ['the request timed out', 'Try again, or raise the timeout under Options.'],
	ECONNABORTED: ['the request timed out', 'Try again, or raise the timeout under Options.'],
};

/**
 * Replaces an error from the HTTP layer with one that carries no request details: the original
 * holds the request configuration, Authorization header included.
 */
export function withoutRequestDetails(
	node: INode,
	error: unknown,
	itemIndex?: number,
	attempt?: Attempt,
): unknown {
	if (error instanceof NodeApiError && error.httpCode && /^\d+$/.test(error.httpCode)) return error;
	if (error instanceof NodeApiError && error.errorResponse?.network_error) return error; // done already
	const source = error as { code?: string; cause?: { code?: string } };
	const code = source.code ?? source.cause?.code;
	if (!code && !(error instanceof NodeApiError)) return error;
	const [what, next] = (code && NETWORK_FAILURES[code]) ?? [
		'the network failed',
		'Check the Base URL of the credential and the network, then try again.',
	];
	const unsure = attempt?.checkBeforeRepeating && !neverSent({ code });
	const message = `Could not ${attempt?.action ?? 'send the request'}: Telnyx could not be reached, ${what}. ${unsure ? attempt.checkBeforeRepeating : next}`;
	const mapped = new NodeApiError(node, { network_error: code ?? 'unknown' } as JsonObject, {
		message,
		description: code ? `Network error ${code}` : undefined,
		itemIndex,
	});
	// The code stays out of `message` and `httpCode`, and the message is set again: n8n swaps
	// messages naming a known code for its generic text.
	mapped.message = message;
	return mapped;
}

/** Longer lists of failures name repeats once: a long rate-limit wait may send hundreds of times. */
const MAX_LISTED = 10;

/** Runs of the same failure as one entry: "HTTP 429 ×297". */
function collapsed(described: string[]): string[] {
	const runs: Array<{ words: string; count: number }> = [];
	for (const words of described) {
		const last = runs[runs.length - 1];
		if (last?.words === words) last.count++;
		else runs.push({ words, count: 1 });
	}
	return runs.map(({ words, count }) => (count > 1 ? `${words} ×${count}` : words));
}

/**
 * What the final error of an item adds when it was sent more than once, or when a dial is not sent
 * again: each failure in a few words (`described`), in order. Nothing for a single plain failure:
 * Telnyx's own answer says it all.
 */
export function sendingSummary(
	described: string[],
	dialMayHaveReached: boolean,
	notRepeated = 'Not sent again: the dial may have reached Telnyx. Check the conference before dialing again.',
): string | undefined {
	if (described.length === 1 && !dialMayHaveReached) return undefined;
	const listed = described.length > MAX_LISTED ? collapsed(described) : described;
	const tried = `Sent ${described.length} time${described.length === 1 ? '' : 's'}: ${listed.join(', ')}.`;
	if (!dialMayHaveReached) return tried;
	return `${tried}\n${notRepeated}`;
}

/** Added to the message of an item that waited too long for Telnyx's rate limit. */
export function rateLimitWaitNote(waitedMs: number, boundMs: number): string {
	const seconds = (ms: number) => String(Math.round(ms / 100) / 10);
	return `Waited ${seconds(waitedMs)} s in total for Telnyx’s rate limit, the most the credential’s Max Rate-Limit Wait allows (${seconds(boundMs)} s).`;
}
