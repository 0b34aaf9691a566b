import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { readTexmlList } from './texmlList';

/** Live conferences first: they are the ones a builder usually wants to act on. */
const STATUS_ORDER: Record<string, number> = { 'in-progress': 0, init: 1, completed: 2 };
const STATUS_TEXT: Record<string, string> = { 'in-progress': 'in progress', init: 'waiting', completed: 'ended' };

function created(conference: IDataObject): number {
	const time = Date.parse(String(conference.date_created ?? ''));
	return Number.isNaN(time) ? 0 : time;
}

function when(time: number): string {
	return time ? new Date(time).toISOString().slice(0, 16).replace('T', ' ') + ' UTC' : 'unknown date';
}

/** Conferences of the account, searchable by friendly name, in-progress ones first. */
export async function searchConferences(
	this: ILoadOptionsFunctions,
	filter?: string,
): Promise<INodeListSearchResult> {
	const conferences = await readTexmlList(this, () => '/Conferences', 'conferences');
	const needle = (filter ?? '').trim().toLowerCase();
	const results = conferences
		.filter((c) => !needle || String(c.friendly_name ?? '').toLowerCase().includes(needle) || String(c.sid) === needle)
		.sort(
			(a, b) =>
				(STATUS_ORDER[String(a.status)] ?? 3) - (STATUS_ORDER[String(b.status)] ?? 3) || created(b) - created(a),
		)
		.map((c) => {
			const status = STATUS_TEXT[String(c.status)] ?? String(c.status ?? 'unknown');
			return {
				name: `${String(c.friendly_name || c.sid)} (${status}, created ${when(created(c))})`,
				value: String(c.sid),
			};
		});
	return { results };
}
