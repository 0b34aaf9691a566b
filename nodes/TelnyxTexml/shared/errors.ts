import type {
	IExecuteSingleFunctions,
	IN8nHttpFullResponse,
	INode,
	INodeExecutionData,
	JsonObject,
} from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

/** One entry of Telnyx's `errors[]` envelope; TeXML 404s carry only `detail`. */
interface TelnyxError {
	code?: string | number;
	title?: string;
	detail?: string;
	source?: { pointer?: string; parameter?: string };
}

/** What to tell the user when Telnyx says little or nothing. */
const STATUS_HINTS: Record<number, { message: string; hint: string }> = {
	401: {
		message: 'Telnyx rejected the API key',
		hint: 'Check the API key in the Telnyx TeXML API credential (API Keys page of the Telnyx Portal).',
	},
	403: {
		message: 'The API key is not allowed to do this',
		hint: 'Use a key with access to TeXML (Programmable Voice), or ask the account owner to grant it.',
	},
	404: {
		message: 'The conference or participant was not found',
		hint: 'Check the conference SID and the participant (call SID or label); the participant may have left already. Telnyx also answers 404 when the account SID is not the one that owns the API key.',
	},
	408: { message: 'Telnyx timed out', hint: 'Try again in a moment.' },
	409: { message: 'Telnyx reported a conflict', hint: 'The resource changed meanwhile; try again.' },
	422: {
		message: 'Telnyx refused a value',
		hint: 'Check the fields named above against what the conference and participant allow.',
	},
	429: {
		message: 'Telnyx is rate limiting this API key',
		hint: 'Too many requests were sent at once; send fewer items per second.',
	},
};

/** One line per Telnyx error; the first one's detail is already the message, so it is not repeated. */
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

/** Builds the error for one failed Telnyx response: Telnyx's own words first, then what to do. */
export function telnyxApiError(
	node: INode,
	statusCode: number,
	responseBody: unknown,
	itemIndex?: number,
): NodeApiError {
	const body = parseBody(responseBody);
	const errors = (Array.isArray(body.errors) ? body.errors : []) as TelnyxError[];
	const first = errors[0] ?? {};
	const known = STATUS_HINTS[statusCode];
	const fallback =
		known?.message ??
		(statusCode >= 500 ? 'Telnyx could not process the request right now' : `Telnyx answered ${statusCode}`);
	const message =
		statusCode === 404 || statusCode === 401
			? `${fallback}${first.detail ? `: ${first.detail}` : ''}`
			: (first.detail ?? first.title ?? fallback);
	const details = errors.map(describeError).filter(Boolean);
	const hint = known?.hint ?? (statusCode >= 500 ? 'This is on the Telnyx side; try again later.' : undefined);
	return new NodeApiError(node, body, {
		message,
		description: [...details, hint].filter(Boolean).join('\n'),
		httpCode: String(statusCode),
		itemIndex,
	});
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
	throw telnyxApiError(this.getNode(), response.statusCode, response.body, this.getItemIndex());
}

/** What a network failure means for the user, by Node's error code. */
const NETWORK_FAILURES: Record<string, [string, string]> = {
	ECONNREFUSED: ['the connection was refused', 'Nothing answered at the Base URL of the credential. Check it, or try again later.'],
	ECONNRESET: ['the connection was cut', 'The connection was cut before Telnyx answered. Try again.'],
	ENOTFOUND: ['the host was not found', 'The host of the Base URL in the credential does not exist. Check it.'],
	ETIMEDOUT: ['the request timed out', 'Telnyx did not answer in time. Try again, or raise the timeout under Options.'],
	ECONNABORTED: ['the request timed out', 'Telnyx did not answer in time. Try again, or raise the timeout under Options.'],
};

/**
 * Replaces an error from the HTTP layer with one that carries no request details: the original
 * holds the request configuration, Authorization header included.
 */
export function withoutRequestDetails(node: INode, error: unknown, itemIndex?: number): unknown {
	if (error instanceof NodeApiError && error.httpCode && /^\d+$/.test(error.httpCode)) return error;
	if (error instanceof NodeApiError && error.errorResponse?.network_error) return error; // done already
	const source = error as { code?: string; cause?: { code?: string } };
	const code = source.code ?? source.cause?.code;
	if (!code && !(error instanceof NodeApiError)) return error;
	const [what, hint] = (code && NETWORK_FAILURES[code]) ?? [
		'the network failed',
		'Check the Base URL of the credential and the network, then try again.',
	];
	// The code stays out of `message` and `httpCode`: n8n swaps messages naming a known code for its generic text.
	return new NodeApiError(node, { network_error: code ?? 'unknown' } as JsonObject, {
		message: `Telnyx could not be reached: ${what}`,
		description: `${hint}${code ? ` (${code})` : ''}`,
		itemIndex,
	});
}
