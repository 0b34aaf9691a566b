import type {
	IExecuteSingleFunctions,
	INodeExecutionData,
	INodePropertyOptions,
} from 'n8n-workflow';

import { texmlRouting } from '../../routing/routing';

/** Telnyx answers 204 with no body; the output says what was deleted instead. */
async function describeDeletion(this: IExecuteSingleFunctions): Promise<INodeExecutionData[]> {
	const sid = String(this.getNodeParameter('recordingSid', '')).trim();
	return [{ json: { deleted: true, recording_sid: sid } }];
}

export const deleteOperation: INodePropertyOptions = {
	name: 'Delete',
	value: 'delete',
	description: 'Delete a recording for good, e.g. once its audio is stored elsewhere',
	action: 'Delete a call or conference recording',
	routing: texmlRouting({
		method: 'DELETE',
		path: '/Recordings/{recordingSid}.json',
		headers: { Accept: '*/*' },
		postReceive: [describeDeletion],
		repeatable: true,
	}),
};
