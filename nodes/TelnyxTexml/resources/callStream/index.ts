import type { INodeProperties } from 'n8n-workflow';

import { accountSidField } from '../../fields/descriptions';
import { callSidField } from '../call/fields';
import { streamUrlField } from './fields';
import { startOperation, streamOptions } from './start';
import { stopOperation, streamSidField } from './stop';

const showForResource = { resource: ['callStream'] };

/** Media streams of a live call: its audio over a WebSocket, e.g. into a speech engine. */
export const callStreamDescription: INodeProperties[] = [
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
	{ ...streamUrlField, displayOptions: { show: { ...showForResource, operation: ['start'] } } },
	{ ...streamSidField, displayOptions: { show: { ...showForResource, operation: ['stop'] } } },
	{ ...streamOptions, displayOptions: { show: { ...showForResource, operation: ['start'] } } },
];
