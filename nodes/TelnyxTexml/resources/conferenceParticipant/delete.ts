import type {
	IExecuteSingleFunctions,
	INodeExecutionData,
	INodePropertyOptions,
} from 'n8n-workflow';

import { throwOnTelnyxError } from '../../shared/errors';
import { texmlPath } from '../../shared/request';

/** Telnyx answers 204 with no body; the output says what was removed instead. */
async function describeRemoval(
	this: IExecuteSingleFunctions,
): Promise<INodeExecutionData[]> {
	const value = (name: string) => String(this.getNodeParameter(name, '', { extractValue: true })).trim();
	return [{ json: { deleted: true, conference_sid: value('conferenceSid'), participant: value('participant') } }];
}

export const deleteOperation: INodePropertyOptions = {
	name: 'Delete',
	value: 'delete',
	description: 'Remove a participant from the conference, hanging up its call',
	action: 'Remove participant from conference',
	routing: {
		request: { method: 'DELETE', headers: { Accept: '*/*' }, ignoreHttpStatusErrors: true },
		send: { preSend: [texmlPath('/Conferences/{conferenceSid}/Participants/{participant}')] },
		output: { postReceive: [throwOnTelnyxError, describeRemoval] },
	},
};
