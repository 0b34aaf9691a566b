import type { INodeProperties } from 'n8n-workflow';

import { accountSidField, operationField, transcriptionSidField } from '../../fields/descriptions';
import { deleteOperation } from './delete';
import { getOperation } from './get';
import { getAllDescription, getAllOperation } from './getAll';

const showForResource = { resource: ['transcription'] };

export const transcriptionDescription: INodeProperties[] = [
	operationField('transcription', [deleteOperation, getOperation, getAllOperation], 'get'),
	{ ...accountSidField, displayOptions: { show: showForResource } },
	{
		...transcriptionSidField,
		displayOptions: { show: { ...showForResource, operation: ['delete', 'get'] } },
	},
	...getAllDescription,
];
