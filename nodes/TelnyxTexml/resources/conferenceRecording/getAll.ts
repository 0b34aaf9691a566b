import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { listFields } from '../../shared/descriptions';
import { throwOnTelnyxError } from '../../shared/errors';
import { texmlPath } from '../../shared/request';

export const getAllOperation: INodePropertyOptions = {
	name: 'Get Many',
	value: 'getAll',
	description: 'List the recordings of a conference, with their media URLs',
	action: 'Get many conference recordings',
	routing: {
		request: { method: 'GET', ignoreHttpStatusErrors: true },
		send: { preSend: [texmlPath('/Conferences/{conferenceSid}/Recordings')] },
		output: { postReceive: [throwOnTelnyxError] },
	},
};

export const getAllDescription: INodeProperties[] = listFields({ resource: ['conferenceRecording'], operation: ['getAll'] });
