import type { INodeProperties } from 'n8n-workflow';

import type { VerbSpec } from './spec';
import { forVerbs } from './spec';

/** Connect → AIAssistant: hands the call to a Telnyx AI Assistant (Telnyx only). */

const aiAssistantId: INodeProperties = {
	displayName: 'AI Assistant ID',
	name: 'aiAssistantId',
	type: 'string',
	required: true,
	displayOptions: forVerbs(['connectAiAssistant']),
	default: '',
	placeholder: 'e.g. assistant-6f1c2b7e-…',
	description: 'The ID of the AI Assistant set up in the Telnyx portal',
};

const aiAssistantOptions: INodeProperties = {
	displayName: 'AI Assistant Options',
	name: 'aiAssistantOptions',
	type: 'collection',
	placeholder: 'Add Option',
	displayOptions: forVerbs(['connectAiAssistant']),
	default: {},
	options: [
		{
			displayName: 'Join Conversation',
			name: 'join',
			type: 'string',
			default: '',
			description: 'The ID of an existing conversation the call joins',
		},
		{
			displayName: 'Participant Name',
			name: 'participantName',
			type: 'string',
			default: '',
			placeholder: 'e.g. Caller',
			description: 'The caller’s name in the conversation',
		},
		{
			displayName: 'Participant Role',
			name: 'participantRole',
			type: 'options',
			options: [
				{ name: 'Assistant', value: 'assistant' },
				{ name: 'User', value: 'user' },
			],
			default: 'user',
			description: 'The caller’s role in the conversation',
		},
	],
};

export const connectAiAssistant: VerbSpec = {
	value: 'connectAiAssistant',
	name: 'Connect to AI Assistant',
	description: 'Hand the call to a Telnyx AI Assistant (Telnyx only)',
	fields: [aiAssistantId, aiAssistantOptions],
	build: (entry) => ({
		name: 'Connect',
		children: [
			{
				name: 'AIAssistant',
				attributes: [
					...entry.attribute(aiAssistantId, 'id', { required: true }),
					...entry.options(aiAssistantOptions),
				],
			},
		],
	}),
};
