import type { INodeProperties } from 'n8n-workflow';

import {
	customHeadersField,
	preferredCodecsField,
	sipAuthPasswordField,
	sipAuthUsernameField,
	statusCallbackMethodField,
	timeoutField,
} from '../../fields/callFields';
import { httpMethodOptions, sentAs } from '../../fields/descriptions';
import { callOptions, machineDetectionOptions } from '../call/createOptions';
import { byDisplayName } from '../../fields/order';

/** The fields of Call → Create's collections that Telnyx's AI call takes too, defined once. */
function fromCreate(collection: INodeProperties, names: string[]): INodeProperties[] {
	return (collection.options as INodeProperties[]).filter((o) => names.includes(o.name));
}

const aiFields: INodeProperties[] = [
	{
		displayName: 'AI Assistant Dynamic Variables',
		name: 'aiAssistantDynamicVariables',
		type: 'json',
		default: '{}',
		description:
			'Values the assistant’s instructions refer to as {{name}}, as a JSON object, e.g. {"customer_name": "Ada"}',
		...sentAs('AIAssistantDynamicVariables'),
	},
	{
		displayName: 'AI Assistant Version',
		name: 'aiAssistantVersion',
		type: 'string',
		default: '',
		placeholder: 'e.g. 2026-11-01',
		description: 'The version of the assistant to use; the current one when empty',
		...sentAs('AIAssistantVersion'),
	},
	{
		displayName: 'Conversation Callback',
		name: 'conversationCallback',
		type: 'string',
		default: '',
		placeholder: 'e.g. https://n8n.example.com/webhook/telnyx-ai',
		description: 'Where Telnyx sends the AI conversation’s events of this call',
		...sentAs('ConversationCallback'),
	},
	{
		displayName: 'Conversation Callback Method',
		name: 'conversationCallbackMethod',
		type: 'options',
		options: httpMethodOptions,
		default: 'POST',
		description: 'The HTTP method Telnyx uses for the conversation callbacks',
		...sentAs('ConversationCallbackMethod'),
	},
	{
		displayName: 'Conversation Callbacks',
		name: 'conversationCallbacks',
		type: 'string',
		default: '',
		placeholder: 'e.g. https://a.example.com/ai, https://b.example.com/ai',
		description: 'Several addresses for the conversation’s events, separated by commas',
		...sentAs('ConversationCallbacks'),
	},
	{
		displayName: 'Status Callbacks',
		name: 'statusCallbacks',
		type: 'string',
		default: '',
		placeholder: 'e.g. https://a.example.com/status, https://b.example.com/status',
		description: 'Several addresses for the call’s status events, separated by commas',
		...sentAs('StatusCallbacks'),
	},
];

/** Every optional field of Telnyx's AI call (InitiateTexmlAICall), sent only when added. */
export const aiCallOptions: INodeProperties = {
	displayName: 'Options',
	name: 'aiCallOptions',
	type: 'collection',
	placeholder: 'Add Option',
	default: {},
	options: [
		...aiFields,
		...fromCreate(callOptions, [
			'callerId',
			'sipRegion',
			'statusCallback',
			'statusCallbackEvent',
			'timeLimit',
		]),
		...fromCreate(machineDetectionOptions, [
			'asyncAmd',
			'asyncAmdStatusCallback',
			'asyncAmdStatusCallbackMethod',
			'detectionMode',
			'machineDetection',
			'machineDetectionPromptEndTimeout',
			'machineDetectionSilenceTimeout',
			'machineDetectionSpeechEndThreshold',
			'machineDetectionSpeechThreshold',
			'machineDetectionTimeout',
		]),
		customHeadersField,
		preferredCodecsField,
		sipAuthPasswordField,
		sipAuthUsernameField,
		statusCallbackMethodField,
		timeoutField,
	].sort(byDisplayName),
};
