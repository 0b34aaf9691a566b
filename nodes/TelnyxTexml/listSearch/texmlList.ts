import type { IDataObject, IHttpRequestOptions, ILoadOptionsFunctions, IN8nHttpFullResponse } from 'n8n-workflow';

import { fetchAccountSid } from '../shared/account';
import { apiBaseUrl, CREDENTIAL_TYPE } from '../shared/constants';
import { telnyxApiError, withoutRequestDetails } from '../shared/errors';
import { nextPageUrl } from '../shared/pagination';
import { encodePathSegment } from '../shared/path';

/** Pages a picker reads at most; a picker is for choosing, Get Many is for reading everything. */
const MAX_PAGES = 10;

async function send(context: ILoadOptionsFunctions, options: IHttpRequestOptions): Promise<IN8nHttpFullResponse> {
	try {
		return await context.helpers.httpRequestWithAuthentication.call(context, CREDENTIAL_TYPE, {
			headers: { Accept: 'application/json' },
			json: true,
			returnFullResponse: true,
			ignoreHttpStatusErrors: true,
			...options,
		});
	} catch (error) {
		throw withoutRequestDetails(context.getNode(), error);
	}
}

/** A parameter as typed in the panel; an expression cannot be resolved while picking, so it counts as empty. */
function typed(context: ILoadOptionsFunctions, name: string): string {
	const value = context.getCurrentNodeParameter(name, { extractValue: true });
	return typeof value === 'string' && !value.startsWith('=') ? value.trim() : '';
}

/**
 * Reads a TeXML list for a picker: `/texml/Accounts/{account}` + `path`, every page up to a cap.
 * The account is the Account SID field, or the API key's when it is empty.
 */
export async function readTexmlList(
	context: ILoadOptionsFunctions,
	path: (segment: (value: string) => string) => string,
	itemsKey: string,
): Promise<IDataObject[]> {
	const credentials = await context.getCredentials(CREDENTIAL_TYPE);
	const baseUrl = apiBaseUrl(credentials.baseUrl);
	const node = context.getNode();
	const account =
		typed(context, 'accountSid') ||
		(await fetchAccountSid(node, baseUrl, async (options) => await send(context, options)));
	let url = `${baseUrl}/texml/Accounts/${encodePathSegment(account)}${path(encodePathSegment)}`;
	const records: IDataObject[] = [];
	for (let page = 0; page < MAX_PAGES; page++) {
		const response = await send(context, { method: 'GET', url });
		if (response.statusCode >= 400) throw telnyxApiError(node, response.statusCode, response.body);
		const body = (response.body ?? {}) as IDataObject;
		records.push(...((Array.isArray(body[itemsKey]) ? body[itemsKey] : []) as IDataObject[]));
		const next = nextPageUrl(node, baseUrl, body.next_page_uri);
		if (!next) break;
		url = next.href;
	}
	return records;
}

export { typed };
