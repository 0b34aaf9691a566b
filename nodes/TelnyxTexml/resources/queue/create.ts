import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { texmlRouting } from '../../routing/routing';
import { simplifyResponse } from '../../routing/simplify';
import { maxSizeField } from './fields';

const nameField: INodeProperties = {
	displayName: 'Friendly Name',
	name: 'friendlyName',
	type: 'string',
	default: '',
	placeholder: 'e.g. support',
	description: 'A name for the queue, e.g. the name TeXML’s Enqueue uses',
	routing: { send: { type: 'body', property: 'FriendlyName' } },
};

export const createOperation: INodePropertyOptions = {
	name: 'Create',
	value: 'create',
	description: 'Create a call queue that holds callers until an agent dequeues them',
	action: 'Create a call queue',
	// Creating twice makes two queues: sent again only when Telnyx cannot have processed it.
	routing: texmlRouting({
		method: 'POST',
		path: '/Queues',
		form: { properties: [nameField, maxSizeField] },
		postReceive: [simplifyResponse],
		repeatable: false,
	}),
};

export const createDescription: INodeProperties[] = [
	{ ...nameField, displayOptions: { show: { resource: ['queue'], operation: ['create'] } } },
];
