/**
 * The node's resources add their display options with the package's own `updateDisplayOptions`
 * (no lodash at load time); it must give what n8n-workflow's does.
 */
import { updateDisplayOptions as n8nUpdate, type INodeProperties } from 'n8n-workflow';

import { updateDisplayOptions } from '../nodes/TelnyxTexml/fields/display';

const field = (displayOptions?: INodeProperties['displayOptions']): INodeProperties => ({
	displayName: 'Field',
	name: 'field',
	type: 'string',
	default: '',
	...(displayOptions ? { displayOptions } : {}),
});

test.each([
	['no display options yet', field(), { show: { resource: ['call'], operation: ['create'] } }],
	[
		'other keys of its own',
		field({ show: { callAction: ['texml'] }, hide: { '@version': [{ _cnd: { lt: 2 } }] } }),
		{ show: { resource: ['call'] } },
	],
	[
		'the same key: arrays merged index by index, as lodash does',
		field({ show: { operation: ['get', 'update'] } }),
		{ show: { operation: ['create'] } },
	],
])('%s: the same properties as n8n-workflow gives', (_name, property, displayOptions) => {
	const ours = updateDisplayOptions(displayOptions, [property]);
	expect(ours).toEqual(n8nUpdate(displayOptions, [property]));
	// Nothing shared with the inputs: a resource's fields can be reused.
	expect(ours[0].displayOptions).not.toBe(property.displayOptions);
	expect(ours[0].displayOptions?.show).not.toBe(displayOptions.show);
});
