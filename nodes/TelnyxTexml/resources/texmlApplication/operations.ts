import type { INodePropertyOptions } from 'n8n-workflow';

import { unwrapData } from '../../routing/output';
import { texmlRouting } from '../../routing/routing';
import { simplifyResponse } from '../../routing/simplify';
import { applicationFields, friendlyNameField, voiceUrlField } from './fields';

/** The body of Create and Update: Telnyx's PATCH needs the name and the Voice URL too. */
const form = {
	properties: [friendlyNameField, voiceUrlField, applicationFields],
	encoding: 'json' as const,
};

export const createOperation: INodePropertyOptions = {
	name: 'Create',
	value: 'create',
	description: 'Create a TeXML application: the Voice URL that answers its numbers’ calls',
	action: 'Create an application that answers calls',
	// Creating twice makes two applications: sent again only when Telnyx cannot have processed it.
	routing: texmlRouting({
		method: 'POST',
		path: '/texml_applications',
		form,
		postReceive: [unwrapData, simplifyResponse],
		repeatable: false,
	}),
};

export const deleteOperation: INodePropertyOptions = {
	name: 'Delete',
	value: 'delete',
	description: 'Delete a TeXML application; the output is the application as it was',
	action: 'Delete an application that answers calls',
	routing: texmlRouting({
		method: 'DELETE',
		path: '/texml_applications/{application}',
		postReceive: [unwrapData],
		repeatable: true,
	}),
};

export const getOperation: INodePropertyOptions = {
	name: 'Get',
	value: 'get',
	description: 'Get a TeXML application: its Voice URL, methods, callbacks and limits',
	action: 'Get an application that answers calls',
	routing: texmlRouting({
		method: 'GET',
		path: '/texml_applications/{application}',
		postReceive: [unwrapData, simplifyResponse],
		repeatable: true,
	}),
};

export const getAllOperation: INodePropertyOptions = {
	name: 'Get Many',
	value: 'getAll',
	description: 'List the TeXML applications of the account, by name',
	action: 'Get many applications that answer calls',
	routing: texmlRouting({
		method: 'GET',
		path: '/texml_applications',
		postReceive: [simplifyResponse],
		repeatable: true,
		recordsKey: 'data',
	}),
};

export const updateOperation: INodePropertyOptions = {
	name: 'Update',
	value: 'update',
	description: 'Change a TeXML application, e.g. point its Voice URL at another workflow',
	action: 'Update an application that answers calls',
	routing: texmlRouting({
		method: 'PATCH',
		path: '/texml_applications/{application}',
		form,
		postReceive: [unwrapData, simplifyResponse],
		repeatable: true,
	}),
};
