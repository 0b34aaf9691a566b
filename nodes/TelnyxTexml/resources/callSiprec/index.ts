import type { INodeProperties } from 'n8n-workflow';

import { callMediaDescription } from '../../fields/callMedia';
import { connectorNameField, siprecOptions, startOperation } from './start';
import { siprecSidField, stopOperation } from './stop';

/** SIPREC sessions of a live call: the call's media sent to a session recording server. */
export const callSiprecDescription: INodeProperties[] = callMediaDescription(
	'callSiprec',
	[startOperation, stopOperation],
	{ start: [connectorNameField, siprecOptions], stop: [siprecSidField] },
);
