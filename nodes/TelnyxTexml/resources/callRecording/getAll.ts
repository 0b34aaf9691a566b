import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { listFields } from '../../fields/descriptions';
import { texmlRouting } from '../../routing/routing';
import { simplifyResponse } from '../../routing/simplify';

export const getAllOperation: INodePropertyOptions = {
	name: 'Get Many',
	value: 'getAll',
	description: 'List the recordings of a call, with their status and download links',
	action: 'Get many recordings of a call',
	routing: texmlRouting({
		method: 'GET',
		path: '/Calls/{callSid}/Recordings.json',
		postReceive: [simplifyResponse],
		repeatable: true,
		recordsKey: 'recordings',
	}),
};

export const getAllDescription: INodeProperties[] = listFields({
	resource: ['callRecording'],
	operation: ['getAll'],
});
