import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { listFields } from '../../shared/descriptions';
import { texmlRouting } from '../../shared/routing';

export const getAllOperation: INodePropertyOptions = {
	name: 'Get Many',
	value: 'getAll',
	description: 'List the recordings of a conference, with their media URLs',
	action: 'Get many conference recordings',
	routing: texmlRouting({ method: 'GET', path: '/Conferences/{conferenceSid}/Recordings' }),
};

export const getAllDescription: INodeProperties[] = listFields({ resource: ['conferenceRecording'], operation: ['getAll'] });
