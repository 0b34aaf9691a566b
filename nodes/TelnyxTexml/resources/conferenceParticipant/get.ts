import type { INodePropertyOptions } from 'n8n-workflow';

import { texmlRouting } from '../../shared/routing';


export const getOperation: INodePropertyOptions = {
	name: 'Get',
	value: 'get',
	description: 'Get a participant: whether it is muted, on hold or coaching',
	action: 'Get participant in conference',
	routing: texmlRouting({ method: 'GET', path: '/Conferences/{conferenceSid}/Participants/{participant}' }),
};
