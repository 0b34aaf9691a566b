import type { INodeProperties } from 'n8n-workflow';

import { accountSidField, conferenceField } from '../../fields/descriptions';
import { getOperation } from './get';
import { getAllDescription, getAllOperation } from './getAll';
import { updateDescription, updateOperation } from './update';

const showForResource = { resource: ['conference'] };

export const conferenceDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: showForResource },
		options: [getOperation, getAllOperation, updateOperation],
		default: 'get',
	},
	{ ...accountSidField, displayOptions: { show: showForResource } },
	{
		...conferenceField,
		displayOptions: { show: { ...showForResource, operation: ['get', 'update'] } },
	},
	...getAllDescription,
	...updateDescription,
];
