import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';
import { updateDisplayOptions } from '../../fields/display';

import { announceFields } from '../../fields/descriptions';
import { texmlRouting } from '../../routing/routing';
import { simplifyResponse } from '../../routing/simplify';

const updateFields: INodeProperties = {
	displayName: 'Update Fields',
	name: 'updateFields',
	type: 'collection',
	placeholder: 'Add Field',
	default: {},
	options: [
		...announceFields('everyone in the conference'),
		{
			displayName: 'Status',
			name: 'status',
			type: 'options',
			options: [
				{
					name: 'Completed',
					value: 'completed',
					description: 'End the conference and hang up everyone',
				},
			],
			default: 'completed',
			description: 'Set to Completed to end the conference for all participants',
			routing: { send: { type: 'body', property: 'Status' } },
		},
	],
};

export const updateOperation: INodePropertyOptions = {
	name: 'Update',
	value: 'update',
	description: 'End a conference for everyone, or play an announcement to everyone in it',
	action: 'End a conference or play an announcement to everyone in it',
	routing: texmlRouting({
		method: 'POST',
		path: '/Conferences/{conferenceSid}',
		form: { properties: [updateFields] },
		postReceive: [simplifyResponse],
		repeatable: true,
	}),
};

export const updateDescription: INodeProperties[] = updateDisplayOptions(
	{ show: { resource: ['conference'], operation: ['update'] } },
	[updateFields],
);
