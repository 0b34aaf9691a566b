import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { listFields } from '../../shared/descriptions';
import { texmlRouting } from '../../shared/routing';

export const getAllOperation: INodePropertyOptions = {
	name: 'Get Many',
	value: 'getAll',
	description: 'List the participants in a conference',
	action: 'Get many participants in conference',
	routing: texmlRouting({ method: 'GET', path: '/Conferences/{conferenceSid}/Participants' }),
};

export const getAllDescription: INodeProperties[] = listFields({ resource: ['conferenceParticipant'], operation: ['getAll'] });
