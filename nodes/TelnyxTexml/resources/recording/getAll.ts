import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { checkFilters, DATE_HELP } from '../../fields/dateFilter';
import { listFields } from '../../fields/descriptions';
import { texmlRouting } from '../../routing/routing';
import { simplifyResponse } from '../../routing/simplify';

const show = { resource: ['recording'], operation: ['getAll'] };

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
			description: `Only recordings created on this date. ${DATE_HELP}.`,
			routing: { send: { type: 'query', property: 'DateCreated' } },
		},
	],
};

export const getAllOperation: INodePropertyOptions = {
	name: 'Get Many',
	value: 'getAll',
	description:
		'List the recordings of the account (calls and conferences), newest first, optionally by date',
	action: 'Get many recordings of calls and conferences',
	routing: texmlRouting({
		method: 'GET',
		path: '/Recordings.json',
		checks: [checkFilters],
		postReceive: [simplifyResponse],
		repeatable: true,
		recordsKey: 'recordings',
	}),
};

export const getAllDescription: INodeProperties[] = [
	...listFields(show),
	...updateDisplayOptions({ show }, [filters]),
];
