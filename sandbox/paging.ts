import { invalid } from './http';

/**
 * Twilio-style list pages as Telnyx serves them for TeXML: `{ <key>[], page, page_size, start,
 * end, uri, first_page_uri, next_page_uri }`, zero-indexed. The next page is addressed by Page,
 * PageSize and an opaque PageToken; filters ride along in every page URI.
 */
export interface PageRequest {
	/** The path in the page URIs, e.g. /v2/texml/Accounts/…/Conferences.json */
	path: string;
	query: URLSearchParams;
	/** Used when the request gives no PageSize. */
	defaultPageSize: number;
	/** Filter parameters to carry into the page URIs. */
	filters?: Record<string, string>;
	/** Recordings.json also links back. */
	withPrevious?: boolean;
}

/** Paging parameters are read case-insensitively: Telnyx's own URIs use both Page and page. */
function param(query: URLSearchParams, name: string): string | undefined {
	for (const [key, value] of query) if (key.toLowerCase() === name.toLowerCase()) return value;
	return undefined;
}

const token = (offset: number) => Buffer.from(`offset:${offset}`).toString('base64url');

function offsetOf(text: string): number | undefined {
	const match = /^offset:(\d+)$/.exec(Buffer.from(text, 'base64url').toString('utf8'));
	return match ? Number(match[1]) : undefined;
}

function wholeNumber(
	name: string,
	text: string | undefined,
	min: number,
	max: number,
): number | undefined {
	if (text === undefined) return undefined;
	const n = Number(text);
	if (!/^\d+$/.test(text) || n < min || n > max) {
		throw invalid(name, `${name} must be a whole number from ${min} to ${max}.`);
	}
	return n;
}

export function page<T>(key: string, records: T[], request: PageRequest) {
	const { query } = request;
	const size =
		wholeNumber('PageSize', param(query, 'PageSize'), 1, 1000) ?? request.defaultPageSize;
	const number = wholeNumber('Page', param(query, 'Page'), 0, 1_000_000) ?? 0;
	const pageToken = param(query, 'PageToken');
	let start = number * size;
	if (pageToken !== undefined) {
		const offset = offsetOf(pageToken);
		if (offset === undefined) throw invalid('PageToken', 'PageToken is not valid.');
		start = offset;
	}
	const items = records.slice(start, start + size);
	const uri = (n: number, offset?: number) => {
		const q = new URLSearchParams({ ...request.filters, Page: String(n), PageSize: String(size) });
		if (offset !== undefined && n > 0) q.set('PageToken', token(offset));
		return `${request.path}?${q.toString()}`;
	};
	const hasNext = start + size < records.length;
	return {
		[key]: items,
		page: number,
		page_size: size,
		start,
		end: start + Math.max(items.length - 1, 0),
		uri: uri(number, start),
		first_page_uri: uri(0),
		// Left out on the last (and first) page, as Telnyx's examples show: undefined is not serialised.
		next_page_uri: hasNext ? uri(number + 1, start + size) : undefined,
		...(request.withPrevious
			? { previous_page_uri: number > 0 ? uri(number - 1, Math.max(start - size, 0)) : undefined }
			: {}),
	};
}
