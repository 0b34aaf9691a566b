import type { INodeProperties } from 'n8n-workflow';

import { accountSidField } from '../../fields/descriptions';
import { createDescription, createOperation } from './create';
import { callSidField } from './fields';
import { getOperation } from './get';
import { getAllDescription, getAllOperation } from './getAll';
import { hangUpOperation } from './hangUp';
import { redirectDescription, redirectOperation } from './redirect';

const showForResource = { resource: ['call'] };

/** TeXML calls: place one into a conference, follow it, move it, end it. */
export const callDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: showForResource },
		options: [createOperation, getOperation, getAllOperation, hangUpOperation, redirectOperation],
		default: 'create',
	},
	{
		...accountSidField,
		description:
			'The TeXML account the call belongs to: the organization ID of the API key’s Telnyx account',
		displayOptions: { show: showForResource },
	},
	{
		...callSidField,
		displayOptions: { show: { ...showForResource, operation: ['get', 'hangUp', 'redirect'] } },
	},
	...createDescription,
	...getAllDescription,
	...redirectDescription,
];
