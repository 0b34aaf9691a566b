import type {
	IDataObject,
	IHttpRequestOptions,
	IN8nHttpFullResponse,
	INode,
	JsonObject,
} from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import type { Attempt } from './attempt';
import { telnyxApiError } from './errors';

/**
 * Sends one authenticated request through the sending core (sendAuthenticated in core.ts);
 * errors are named after `attempt`.
 */
export type AuthenticatedRequest = (
	options: IHttpRequestOptions,
	attempt: Attempt,
) => Promise<IN8nHttpFullResponse>;

const LOOK_UP = {
	action: 'look up the account SID of the API key',
	notFound: {
		what: 'Could not look up the account SID of the API key: the Base URL of the credential has no Telnyx /whoami',
		next: 'Correct the Base URL (https://api.telnyx.com/v2), or enter the Account SID.',
	},
};

/** How to avoid the look-up, added to an error answer. */
function withHint(error: NodeApiError): NodeApiError {
	error.description = [
		error.description,
		'Enter the Account SID (the organization ID of the key’s Telnyx account) to skip this look-up.',
	]
		.filter(Boolean)
		.join('\n');
	return error;
}

/**
 * Asks Telnyx which organization the API key belongs to: its `organization_id` is the TeXML
 * account SID. `send` goes through the sending core (limited, retried, Telnyx errors mapped as
 * this look-up); an error answer gets a word on how to avoid the look-up.
 */
export async function fetchAccountSid(
	node: INode,
	baseUrl: string,
	send: AuthenticatedRequest,
	itemIndex?: number,
): Promise<string> {
	let response: IN8nHttpFullResponse;
	try {
		response = await send({ method: 'GET', url: `${baseUrl}/whoami` }, LOOK_UP);
	} catch (error) {
		const failure =
			error instanceof NodeApiError
				? error
				: new NodeApiError(node, error as JsonObject, { itemIndex });
		// Telnyx's answer (an HTTP status) gets the hint; a network failure is clear as it is.
		throw failure.httpCode && /^\d+$/.test(failure.httpCode) ? withHint(failure) : failure;
	}
	const id = ((response.body as IDataObject | undefined)?.data as IDataObject | undefined)
		?.organization_id;
	if (typeof id === 'string' && id.trim() !== '') return id.trim();
	throw withHint(telnyxApiError(node, 502, response.body, itemIndex, LOOK_UP));
}

/**
 * Look-ups of the current executions, keyed by execution and credential. Items of one execution
 * run concurrently, so they share the in-flight promise; a failed look-up stays cached too, so a
 * bad key costs one request per execution, not one per item. Old executions fall out first.
 */
const MAX_ENTRIES = 50;
const lookups = new Map<string, Promise<string>>();

export async function accountSidFor(
	key: string | undefined,
	lookUp: () => Promise<string>,
): Promise<string> {
	if (key === undefined) return await lookUp();
	let pending = lookups.get(key);
	if (!pending) {
		pending = lookUp();
		pending.catch(() => {}); // handled by whoever awaits it
		lookups.set(key, pending);
		while (lookups.size > MAX_ENTRIES) lookups.delete(lookups.keys().next().value as string);
	}
	return await pending;
}
