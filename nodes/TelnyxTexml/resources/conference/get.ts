import type { INodePropertyOptions } from 'n8n-workflow';

import { texmlRouting } from '../../routing/routing';
import { simplifyResponse } from '../../routing/simplify';

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
