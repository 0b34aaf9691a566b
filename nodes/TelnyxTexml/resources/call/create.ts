import type {
	IDataObject,
	IExecuteSingleFunctions,
	INodeExecutionData,
	INodeProperties,
	INodePropertyOptions,
} from 'n8n-workflow';
import { updateDisplayOptions } from '../../fields/display';

import { texmlRouting } from '../../routing/routing';
import { simplifyResponse } from '../../routing/simplify';
import { callOptions, machineDetectionOptions, recordingOptions } from './createOptions';
import { applicationField } from './fields';
import { fromField, toField } from '../../fields/descriptions';
import { instructionFieldsSent, writeCallInstructions } from './instructions';

const essentials: INodeProperties[] = [fromField, toField, applicationField];

const options = [callOptions, recordingOptions, machineDetectionOptions];

/**
 * Telnyx's document answers `{ from, status, to }` with no call SID, while the older endpoints and
 * users' reports carry one (`call_sid`, `sid`, or inside `data`). The item succeeds either way;
 * when a SID came, it is output as `call_sid`.
 */
async function outputCallSid(
	this: IExecuteSingleFunctions,
	items: INodeExecutionData[],
): Promise<INodeExecutionData[]> {
	return items.map((item) => {
		const json = item.json;
		const data = (
			json.data && typeof json.data === 'object' && !Array.isArray(json.data) ? json.data : {}
		) as IDataObject;
		const sid = [json.call_sid, json.sid, data.call_sid, data.sid].find(
			(value): value is string => typeof value === 'string' && value.trim() !== '',
		);
		return sid === undefined ? item : { ...item, json: { ...json, call_sid: sid } };
	});
}

export const createOperation: INodePropertyOptions = {
	name: 'Create',
	value: 'create',
	description:
		'Place an outbound call that joins a conference by name, runs TeXML, or fetches TeXML from a URL once answered',
	action: 'Place a call that joins a conference',
	// Placing a call is not idempotent: sent again only when Telnyx cannot have processed it (see retry.ts).
	routing: texmlRouting({
		method: 'POST',
		path: '/Calls',
		checks: [writeCallInstructions('UrlMethod')],
		form: {
			properties: [...essentials, ...instructionFieldsSent('UrlMethod'), ...options],
			encoding: 'json',
		},
		postReceive: [outputCallSid, simplifyResponse],
		repeatable: false,
	}),
};

const show = { show: { resource: ['call'], operation: ['create'] } };

/** Create's fields before the call's instructions (shared with Redirect), and after them. */
export const createEssentials: INodeProperties[] = updateDisplayOptions(show, essentials);
export const createOptions: INodeProperties[] = updateDisplayOptions(show, options);
