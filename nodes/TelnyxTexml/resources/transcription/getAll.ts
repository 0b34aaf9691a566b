import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { listFields } from '../../fields/descriptions';
import { texmlRouting } from '../../routing/routing';
import { simplifyResponse } from '../../routing/simplify';

export const getAllOperation: INodePropertyOptions = {
	name: 'Get Many',
	value: 'getAll',
	description:
		'List the transcriptions of the account, newest first, each with its recording SID and text',
	action: 'Get many transcriptions of recorded calls',
	routing: texmlRouting({
		method: 'GET',
		path: '/Transcriptions.json',
		postReceive: [simplifyResponse],
		repeatable: true,
		recordsKey: 'transcriptions',
	}),
};

export const getAllDescription: INodeProperties[] = listFields({
	resource: ['transcription'],
	operation: ['getAll'],
});
