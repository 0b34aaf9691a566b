import type { INodeProperties } from 'n8n-workflow';

import { accountSidField, operationField, recordingSidField } from '../../fields/descriptions';
import { callSidField } from '../call/fields';
import { getAllDescription, getAllOperation } from './getAll';
import { startDescription, startOperation } from './start';
import { updateDescription, updateOperation } from './update';

const showForResource = { resource: ['callRecording'] };

export const callRecordingDescription: INodeProperties[] = [
	operationField('callRecording', [getAllOperation, startOperation, updateOperation], 'start'),
	{ ...accountSidField, displayOptions: { show: showForResource } },
	{ ...callSidField, displayOptions: { show: showForResource } },
	{
		...recordingSidField,
		displayOptions: { show: { ...showForResource, operation: ['update'] } },
	},
	...startDescription,
	...updateDescription,
	...getAllDescription,
];
