import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { listFields } from '../../shared/descriptions';
import { throwOnTelnyxError } from '../../shared/errors';
import { texmlPath } from '../../shared/request';

export const getAllOperation: INodePropertyOptions = {
	name: 'Get Many',
	value: 'getAll',
	description: 'List the participants in a conference',
	action: 'Get many participants in conference',
	routing: {
		request: { method: 'GET', ignoreHttpStatusErrors: true },
		send: { preSend: [texmlPath('/Conferences/{conferenceSid}/Participants')] },
		output: { postReceive: [throwOnTelnyxError] },
	},
};

export const getAllDescription: INodeProperties[] = listFields({ resource: ['conferenceParticipant'], operation: ['getAll'] });
