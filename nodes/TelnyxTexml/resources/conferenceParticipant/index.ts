import type { INodeProperties } from 'n8n-workflow';

import { accountSidField, conferenceField, participantField } from '../../fields/descriptions';
import { createDescription, createOperation } from './create';
import { deleteOperation } from './delete';
import { getOperation } from './get';
import { getAllDescription, getAllOperation } from './getAll';
import { updateDescription, updateOperation } from './update';

const showForResource = { resource: ['conferenceParticipant'] };

export const conferenceParticipantDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: showForResource },
		options: [createOperation, deleteOperation, getOperation, getAllOperation, updateOperation],
		default: 'update',
	},
	{ ...accountSidField, displayOptions: { show: showForResource } },
	{ ...conferenceField, displayOptions: { show: showForResource } },
	// Only where an existing participant is addressed.
	{
		...participantField,
		displayOptions: { show: { ...showForResource, operation: ['delete', 'get', 'update'] } },
	},
	...createDescription,
	...getAllDescription,
	...updateDescription,
];
