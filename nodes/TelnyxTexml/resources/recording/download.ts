import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { texmlRouting } from '../../routing/routing';
import { simplifyResponse } from '../../routing/simplify';
import { checkBinaryField, downloadRecording } from '../../transport/media';

export const downloadOperation: INodePropertyOptions = {
	name: 'Download',
	value: 'download',
	description:
		'Get a recording’s audio as a file (binary data) with the recording’s details, for a transcription, Google Drive or S3 node',
	action: 'Download a call or conference recording as a file',
	routing: texmlRouting({
		method: 'GET',
		path: '/Recordings/{recordingSid}.json',
		checks: [checkBinaryField],
		postReceive: [downloadRecording, simplifyResponse],
		repeatable: true,
	}),
};

export const downloadDescription: INodeProperties[] = [
	{
		displayName: 'Put Output File in Field',
		name: 'binaryPropertyName',
		type: 'string',
		default: 'data',
		required: true,
		placeholder: 'e.g. data',
		hint: 'The name of the output binary field to put the audio file in',
		displayOptions: { show: { resource: ['recording'], operation: ['download'] } },
	},
];
