import type {
	IDataObject,
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	INodeProperties,
	INodePropertyOptions,
} from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { listWithFilters } from '../../fields/descriptions';
import { texmlRouting } from '../../routing/routing';
import { simplifyResponse } from '../../routing/simplify';

const show = { resource: ['call'], operation: ['getAll'] };

/** A date filter of Telnyx's call list: a date only, no operator (the document has _gt/_lt instead). */
function dateFilter(displayName: string, name: string, property: string, description: string) {
	return {
		displayName,
		name,
		type: 'string' as const,
		default: '',
		placeholder: 'e.g. 2026-05-22',
		description: `${description} (YYYY-MM-DD)`,
		routing: { send: { type: 'query' as const, property } },
	};
}

const filters: INodeProperties[] = [
	dateFilter('End Time', 'endTime', 'EndTime', 'Only calls that ended on this date'),
	dateFilter(
		'End Time After',
		'endTimeAfter',
		'EndTime_gt',
		'Only calls that ended after this date',
	),
	dateFilter(
		'End Time Before',
		'endTimeBefore',
		'EndTime_lt',
		'Only calls that ended before this date',
	),
	{
		displayName: 'From',
		name: 'from',
		type: 'string',
		default: '',
		placeholder: 'e.g. +13125550100',
		description: 'Only calls from this number',
		routing: { send: { type: 'query', property: 'From' } },
	},
	dateFilter('Start Time', 'startTime', 'StartTime', 'Only calls that started on this date'),
	dateFilter(
		'Start Time After',
		'startTimeAfter',
		'StartTime_gt',
		'Only calls that started after this date',
	),
	dateFilter(
		'Start Time Before',
		'startTimeBefore',
		'StartTime_lt',
		'Only calls that started before this date',
	),
	{
		displayName: 'Status',
		name: 'status',
		type: 'options',
		// Telnyx filters by these only; a live call (ringing, in progress) cannot be asked for.
		options: [
			{ name: 'Busy', value: 'busy' },
			{ name: 'Canceled', value: 'canceled' },
			{ name: 'Completed', value: 'completed' },
			{ name: 'Failed', value: 'failed' },
			{ name: 'No Answer', value: 'no-answer' },
		],
		default: 'completed',
		description: 'Only ended calls with this outcome (Telnyx cannot filter for live calls)',
		routing: { send: { type: 'query', property: 'Status' } },
	},
	{
		displayName: 'To',
		name: 'to',
		type: 'string',
		default: '',
		placeholder: 'e.g. +13125550123',
		description: 'Only calls to this number',
		routing: { send: { type: 'query', property: 'To' } },
	},
];

const LABELS: Record<string, string> = Object.fromEntries(
	filters.map((o) => [String((o.routing?.send as { property?: string })?.property), o.displayName]),
);

function isDate(text: string): boolean {
	const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
	if (!match) return false;
	const [, year, month, day] = match.map(Number);
	const date = new Date(Date.UTC(year, month - 1, day));
	return date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** preSend: drops filters left empty and refuses dates Telnyx could not read, before sending. */
async function checkCallFilters(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const qs: IDataObject = {};
	for (const [key, value] of Object.entries(requestOptions.qs ?? {})) {
		if (value === undefined || value === null) continue;
		if (typeof value === 'object') {
			throw new NodeOperationError(
				this.getNode(),
				`The "${LABELS[key] ?? key}" filter must be text. Map a single value, not an object or a list.`,
				{
					description: 'Nothing was sent to Telnyx for this item.',
					itemIndex: this.getItemIndex(),
				},
			);
		}
		const text = String(value).trim();
		if (text === '') continue;
		if (/^(Start|End)Time/.test(key) && !isDate(text)) {
			throw new NodeOperationError(
				this.getNode(),
				`The "${LABELS[key]}" filter is not a date Telnyx understands: it is "${text}". Enter a date as YYYY-MM-DD, e.g. 2026-05-22.`,
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

export const getAllOperation: INodePropertyOptions = {
	name: 'Get Many',
	value: 'getAll',
	description: 'List the calls of the account, to find one by number, outcome or date',
	action: 'Get many calls to find a conference caller by number',
	routing: texmlRouting({
		method: 'GET',
		path: '/Calls',
		checks: [checkCallFilters],
		postReceive: [simplifyResponse],
		repeatable: true,
		recordsKey: 'calls',
	}),
};

export const getAllDescription: INodeProperties[] = listWithFilters(show, filters);
