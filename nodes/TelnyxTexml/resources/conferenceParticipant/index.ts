import type { INodeProperties } from 'n8n-workflow';

import { accountSidField, conferenceField, participantField } from '../../shared/descriptions';
import { updateDescription, updateOperation } from './update';

const showForResource = { resource: ['conferenceParticipant'] };

export const conferenceParticipantDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: showForResource },
		options: [updateOperation],
		default: 'update',
	},
	{ ...accountSidField, displayOptions: { show: showForResource } },
	{ ...conferenceField, displayOptions: { show: showForResource } },
	{ ...participantField, displayOptions: { show: { ...showForResource, operation: ['update'] } } },
	...updateDescription,
];
