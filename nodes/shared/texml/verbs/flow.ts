import type { INodeProperties } from 'n8n-workflow';

import type { VerbSpec } from './spec';
import { forVerbs, methodField } from './spec';

/** Redirect, Hangup, Reject, Enqueue and Leave: where the call goes next. */

const redirectUrl: INodeProperties = {
	displayName: 'URL',
	name: 'redirectUrl',
	type: 'string',
	displayOptions: forVerbs(['redirect']),
	default: '',
	placeholder: 'e.g. https://example.com/menu.xml',
	description:
		'Where Telnyx fetches the TeXML the call continues with. Empty: back to the Telnyx TeXML Answer Trigger this workflow starts from, with ?event=redirect.',
};

const redirectMethod: INodeProperties = {
	...methodField('redirectMethod', 'Method', 'The HTTP method Telnyx fetches the URL with'),
	displayOptions: forVerbs(['redirect']),
};

export const redirect: VerbSpec = {
	value: 'redirect',
	name: 'Redirect',
	description: 'Continue the call with TeXML fetched from a URL; later verbs never run',
	fields: [redirectUrl, redirectMethod],
	build: (entry) => ({
		name: 'Redirect',
		attributes: entry.attribute(redirectMethod, 'method'),
		text: entry.backUrl(redirectUrl, 'redirect'),
	}),
};

export const hangup: VerbSpec = {
	value: 'hangup',
	name: 'Hang Up',
	description: 'End the call; later verbs never run',
	fields: [],
	build: () => ({ name: 'Hangup' }),
};

const rejectReason: INodeProperties = {
	displayName: 'Reason',
	name: 'rejectReason',
	type: 'options',
	options: [
		{ name: 'Busy', value: 'busy', description: 'The caller hears a busy signal (SIP 486)' },
		{ name: 'Rejected', value: 'rejected', description: 'The call is refused (SIP 404)' },
	],
	displayOptions: forVerbs(['reject']),
	default: 'rejected',
	description: 'How the call is refused',
};

export const reject: VerbSpec = {
	value: 'reject',
	name: 'Reject',
	description: 'Refuse the call without answering it; must be the first verb',
	fields: [rejectReason],
	build: (entry) => ({ name: 'Reject', attributes: entry.attribute(rejectReason, 'reason') }),
};

const enqueueName: INodeProperties = {
	displayName: 'Queue Name',
	name: 'enqueueName',
	type: 'string',
	required: true,
	displayOptions: forVerbs(['enqueue']),
	default: '',
	placeholder: 'e.g. support',
	description: 'The queue the caller waits in; Telnyx creates it when it does not exist',
};

const enqueueAction: INodeProperties = {
	displayName: 'Action URL',
	name: 'enqueueAction',
	type: 'string',
	displayOptions: forVerbs(['enqueue']),
	default: '',
	placeholder: 'e.g. https://n8n.example.com/webhook/…/voice',
	description:
		'Where Telnyx asks for the next TeXML when the caller leaves the queue without being connected. Leave empty to ask the Telnyx TeXML Answer Trigger this workflow starts from, with ?event=enqueue.',
};

const enqueueOptions: INodeProperties = {
	displayName: 'Enqueue Options',
	name: 'enqueueOptions',
	type: 'collection',
	placeholder: 'Add Option',
	displayOptions: forVerbs(['enqueue']),
	default: {},
	options: [
		methodField('method', 'Method', 'The HTTP method of the Action URL'),
		{
			displayName: 'Wait URL',
			name: 'waitUrl',
			type: 'string',
			default: '',
			placeholder: 'e.g. https://example.com/hold.xml',
			description:
				'What the caller hears while waiting: audio or a TeXML document (Play, Say, Leave…)',
		},
		methodField('waitUrlMethod', 'Wait URL Method', 'The HTTP method of the Wait URL'),
	],
};

export const enqueue: VerbSpec = {
	value: 'enqueue',
	name: 'Enqueue',
	description: 'Put the caller in a queue until someone dials it',
	fields: [enqueueName, enqueueAction, enqueueOptions],
	build: (entry) => ({
		name: 'Enqueue',
		attributes: [...entry.action(enqueueAction, 'enqueue'), ...entry.options(enqueueOptions)],
		text: entry.text(enqueueName, { required: true }),
	}),
};

export const leave: VerbSpec = {
	value: 'leave',
	name: 'Leave',
	description: 'Take the caller out of the queue (in a queue’s Wait URL TeXML)',
	fields: [],
	build: () => ({ name: 'Leave' }),
};
