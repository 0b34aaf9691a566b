import type { INodePropertyOptions } from 'n8n-workflow';

import { texmlRouting } from '../../shared/routing';


export const getOperation: INodePropertyOptions = {
	name: 'Get',
	value: 'get',
	description: 'Get a conference: its status, friendly name and why it ended',
	action: 'Get a conference',
	routing: texmlRouting({ method: 'GET', path: '/Conferences/{conferenceSid}' }),
};
