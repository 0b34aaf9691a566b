import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';
import { updateDisplayOptions } from '../../fields/display';

import { texmlRouting } from '../../routing/routing';
import { simplifyResponse } from '../../routing/simplify';

const statusField: INodeProperties = {
	displayName: 'Status',
	name: 'status',
	type: 'options',
	required: true,
	options: [
		{
			name: 'Pause',
			value: 'paused',
			description: 'Stop recording for now, e.g. during card details',
		},
		{ name: 'Resume', value: 'in-progress', description: 'Go on recording after a pause' },
		{ name: 'Stop', value: 'stopped', description: 'End the recording; its audio becomes ready' },
	],
	default: 'paused',
	description: 'What to do with the recording',
	routing: { send: { type: 'body', property: 'Status' } },
};

export const updateOperation: INodePropertyOptions = {
	name: 'Update',
	value: 'update',
	description: 'Pause, resume or stop the recording of a live call',
	action: 'Pause or resume or stop a call recording',
	routing: texmlRouting({
		method: 'POST',
		path: '/Calls/{callSid}/Recordings/{recordingSid}.json',
		form: { properties: [statusField] },
		postReceive: [simplifyResponse],
		repeatable: true,
	}),
};

export const updateDescription: INodeProperties[] = updateDisplayOptions(
	{ show: { resource: ['callRecording'], operation: ['update'] } },
	[statusField],
);
