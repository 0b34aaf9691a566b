import type { IDataObject, IHttpRequestOptions, IN8nHttpFullResponse, INode } from 'n8n-workflow';

import { telnyxApiError, withoutRequestDetails } from './errors';

/** Sends one authenticated request with the node's credential (execute or load-options helpers). */
export type AuthenticatedRequest = (options: IHttpRequestOptions) => Promise<IN8nHttpFullResponse>;

const LOOK_UP = {
	action: 'look up the account SID of the API key',
	notFound: {
		what: 'Could not look up the account SID of the API key: the Base URL of the credential has no Telnyx /whoami',
		next: 'Correct the Base URL (https://api.telnyx.com/v2), or enter the Account SID.',
	},
};

/**
 * Asks Telnyx which organization the API key belongs to: its `organization_id` is the TeXML
 * account SID. Errors are mapped like every other Telnyx error, with a word on how to avoid the
 * look-up.
 */
export async function fetchAccountSid(
	node: INode,
	baseUrl: string,
	send: AuthenticatedRequest,
	itemIndex?: number,
): Promise<string> {
	let response: IN8nHttpFullResponse;
	try {
		response = await send({
			method: 'GET',
			url: `${baseUrl}/whoami`,
			headers: { Accept: 'application/json' },
			json: true,
			returnFullResponse: true,
			ignoreHttpStatusErrors: true,
		});
	} catch (error) {
		throw withoutRequestDetails(node, error, itemIndex, LOOK_UP);
	}
	const id = ((response.body as IDataObject | undefined)?.data as IDataObject | undefined)?.organization_id;
	if (response.statusCode < 400 && typeof id === 'string' && id.trim() !== '') return id.trim();
	const error = telnyxApiError(
		node,
		response.statusCode < 400 ? 502 : response.statusCode,
		response.body,
		itemIndex,
		LOOK_UP,
	);
	error.description = [
		error.description,
		'Enter the Account SID (the organization ID of the key’s Telnyx account) to skip this look-up.',
	]
		.filter(Boolean)
		.join('\n');
	throw error;
}

/**
 * Look-ups of the current executions, keyed by execution and credential. Items of one execution
 * run concurrently, so they share the in-flight promise; a failed look-up stays cached too, so a
 * bad key costs one request per execution, not one per item. Old executions fall out first.
 */
const MAX_ENTRIES = 50;
const lookups = new Map<string, Promise<string>>();

export async function accountSidFor(key: string | undefined, lookUp: () => Promise<string>): Promise<string> {
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
