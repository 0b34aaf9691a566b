import type { INodePropertyOptions } from 'n8n-workflow';

import { texmlRouting } from '../../routing/routing';
import { simplifyResponse } from '../../routing/simplify';
import { maxSizeField } from './fields';

export const updateOperation: INodePropertyOptions = {
	name: 'Update',
	value: 'update',
	description: 'Change how many calls a queue holds at most',
	action: 'Update the max size of a call queue',
	routing: texmlRouting({
		method: 'POST',
		path: '/Queues/{queueSid}',
		form: { properties: [{ ...maxSizeField, required: true }] },
		postReceive: [simplifyResponse],
		repeatable: true,
	}),
};
