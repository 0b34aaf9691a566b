import type { INodeProperties } from 'n8n-workflow';

import {
	accountSidField,
	conferenceField,
	operationField,
	participantField,
} from '../../fields/descriptions';
import { createDescription, createOperation } from './create';
import { deleteOperation } from './delete';
import { getOperation } from './get';
import { getAllDescription, getAllOperation } from './getAll';
import { updateDescription, updateOperation } from './update';

const showForResource = { resource: ['conferenceParticipant'] };

export const conferenceParticipantDescription: INodeProperties[] = [
	operationField(
		'conferenceParticipant',
		[createOperation, deleteOperation, getOperation, getAllOperation, updateOperation],
		'update',
	),
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
