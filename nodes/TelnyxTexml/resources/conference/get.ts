import type { INodePropertyOptions } from 'n8n-workflow';

import { throwOnTelnyxError } from '../../shared/errors';
import { texmlPath } from '../../shared/request';

export const getOperation: INodePropertyOptions = {
	name: 'Get',
	value: 'get',
	description: 'Get a conference: its status, friendly name and why it ended',
	action: 'Get a conference',
	routing: {
		request: { method: 'GET', ignoreHttpStatusErrors: true },
		send: { preSend: [texmlPath('/Conferences/{conferenceSid}')] },
		output: { postReceive: [throwOnTelnyxError] },
	},
};
