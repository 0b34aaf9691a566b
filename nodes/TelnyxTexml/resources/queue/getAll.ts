import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { listFields } from '../../fields/descriptions';
import { texmlRouting } from '../../routing/routing';
import { simplifyResponse } from '../../routing/simplify';

export const getAllOperation: INodePropertyOptions = {
	name: 'Get Many',
	value: 'getAll',
	description: 'List the call queues of the account, each with the number of calls waiting',
	action: 'Get many call queues',
	routing: texmlRouting({
		method: 'GET',
		path: '/Queues',
		postReceive: [simplifyResponse],
		repeatable: true,
		recordsKey: 'queues',
	}),
};

export const getAllDescription: INodeProperties[] = listFields({
	resource: ['queue'],
	operation: ['getAll'],
});
