import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { readTexmlPages, texmlAccountUrl } from './texmlList';

const STATUS_TEXT: Record<string, string> = {
	'in-progress': 'in progress',
	init: 'waiting',
	completed: 'ended',
};

/** Live conferences are asked for separately, so they come first however long the history is. */
const MAX_LIVE_PAGES = 10;
/** Pages of the whole history per scroll of the picker. */
const PAGES_PER_SCROLL = 3;

function created(conference: IDataObject): number {
	const time = Date.parse(String(conference.date_created ?? ''));
	return Number.isNaN(time) ? 0 : time;
}

function when(time: number): string {
	return time
		? `${new Date(time).toISOString().slice(0, 16).replace('T', ' ')} UTC`
		: 'unknown date';
}

function matches(needle: string) {
	return (c: IDataObject) =>
		!needle ||
		String(c.friendly_name ?? '')
			.toLowerCase()
			.includes(needle) ||
		String(c.sid) === needle;
}

function item(c: IDataObject) {
	const status = STATUS_TEXT[String(c.status)] ?? String(c.status ?? 'unknown');
	return {
		name: `${String(c.friendly_name || c.sid)} (${status}, created ${when(created(c))})`,
		value: String(c.sid),
	};
}

/**
 * Conferences of the account, searchable by friendly name (Telnyx only filters by exact name, so
 * the search is done here): in-progress ones first, then the rest of the history, newest first,
 * a few pages per scroll.
 */
export async function searchConferences(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const needle = (filter ?? '').trim().toLowerCase();
	let live: IDataObject[] = [];
	let historyUrl = paginationToken;
	if (!historyUrl) {
		const conferences = `${await texmlAccountUrl(this)}/Conferences`;
		live = (
			await readTexmlPages(this, `${conferences}?Status=in-progress`, 'conferences', MAX_LIVE_PAGES)
		).records;
		live.sort((a, b) => created(b) - created(a));
		historyUrl = conferences;
	}
	const history = await readTexmlPages(this, historyUrl, 'conferences', PAGES_PER_SCROLL);
	const rest = history.records.filter((c) => c.status !== 'in-progress');
	return {
		results: [...live, ...rest].filter(matches(needle)).map(item),
		paginationToken: history.next,
	};
}
