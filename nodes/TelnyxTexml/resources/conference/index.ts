import type { INodeProperties } from 'n8n-workflow';

import { accountSidField, conferenceField, operationField } from '../../fields/descriptions';
import { getOperation } from './get';
import { getAllDescription, getAllOperation } from './getAll';
import { updateDescription, updateOperation } from './update';

const showForResource = { resource: ['conference'] };

export const conferenceDescription: INodeProperties[] = [
	operationField('conference', [getOperation, getAllOperation, updateOperation], 'get'),
	{ ...accountSidField, displayOptions: { show: showForResource } },
	{
		...conferenceField,
		displayOptions: { show: { ...showForResource, operation: ['get', 'update'] } },
	},
	...getAllDescription,
	...updateDescription,
];
