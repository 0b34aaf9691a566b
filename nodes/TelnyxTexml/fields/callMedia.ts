import type {
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	INodeProperties,
	INodePropertyOptions,
	INodePropertyRouting,
} from 'n8n-workflow';

import { texmlRouting } from '../routing/routing';
import { simplifyResponse } from '../routing/simplify';
import { callSidField } from '../resources/call/fields';
import { accountSidField, operationField } from './descriptions';

/**
 * Streams and SIPREC sessions of a live call: started by a POST to the call's list, stopped by a
 * POST of the one status Telnyx takes to the one started; both resources show their fields alike.
 */

type Check = (
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
) => Promise<IHttpRequestOptions>;

/** Start: a second start would open a second session, so it is sent again only when Telnyx cannot have processed it. */
export const callMediaStart = (
	path: string,
	properties: INodeProperties[],
	checks: Check[],
): INodePropertyRouting =>
	texmlRouting({
		method: 'POST',
		path,
		checks,
		form: { properties },
		postReceive: [simplifyResponse],
		repeatable: false,
	});

async function sendStopped(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	requestOptions.body = { Status: 'stopped' };
	return requestOptions;
}

export const callMediaStop = (path: string): INodePropertyRouting =>
	texmlRouting({
		method: 'POST',
		path,
		checks: [sendStopped],
		form: { properties: [] },
		postReceive: [simplifyResponse],
		repeatable: true,
	});

/**
 * A call media resource's fields: its Operation selector, the account and call, then Stop's
 * fields and Start's (each shown for its operation only).
 */
export function callMediaDescription(
	resource: string,
	operations: INodePropertyOptions[],
	fields: { start: INodeProperties[]; stop: INodeProperties[] },
): INodeProperties[] {
	const showForResource = { resource: [resource] };
	const only = (operation: string) => (field: INodeProperties) => ({
		...field,
		displayOptions: { show: { ...showForResource, operation: [operation] } },
	});
	return [
		operationField(resource, operations, 'start'),
		{ ...accountSidField, displayOptions: { show: showForResource } },
		{ ...callSidField, displayOptions: { show: showForResource } },
		...fields.stop.map(only('stop')),
		...fields.start.map(only('start')),
	];
}
