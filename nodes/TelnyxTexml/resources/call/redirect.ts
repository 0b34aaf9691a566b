import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';
import { updateDisplayOptions } from '../../fields/display';

import { statusCallbackMethodField } from '../../fields/callFields';
import { httpMethodOptions } from '../../fields/descriptions';
import { texmlRouting } from '../../routing/routing';
import { simplifyResponse } from '../../routing/simplify';
import { instructionFieldsSent, writeCallInstructions } from './instructions';

/** The other fields of Telnyx's call update, each sent only when added. */
const redirectOptions: INodeProperties = {
	displayName: 'Redirect Options',
	name: 'redirectOptions',
	type: 'collection',
	placeholder: 'Add Option',
	default: {},
	options: [
		{
			displayName: 'Fallback Method',
			name: 'fallbackMethod',
			type: 'options',
			options: httpMethodOptions,
			default: 'POST',
			description: 'The HTTP method Telnyx uses to fetch the Fallback URL',
			routing: { send: { type: 'body', property: 'FallbackMethod' } },
		},
		{
			displayName: 'Status Callback',
			name: 'statusCallback',
			type: 'string',
			default: '',
			placeholder: 'e.g. https://n8n.example.com/webhook/telnyx',
			description:
				'Where Telnyx sends the call’s status events from now on. Paste the webhook URL of a Telnyx TeXML Trigger to react to them.',
			routing: { send: { type: 'body', property: 'StatusCallback' } },
		},
		statusCallbackMethodField,
	],
};

export const redirectOperation: INodePropertyOptions = {
	name: 'Redirect',
	value: 'redirect',
	description:
		'Give a live call new instructions: move it into a conference by name, run TeXML, or fetch TeXML from a URL',
	action: 'Redirect a call into a conference or new instructions',
	routing: texmlRouting({
		method: 'POST',
		path: '/Calls/{callSid}',
		checks: [writeCallInstructions('Method')],
		form: { properties: [...instructionFieldsSent('Method'), redirectOptions] },
		postReceive: [simplifyResponse],
		repeatable: true,
	}),
};

export const redirectDescription: INodeProperties[] = updateDisplayOptions(
	{ show: { resource: ['call'], operation: ['redirect'] } },
	[redirectOptions],
);
