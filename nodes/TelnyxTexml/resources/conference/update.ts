import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { httpMethodOptions } from '../../shared/descriptions';
import { throwOnTelnyxError } from '../../shared/errors';
import { formBody } from '../../shared/form';
import { texmlPath } from '../../shared/request';

const updateFields: INodeProperties = {
	displayName: 'Update Fields',
	name: 'updateFields',
	type: 'collection',
	placeholder: 'Add Field',
	default: {},
	options: [
		{
			displayName: 'Announce Method',
			name: 'announceMethod',
			type: 'options',
			options: httpMethodOptions,
			default: 'POST',
			description: 'The HTTP method Telnyx uses to fetch the Announce URL',
			routing: { send: { type: 'body', property: 'AnnounceMethod' } },
		},
		{
			displayName: 'Announce URL',
			name: 'announceUrl',
			type: 'string',
			default: '',
			placeholder: 'e.g. https://example.com/announce.xml',
			description:
				'Audio (MP3, WAV) or a TeXML document with Play, Say, Pause or Redirect to play to everyone in the conference',
			routing: { send: { type: 'body', property: 'AnnounceUrl' } },
		},
		{
			displayName: 'Status',
			name: 'status',
			type: 'options',
			options: [{ name: 'Completed', value: 'completed', description: 'End the conference and hang up everyone' }],
			default: 'completed',
			description: 'Set to Completed to end the conference for all participants',
			routing: { send: { type: 'body', property: 'Status' } },
		},
	],
};

export const updateOperation: INodePropertyOptions = {
	name: 'Update',
	value: 'update',
	description: 'End a conference, or play an announcement to everyone in it',
	action: 'Update a conference',
	routing: {
		request: {
			method: 'POST',
			headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
			ignoreHttpStatusErrors: true,
		},
		send: { preSend: [texmlPath('/Conferences/{conferenceSid}'), formBody([updateFields])] },
		output: { postReceive: [throwOnTelnyxError] },
	},
};

export const updateDescription: INodeProperties[] = updateDisplayOptions(
	{ show: { resource: ['conference'], operation: ['update'] } },
	[updateFields],
);
