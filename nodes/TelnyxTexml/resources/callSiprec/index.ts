import type { INodeProperties } from 'n8n-workflow';

import { accountSidField } from '../../fields/descriptions';
import { callSidField } from '../call/fields';
import { connectorNameField, siprecOptions, startOperation } from './start';
import { siprecSidField, stopOperation } from './stop';

const showForResource = { resource: ['callSiprec'] };

/** SIPREC sessions of a live call: the call's media sent to a session recording server. */
export const callSiprecDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: showForResource },
		options: [startOperation, stopOperation],
		default: 'start',
	},
	{ ...accountSidField, displayOptions: { show: showForResource } },
	{ ...callSidField, displayOptions: { show: showForResource } },
	{ ...siprecSidField, displayOptions: { show: { ...showForResource, operation: ['stop'] } } },
	{ ...connectorNameField, displayOptions: { show: { ...showForResource, operation: ['start'] } } },
	{ ...siprecOptions, displayOptions: { show: { ...showForResource, operation: ['start'] } } },
];
