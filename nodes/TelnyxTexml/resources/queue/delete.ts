import type { INodePropertyOptions } from 'n8n-workflow';

import { summary } from '../../routing/output';
import { texmlRouting } from '../../routing/routing';

export const deleteOperation: INodePropertyOptions = {
	name: 'Delete',
	value: 'delete',
	description: 'Delete a call queue',
	action: 'Delete a call queue',
	routing: texmlRouting({
		method: 'DELETE',
		path: '/Queues/{queueSid}',
		headers: { Accept: '*/*' },
		// Telnyx answers 204 with no body; the output says what was deleted instead.
		postReceive: [summary((value) => ({ deleted: true, queue_sid: value('queueSid') }))],
		repeatable: true,
	}),
};
