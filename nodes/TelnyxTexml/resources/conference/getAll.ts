import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { checkFilters, DATE_HELP, dateCreatedFilter } from '../../fields/dateFilter';
import { listWithFilters } from '../../fields/descriptions';
import { texmlRouting } from '../../routing/routing';
import { simplifyResponse } from '../../routing/simplify';

const show = { resource: ['conference'], operation: ['getAll'] };

const filters: INodeProperties[] = [
	dateCreatedFilter('conferences'),
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
];

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

export const getAllDescription: INodeProperties[] = listWithFilters(show, filters);
