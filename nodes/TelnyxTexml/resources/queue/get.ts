import type { INodePropertyOptions } from 'n8n-workflow';

import { texmlRouting } from '../../routing/routing';
import { simplifyResponse } from '../../routing/simplify';

export const getOperation: INodePropertyOptions = {
	name: 'Get',
	value: 'get',
	description: 'Get a queue: how many calls wait in it, its max size and the average wait',
	action: 'Get a call queue',
	routing: texmlRouting({
		method: 'GET',
		path: '/Queues/{queueSid}',
		postReceive: [simplifyResponse],
		repeatable: true,
	}),
};
