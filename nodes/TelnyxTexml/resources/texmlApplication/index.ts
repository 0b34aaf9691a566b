import type { INodeProperties } from 'n8n-workflow';

import { listFields, operationField } from '../../fields/descriptions';
import {
	applicationFields,
	friendlyNameField,
	texmlApplicationField,
	voiceUrlField,
} from './fields';
import {
	createOperation,
	deleteOperation,
	getAllOperation,
	getOperation,
	updateOperation,
} from './operations';

const showForResource = { resource: ['texmlApplication'] };
const createOrUpdate = { show: { ...showForResource, operation: ['create', 'update'] } };

/** TeXML applications (not under an account: no Account SID): the Voice URL of a number's calls. */
export const texmlApplicationDescription: INodeProperties[] = [
	operationField(
		'texmlApplication',
		[createOperation, deleteOperation, getOperation, getAllOperation, updateOperation],
		'get',
	),
	{
		...texmlApplicationField,
		displayOptions: { show: { ...showForResource, operation: ['delete', 'get', 'update'] } },
	},
	{ ...friendlyNameField, displayOptions: createOrUpdate },
	{ ...voiceUrlField, displayOptions: createOrUpdate },
	{ ...applicationFields, displayOptions: createOrUpdate },
	...listFields({ ...showForResource, operation: ['getAll'] }),
];
