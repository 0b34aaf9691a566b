import type {
	IExecuteSingleFunctions,
	INodeExecutionData,
	INodePropertyOptions,
} from 'n8n-workflow';

import { texmlRouting } from '../../routing/routing';

/** Telnyx answers 204 with no body; the output says what was deleted instead. */
async function describeDeletion(this: IExecuteSingleFunctions): Promise<INodeExecutionData[]> {
	const sid = String(this.getNodeParameter('transcriptionSid', '')).trim();
	return [{ json: { deleted: true, transcription_sid: sid } }];
}

export const deleteOperation: INodePropertyOptions = {
	name: 'Delete',
	value: 'delete',
	description: 'Delete a transcription for good',
	action: 'Delete the transcription of a recorded call',
	routing: texmlRouting({
		method: 'DELETE',
		path: '/Transcriptions/{transcriptionSid}.json',
		headers: { Accept: '*/*' },
		postReceive: [describeDeletion],
		repeatable: true,
	}),
};
