import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { callMediaStop } from '../../fields/callMedia';

export const streamSidField: INodeProperties = {
	displayName: 'Stream SID',
	name: 'streamSid',
	type: 'string',
	required: true,
	default: '',
	placeholder: 'e.g. 6ba7b810-9dad-11d1-80b4-00c04fd430c8',
	description: 'The stream’s SID: sid of Start',
};

export const stopOperation: INodePropertyOptions = {
	name: 'Stop',
	value: 'stop',
	description: 'Stop streaming a call’s audio',
	action: 'Stop streaming the audio of a call',
	routing: callMediaStop('/Calls/{callSid}/Streams/{streamSid}.json'),
};
