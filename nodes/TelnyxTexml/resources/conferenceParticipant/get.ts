import type { INodePropertyOptions } from 'n8n-workflow';

import { throwOnTelnyxError } from '../../shared/errors';
import { texmlPath } from '../../shared/request';

export const getOperation: INodePropertyOptions = {
	name: 'Get',
	value: 'get',
	description: 'Get a participant: whether it is muted, on hold or coaching',
	action: 'Get participant in conference',
	routing: {
		request: { method: 'GET', ignoreHttpStatusErrors: true },
		send: { preSend: [texmlPath('/Conferences/{conferenceSid}/Participants/{participant}')] },
		output: { postReceive: [throwOnTelnyxError] },
	},
};
