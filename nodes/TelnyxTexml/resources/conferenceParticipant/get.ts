import type { INodePropertyOptions } from 'n8n-workflow';

import { texmlRouting } from '../../routing/routing';
import { simplifyResponse } from '../../routing/simplify';

export const getOperation: INodePropertyOptions = {
	name: 'Get',
	value: 'get',
	description: 'Get a participant: whether it is muted, on hold or coaching',
	action: 'Get a conference participant to check if muted or on hold',
	routing: texmlRouting({
		method: 'GET',
		path: '/Conferences/{conferenceSid}/Participants/{participant}',
		postReceive: [simplifyResponse],
		repeatable: true,
	}),
};
