import type { INodePropertyOptions } from 'n8n-workflow';

import { texmlRouting } from '../../routing/routing';
import { simplifyResponse } from '../../routing/simplify';

export const getOperation: INodePropertyOptions = {
	name: 'Get',
	value: 'get',
	description:
		'Get a recording by its SID: its call, conference, duration, channels and a download link',
	action: 'Get a call or conference recording by its SID',
	routing: texmlRouting({
		method: 'GET',
		path: '/Recordings/{recordingSid}.json',
		postReceive: [simplifyResponse],
		repeatable: true,
	}),
};
