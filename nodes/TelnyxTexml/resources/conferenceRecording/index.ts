import type { INodeProperties } from 'n8n-workflow';

import { accountSidField, conferenceField, operationField } from '../../fields/descriptions';
import { getAllDescription, getAllOperation } from './getAll';

const showForResource = { resource: ['conferenceRecording'] };

export const conferenceRecordingDescription: INodeProperties[] = [
	operationField('conferenceRecording', [getAllOperation], 'getAll'),
	{ ...accountSidField, displayOptions: { show: showForResource } },
	{ ...conferenceField, displayOptions: { show: showForResource } },
	...getAllDescription,
];
