import type {
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	INodeProperties,
	INodePropertyOptions,
} from 'n8n-workflow';

import { fromField, toField } from '../../fields/descriptions';
import { texmlRouting } from '../../routing/routing';
import { simplifyResponse } from '../../routing/simplify';
import { recordingOptions } from '../call/createOptions';
import { aiCallOptions } from './options';

export const aiAssistantIdField: INodeProperties = {
	displayName: 'AI Assistant ID',
	name: 'aiAssistantId',
	type: 'string',
	required: true,
	default: '',
	placeholder: 'e.g. assistant-2a8f1c3e-6b4d-4e9a-9c1f-7d2e5b8a0c4f',
	description: 'The Telnyx AI assistant that handles the call once it is answered',
	routing: { send: { type: 'body', property: 'AIAssistantId' } },
};

/**
 * The Application field is Call → Create's (one parameter for both), which sends ApplicationSid;
 * the AI call takes the application in its path instead (`/texml/ai_calls/{connection_id}`).
 */
async function applicationInPath(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const body = { ...((requestOptions.body ?? {}) as Record<string, unknown>) };
	delete body.ApplicationSid;
	requestOptions.body = body;
	return requestOptions;
}

export const createOperation: INodePropertyOptions = {
	name: 'Create',
	value: 'create',
	description:
		'Place an outbound call that a Telnyx AI assistant handles once answered, with its variables and callbacks',
	action: 'Place a call handled by an AI assistant',
	// Placing a call is not idempotent: sent again only when Telnyx cannot have processed it (see retry.ts).
	routing: texmlRouting({
		method: 'POST',
		path: '/texml/ai_calls/{application}',
		checks: [applicationInPath],
		form: {
			properties: [fromField, toField, aiAssistantIdField, aiCallOptions, recordingOptions],
			encoding: 'json',
		},
		postReceive: [simplifyResponse],
		repeatable: false,
	}),
};
