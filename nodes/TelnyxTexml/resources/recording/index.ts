import type { INodeProperties } from 'n8n-workflow';

import { accountSidField, operationField, recordingSidField } from '../../fields/descriptions';
import { deleteOperation } from './delete';
import { downloadDescription, downloadOperation } from './download';
import { getOperation } from './get';
import { getAllDescription, getAllOperation } from './getAll';

const showForResource = { resource: ['recording'] };

export const recordingDescription: INodeProperties[] = [
	operationField(
		'recording',
		[deleteOperation, downloadOperation, getOperation, getAllOperation],
		'download',
	),
	{ ...accountSidField, displayOptions: { show: showForResource } },
	{
		...recordingSidField,
		displayOptions: { show: { ...showForResource, operation: ['delete', 'download', 'get'] } },
	},
	...downloadDescription,
	...getAllDescription,
];
