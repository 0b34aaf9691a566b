import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { listFields } from '../../shared/descriptions';
import { texmlRouting } from '../../shared/routing';
import { simplifyResponse } from '../../shared/simplify';

export const getAllOperation: INodePropertyOptions = {
	name: 'Get Many',
	value: 'getAll',
	description: 'List the recordings of a conference, with their media URLs',
	action: 'Get many recordings of a conference with their audio links',
	routing: texmlRouting({
		method: 'GET',
		path: '/Conferences/{conferenceSid}/Recordings',
		postReceive: [simplifyResponse],
		repeatable: true,
		recordsKey: 'recordings',
	}),
};

export const getAllDescription: INodeProperties[] = listFields({
	resource: ['conferenceRecording'],
	operation: ['getAll'],
});
