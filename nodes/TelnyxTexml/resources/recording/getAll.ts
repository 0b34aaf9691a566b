import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { checkFilters, dateCreatedFilter } from '../../fields/dateFilter';
import { listWithFilters } from '../../fields/descriptions';
import { texmlRouting } from '../../routing/routing';
import { simplifyResponse } from '../../routing/simplify';

const show = { resource: ['recording'], operation: ['getAll'] };

const filters: INodeProperties[] = [dateCreatedFilter('recordings')];

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

export const getAllDescription: INodeProperties[] = listWithFilters(show, filters);
