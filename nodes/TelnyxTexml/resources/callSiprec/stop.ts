import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { callMediaStop } from '../../fields/callMedia';

export const siprecSidField: INodeProperties = {
	displayName: 'SIPREC Session SID',
	name: 'siprecSid',
	type: 'string',
	required: true,
	default: '',
	placeholder: 'e.g. 6ba7b811-9dad-11d1-80b4-00c04fd430c8',
	description: 'The session’s SID: sid of Start',
};

export const stopOperation: INodePropertyOptions = {
	name: 'Stop',
	value: 'stop',
	description: 'Stop sending a call to the SIPREC recorder',
	action: 'Stop a SIPREC session of a call',
	routing: callMediaStop('/Calls/{callSid}/Siprec/{siprecSid}.json'),
};
