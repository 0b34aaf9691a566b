import type { INodePropertyOptions } from 'n8n-workflow';

import { texmlRouting } from '../../shared/routing';
import { simplifyResponse } from '../../shared/simplify';

export const getOperation: INodePropertyOptions = {
	name: 'Get',
	value: 'get',
	description: 'Get a conference: whether it is live, its friendly name and why it ended',
	action: 'Get the status of a conference',
	routing: texmlRouting({
		method: 'GET',
		path: '/Conferences/{conferenceSid}',
		postReceive: [simplifyResponse],
		repeatable: true,
	}),
};
