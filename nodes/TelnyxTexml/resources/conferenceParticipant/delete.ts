import type {
	IExecuteSingleFunctions,
	INodeExecutionData,
	INodePropertyOptions,
} from 'n8n-workflow';

import { texmlRouting } from '../../routing/routing';

/** Telnyx answers 204 with no body; the output says what was removed instead. */
async function describeRemoval(this: IExecuteSingleFunctions): Promise<INodeExecutionData[]> {
	const value = (name: string) =>
		String(this.getNodeParameter(name, '', { extractValue: true })).trim();
	return [
		{
			json: {
				deleted: true,
				conference_sid: value('conferenceSid'),
				participant: value('participant'),
			},
		},
	];
}

export const deleteOperation: INodePropertyOptions = {
	name: 'Delete',
	value: 'delete',
	description: 'Remove a participant from the conference, hanging up its call',
	action: 'Remove a participant from a conference and hang up',
	routing: texmlRouting({
		method: 'DELETE',
		path: '/Conferences/{conferenceSid}/Participants/{participant}',
		headers: { Accept: '*/*' },
		postReceive: [describeRemoval],
		repeatable: true,
	}),
};
