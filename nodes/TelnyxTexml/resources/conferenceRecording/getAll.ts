import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { listFields } from '../../fields/descriptions';
import { texmlRouting } from '../../routing/routing';
import { simplifyResponse } from '../../routing/simplify';

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
