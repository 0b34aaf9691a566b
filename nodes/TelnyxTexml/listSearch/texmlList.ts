import type { IDataObject, ILoadOptionsFunctions } from 'n8n-workflow';

import { fetchAccountSid } from '../transport/account';
import { apiBaseUrl, CREDENTIAL_TYPE } from '../../shared/constants';
import { nextPageUrl } from '../transport/pagination';
import { encodePathSegment } from '../routing/path';
import { sendAuthenticated } from '../transport/core';

/** A parameter as typed in the panel; an expression cannot be resolved while picking, so it counts as empty. */
export function typed(context: ILoadOptionsFunctions, name: string): string {
	const value = context.getCurrentNodeParameter(name, { extractValue: true });
	return typeof value === 'string' && !value.startsWith('=') ? value.trim() : '';
}

async function baseUrlOf(context: ILoadOptionsFunctions): Promise<string> {
	return apiBaseUrl((await context.getCredentials(CREDENTIAL_TYPE)).baseUrl);
}

/**
 * Where the account's TeXML resources are: `{baseUrl}/texml/Accounts/{account}`. The account is
 * the Account SID field, or the API key's when it is empty.
 */
export async function texmlAccountUrl(context: ILoadOptionsFunctions): Promise<string> {
	const baseUrl = await baseUrlOf(context);
	const account =
		typed(context, 'accountSid') ||
		(await fetchAccountSid(
			context.getNode(),
			baseUrl,
			async (options, attempt) => await sendAuthenticated(context, options, { attempt }),
		));
	return `${baseUrl}/texml/Accounts/${encodePathSegment(account)}`;
}

export interface TexmlPages {
	records: IDataObject[];
	/** Where the list goes on (a next_page_uri resolved against the Base URL), if it does. */
	next?: string;
}

/**
 * Reads up to `maxPages` pages of a TeXML list from `url`. `url` may be a `next` handed back by
 * the editor as a pagination token, so it is checked like any next_page_uri: same host only.
 */
export async function readTexmlPages(
	context: ILoadOptionsFunctions,
	url: string,
	itemsKey: string,
	maxPages: number,
): Promise<TexmlPages> {
	const node = context.getNode();
	const baseUrl = await baseUrlOf(context);
	let next = nextPageUrl(node, baseUrl, url)?.href;
	const records: IDataObject[] = [];
	for (let page = 0; next && page < maxPages; page++) {
		// Limited, retried and mapped like every other request: a busy Telnyx still answers the picker.
		const response = await sendAuthenticated(
			context,
			{ method: 'GET', url: next },
			{ attempt: { action: `list the ${itemsKey}` } },
		);
		const body = (response.body ?? {}) as IDataObject;
		records.push(...((Array.isArray(body[itemsKey]) ? body[itemsKey] : []) as IDataObject[]));
		next = nextPageUrl(node, baseUrl, body.next_page_uri)?.href;
	}
	return { records, next };
}
