import type { INodeProperties } from 'n8n-workflow';

import { callMediaDescription } from '../../fields/callMedia';
import { streamUrlField } from './fields';
import { startOperation, streamOptions } from './start';
import { stopOperation, streamSidField } from './stop';

/** Media streams of a live call: its audio over a WebSocket, e.g. into a speech engine. */
export const callStreamDescription: INodeProperties[] = callMediaDescription(
	'callStream',
	[startOperation, stopOperation],
	{ start: [streamUrlField, streamOptions], stop: [streamSidField] },
);
