import type {
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	INodePropertyOptions,
} from 'n8n-workflow';

import { texmlRouting } from '../../routing/routing';
import { simplifyResponse } from '../../routing/simplify';

/** Telnyx ends a call whose status is set to `completed`; the form carries nothing else. */
async function completedStatus(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	requestOptions.body = { Status: 'completed' };
	return requestOptions;
}

export const hangUpOperation: INodePropertyOptions = {
	name: 'Hang Up',
	value: 'hangUp',
	description: 'End a call; a call in a conference leaves it',
	action: 'Hang up a call and take it out of its conference',
	routing: texmlRouting({
		method: 'POST',
		path: '/Calls/{callSid}',
		checks: [completedStatus],
		form: { properties: [] },
		postReceive: [simplifyResponse],
		repeatable: true,
	}),
};
