import type { INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from '../../fields/display';

import { fromField, operationField, toField } from '../../fields/descriptions';
import { recordingOptions } from '../call/createOptions';
import { applicationField } from '../call/fields';
import { aiAssistantIdField, createOperation } from './create';
import { aiCallOptions } from './options';

const showForResource = { resource: ['aiCall'] };

/** Outbound calls handled by a Telnyx AI assistant (not under an account: no Account SID). */
export const aiCallDescription: INodeProperties[] = [
	operationField('aiCall', [createOperation], 'create'),
	// Call → Create's fields, so that the two share them.
	...updateDisplayOptions({ show: { ...showForResource, operation: ['create'] } }, [
		fromField,
		toField,
		applicationField,
		aiAssistantIdField,
		aiCallOptions,
		recordingOptions,
	]),
];
