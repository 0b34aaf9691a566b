import type {
	IDataObject,
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	INodeProperties,
	INodePropertyOptions,
} from 'n8n-workflow';
import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';

import { listFields } from '../../fields/descriptions';
import { texmlRouting } from '../../routing/routing';
import { simplifyResponse } from '../../routing/simplify';

const show = { resource: ['conference'], operation: ['getAll'] };

const DATE_HELP =
	'A date as YYYY-MM-DD, optionally after one of Telnyx’s operators <, <=, > or >= (e.g. >=2023-05-22 for that day or later)';

const filters: INodeProperties = {
	displayName: 'Filters',
	name: 'filters',
	type: 'collection',
	placeholder: 'Add Filter',
	default: {},
	options: [
		{
			displayName: 'Date Created',
			name: 'dateCreated',
			type: 'string',
			default: '',
			placeholder: 'e.g. >=2023-05-22',
			description: `Only conferences created on this date. ${DATE_HELP}.`,
			routing: { send: { type: 'query', property: 'DateCreated' } },
		},
		{
			displayName: 'Date Updated',
			name: 'dateUpdated',
			type: 'string',
			default: '',
			placeholder: 'e.g. <2023-05-22',
			description: `Only conferences last updated on this date. ${DATE_HELP}.`,
			routing: { send: { type: 'query', property: 'DateUpdated' } },
		},
		{
			displayName: 'Friendly Name',
			name: 'friendlyName',
			type: 'string',
			default: '',
			placeholder: 'e.g. weekly-sync',
			description:
				'Only conferences with exactly this name (the name given in the TeXML Conference verb)',
			routing: { send: { type: 'query', property: 'FriendlyName' } },
		},
		{
			displayName: 'Status',
			name: 'status',
			type: 'options',
			options: [
				{ name: 'Completed', value: 'completed', description: 'Conferences that have ended' },
				{ name: 'In Progress', value: 'in-progress', description: 'Live conferences' },
				{
					name: 'Init',
					value: 'init',
					description: 'Conferences waiting for their first participants',
				},
			],
			default: 'in-progress',
			description: 'Only conferences in this state',
			routing: { send: { type: 'query', property: 'Status' } },
		},
	],
};

const DATE_FILTER = /^(<=|>=|<|>)?(\d{4})-(\d{2})-(\d{2})$/;

function isDateFilter(text: string): boolean {
	const match = DATE_FILTER.exec(text);
	if (!match) return false;
	const [, , year, month, day] = match;
	const date = new Date(Date.UTC(Number(year), Number(month) - 1, Number(day)));
	return date.getUTCMonth() === Number(month) - 1 && date.getUTCDate() === Number(day);
}

/** preSend: drops filters left empty and refuses dates Telnyx could not read, before sending. */
async function checkFilters(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const qs: IDataObject = {};
	for (const [key, value] of Object.entries(requestOptions.qs ?? {})) {
		const text = typeof value === 'string' ? value.trim() : value;
		if (text === '' || text === undefined || text === null) continue;
		if ((key === 'DateCreated' || key === 'DateUpdated') && !isDateFilter(String(text))) {
			const label = key === 'DateCreated' ? 'Date Created' : 'Date Updated';
			throw new NodeOperationError(
				this.getNode(),
				`The "${label}" filter is not a date Telnyx understands: it is "${String(text)}". Enter ${DATE_HELP.replace(/^A /, 'a ')}.`,
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
	description:
		'List the conferences of the account, newest first, to find one by friendly name, status or date',
	action: 'Get many conferences to find one by name or status',
	routing: texmlRouting({
		method: 'GET',
		path: '/Conferences',
		checks: [checkFilters],
		postReceive: [simplifyResponse],
		repeatable: true,
		recordsKey: 'conferences',
	}),
};

export const getAllDescription: INodeProperties[] = [
	...listFields(show),
	...updateDisplayOptions({ show }, [filters]),
];
