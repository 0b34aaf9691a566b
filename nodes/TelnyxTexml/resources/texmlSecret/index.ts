import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { operationField } from '../../fields/descriptions';
import { summary } from '../../routing/output';
import { texmlRouting } from '../../routing/routing';

const show = { show: { resource: ['texmlSecret'], operation: ['create'] } };

const nameField: INodeProperties = {
	displayName: 'Name',
	name: 'referenceName',
	type: 'string',
	required: true,
	default: '',
	placeholder: 'e.g. crm_token',
	description:
		'The name TeXML refers to the secret by, as {{secrets.name}}; a name already in use gets the new value',
	routing: { send: { type: 'body', property: 'name' } },
};

const valueField: INodeProperties = {
	displayName: 'Secret Value',
	name: 'secretValue',
	type: 'string',
	typeOptions: { password: true },
	required: true,
	default: '',
	description: 'The value TeXML gets in place of the name; it never appears in the node’s output',
	routing: { send: { type: 'body', property: 'value' } },
};

export const createOperation: INodePropertyOptions = {
	name: 'Create',
	value: 'create',
	description:
		'Store a secret that TeXML documents use by name, so the value stays out of the TeXML',
	action: 'Store a secret for call scripts',
	routing: texmlRouting({
		method: 'POST',
		path: '/texml/secrets',
		form: { properties: [nameField, valueField], encoding: 'json' },
		// The answer may carry the value: the output is only what was stored, by name.
		postReceive: [summary((value) => ({ name: value('referenceName'), stored: true }))],
		// Storing the same name and value twice leaves the same secret.
		repeatable: true,
	}),
};

/** TeXML secrets (not under an account: no Account SID): values TeXML uses by name. */
export const texmlSecretDescription: INodeProperties[] = [
	operationField('texmlSecret', [createOperation], 'create'),
	{ ...nameField, displayOptions: show },
	{ ...valueField, displayOptions: show },
];
