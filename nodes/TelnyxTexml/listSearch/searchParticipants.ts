import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { encodePathSegment } from '../routing/path';
import { readTexmlPages, texmlAccountUrl, typed } from './texmlList';

/** A conference rarely has more participants than this many pages hold. */
const MAX_PAGES = 10;

function state(participant: IDataObject): string {
	const parts = [participant.muted ? 'muted' : 'unmuted'];
	if (participant.hold) parts.push('on hold');
	if (participant.coaching) parts.push('coaching');
	if (participant.status && participant.status !== 'connected')
		parts.push(String(participant.status));
	return parts.join(', ');
}

/** The participants of the conference picked above, with their label (when Telnyx gives one) or call SID. */
export async function searchParticipants(
	this: ILoadOptionsFunctions,
	filter?: string,
): Promise<INodeListSearchResult> {
	const conference = typed(this, 'conferenceSid');
	if (!conference) return { results: [] };
	const url = `${await texmlAccountUrl(this)}/Conferences/${encodePathSegment(conference)}/Participants`;
	const { records } = await readTexmlPages(this, url, 'participants', MAX_PAGES);
	const needle = (filter ?? '').trim().toLowerCase();
	const results = records
		.filter(
			(p) =>
				!needle ||
				[p.label, p.call_sid].some((v) =>
					String(v ?? '')
						.toLowerCase()
						.includes(needle),
				),
		)
		.map((p) => {
			const label = typeof p.label === 'string' && p.label ? `${p.label} · ` : '';
			return { name: `${label}${String(p.call_sid)} (${state(p)})`, value: String(p.call_sid) };
		});
	return { results };
}
