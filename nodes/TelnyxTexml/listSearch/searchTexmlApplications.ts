import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { apiBaseUrl, CREDENTIAL_TYPE } from '../../shared/constants';
import { sendAuthenticated } from '../transport/core';

/** Pages read per scroll of the picker; Telnyx gives up to 250 applications a page. */
const PAGES_PER_SCROLL = 4;
const PAGE_SIZE = 250;

/**
 * The account's TeXML applications (`GET /texml_applications`, JSON:API pages), by friendly name.
 * Telnyx filters by name only from three characters on, so shorter searches are matched here.
 * The pagination token is the next page's number.
 */
export async function searchTexmlApplications(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const baseUrl = apiBaseUrl((await this.getCredentials(CREDENTIAL_TYPE)).baseUrl);
	const needle = (filter ?? '').trim();
	const first = Number(paginationToken);
	let page = Number.isInteger(first) && first > 1 ? first : 1;
	const applications: IDataObject[] = [];
	let next: number | undefined;
	for (let read = 0; read < PAGES_PER_SCROLL; read++, page++) {
		const query = new URLSearchParams({
			'page[number]': String(page),
			'page[size]': String(PAGE_SIZE),
			sort: 'friendly_name',
		});
		if (needle.length >= 3) query.set('filter[friendly_name]', needle);
		const response = await sendAuthenticated(
			this,
			{ method: 'GET', url: `${baseUrl}/texml_applications?${query.toString()}` },
			{ attempt: { action: 'list the TeXML applications' } },
		);
		const body = (response.body ?? {}) as IDataObject;
		applications.push(...((Array.isArray(body.data) ? body.data : []) as IDataObject[]));
		const meta = (body.meta ?? {}) as IDataObject;
		next = Number(meta.page_number ?? page) < Number(meta.total_pages ?? 0) ? page + 1 : undefined;
		if (next === undefined) break;
	}
	const lower = needle.toLowerCase();
	const results = applications
		.filter(
			(a) =>
				!lower ||
				String(a.friendly_name ?? '')
					.toLowerCase()
					.includes(lower) ||
				String(a.id) === needle,
		)
		.map((a) => ({
			name: `${String(a.friendly_name || a.id)}${a.active === false ? ' (inactive)' : ''}`,
			value: String(a.id),
		}));
	return { results, paginationToken: next === undefined ? undefined : String(next) };
}
