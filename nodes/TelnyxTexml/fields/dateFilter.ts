import type {
	IDataObject,
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	INodeProperties,
} from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

/** How a date filter is written, for field descriptions and error messages. */
export const DATE_HELP =
	'A date as YYYY-MM-DD, optionally after one of Telnyx’s operators <, <=, > or >= (e.g. >=2023-05-22 for that day or later)';

/** The Date Created filter of a list of `things` (conferences, recordings), with Telnyx's operators. */
export const dateCreatedFilter = (things: string): INodeProperties => ({
	displayName: 'Date Created',
	name: 'dateCreated',
	type: 'string',
	default: '',
	placeholder: 'e.g. >=2023-05-22',
	description: `Only ${things} created on this date. ${DATE_HELP}.`,
	routing: { send: { type: 'query', property: 'DateCreated' } },
});

const DATE_FILTER = /^(<=|>=|<|>)?(\d{4})-(\d{2})-(\d{2})$/;

function isDateFilter(text: string): boolean {
	const match = DATE_FILTER.exec(text);
	if (!match) return false;
	const [, , year, month, day] = match;
	const date = new Date(Date.UTC(Number(year), Number(month) - 1, Number(day)));
	return date.getUTCMonth() === Number(month) - 1 && date.getUTCDate() === Number(day);
}

/** The query's date filters, by their Telnyx name, with the label the panel shows. */
const DATE_LABELS: Record<string, string> = {
	DateCreated: 'Date Created',
	DateUpdated: 'Date Updated',
};

/**
 * preSend of a list with filters: drops filters left empty and refuses dates Telnyx could not
 * read, before sending.
 */
export async function checkFilters(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const qs: IDataObject = {};
	for (const [key, value] of Object.entries(requestOptions.qs ?? {})) {
		const text = typeof value === 'string' ? value.trim() : value;
		if (text === '' || text === undefined || text === null) continue;
		if (DATE_LABELS[key] && !isDateFilter(String(text))) {
			throw new NodeOperationError(
				this.getNode(),
				`The "${DATE_LABELS[key]}" filter is not a date Telnyx understands: it is "${String(text)}". Enter ${DATE_HELP.replace(/^A /, 'a ')}.`,
				{
					description: 'Nothing was sent to Telnyx for this item.',
					itemIndex: this.getItemIndex(),
				},
			);
		}
		qs[key] = text;
	}
	requestOptions.qs = qs;
	return requestOptions;
}
