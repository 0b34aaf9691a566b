import type { INodePropertyOptions } from 'n8n-workflow';

import { texmlRouting } from '../../routing/routing';
import { simplifyResponse } from '../../routing/simplify';

export const getOperation: INodePropertyOptions = {
	name: 'Get',
	value: 'get',
	description: 'Get a call: its status, who it is between, when it started and how long it lasted',
	action: 'Get the status of a conference call',
	routing: texmlRouting({
		method: 'GET',
		path: '/Calls/{callSid}',
		postReceive: [simplifyResponse],
		repeatable: true,
	}),
};
