import type { INodeProperties } from 'n8n-workflow';

import { accountSidField, transcriptionSidField } from '../../fields/descriptions';
import { deleteOperation } from './delete';
import { getOperation } from './get';
import { getAllDescription, getAllOperation } from './getAll';

const showForResource = { resource: ['transcription'] };

export const transcriptionDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: showForResource },
		options: [deleteOperation, getOperation, getAllOperation],
		default: 'get',
	},
	{ ...accountSidField, displayOptions: { show: showForResource } },
	{
		...transcriptionSidField,
		displayOptions: { show: { ...showForResource, operation: ['delete', 'get'] } },
	},
	...getAllDescription,
];
