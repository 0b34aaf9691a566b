import type { INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from '../../fields/display';

import { accountSidField, operationField } from '../../fields/descriptions';
import { createEssentials, createOperation, createOptions } from './create';
import { callSidField } from './fields';
import { getOperation } from './get';
import { getAllDescription, getAllOperation } from './getAll';
import { hangUpOperation } from './hangUp';
import { instructionFields } from './instructions';
import { redirectDescription, redirectOperation } from './redirect';

const showForResource = { resource: ['call'] };

/** TeXML calls: place one into a conference, follow it, move it, end it. */
export const callDescription: INodeProperties[] = [
	operationField(
		'call',
		[createOperation, getOperation, getAllOperation, hangUpOperation, redirectOperation],
		'create',
	),
	{ ...accountSidField, displayOptions: { show: showForResource } },
	{
		...callSidField,
		displayOptions: { show: { ...showForResource, operation: ['get', 'hangUp', 'redirect'] } },
	},
	...createEssentials,
	// What the call does: the same fields for Create and Redirect.
	...updateDisplayOptions(
		{ show: { ...showForResource, operation: ['create', 'redirect'] } },
		instructionFields,
	),
	...createOptions,
	...getAllDescription,
	...redirectDescription,
];
