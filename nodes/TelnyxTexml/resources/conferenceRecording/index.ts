import type { INodeProperties } from 'n8n-workflow';

import { accountSidField, conferenceField } from '../../fields/descriptions';
import { getAllDescription, getAllOperation } from './getAll';

const showForResource = { resource: ['conferenceRecording'] };

export const conferenceRecordingDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: showForResource },
		options: [getAllOperation],
		default: 'getAll',
	},
	{ ...accountSidField, displayOptions: { show: showForResource } },
	{ ...conferenceField, displayOptions: { show: showForResource } },
	...getAllDescription,
];
