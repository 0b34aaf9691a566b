import type { INodeProperties } from 'n8n-workflow';

import { accountSidField, operationField } from '../../fields/descriptions';
import { createDescription, createOperation } from './create';
import { deleteOperation } from './delete';
import { maxSizeField, queueSidField } from './fields';
import { getOperation } from './get';
import { getAllDescription, getAllOperation } from './getAll';
import { updateOperation } from './update';

const showForResource = { resource: ['queue'] };

/** TeXML call queues: where Enqueue holds callers until Dial → Queue takes them. */
export const queueDescription: INodeProperties[] = [
	operationField(
		'queue',
		[createOperation, deleteOperation, getOperation, getAllOperation, updateOperation],
		'get',
	),
	{ ...accountSidField, displayOptions: { show: showForResource } },
	{
		...queueSidField,
		displayOptions: { show: { ...showForResource, operation: ['delete', 'get', 'update'] } },
	},
	...createDescription,
	{
		...maxSizeField,
		displayOptions: { show: { ...showForResource, operation: ['create', 'update'] } },
	},
	...getAllDescription,
];
