import type {
	IDataObject,
	INodeType,
	INodeTypeDescription,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { searchTexmlApplications } from '../TelnyxTexml/listSearch/searchTexmlApplications';
import { acceptSigned } from '../TelnyxTexmlTrigger/request';
import { voiceUrlRegistration } from './application';
import {
	answerTriggerProperties,
	DEFAULT_BUDGET_SECONDS,
	DEFAULT_FALLBACK_MESSAGE,
} from './description';
import { fallbackTexml } from './fallback';
import { guardAnswer } from './guard';
import { answerItem, byEvent, OUTPUTS_EXPRESSION, type AnswerEvent } from './item';

const asObject = (value: unknown): IDataObject =>
	typeof value === 'object' && value !== null && !Array.isArray(value)
		? (value as IDataObject)
		: {};

export class TelnyxTexmlAnswerTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Telnyx TeXML Answer Trigger',
		name: 'telnyxTexmlAnswerTrigger',
		icon: { light: 'file:../TelnyxTexml/telnyx.svg', dark: 'file:../TelnyxTexml/telnyx.dark.svg' },
		group: ['trigger'],
		// 2 behaves as 1. n8n's webhook server treats a version-1 trigger as its first Webhook node and
		// evaluates an expression on every request looking for a binary-data option; from 2 it parses
		// the form body at once. Workflows saved with 1 keep working.
		version: [1, 2],
		defaultVersion: 2,
		subtitle: 'Answers incoming calls',
		description:
			'Answers the incoming calls of a TeXML application, and the Gather, Dial and Record results that follow, with the TeXML the workflow builds',
		defaults: { name: 'Telnyx TeXML Answer Trigger' },
		inputs: [],
		outputs: OUTPUTS_EXPRESSION,
		credentials: [{ name: 'telnyxTexmlApi', required: true }],
		// One URL for the Voice URL and every action URL. The answer is the workflow's TeXML, sent by
		// the Telnyx TeXML Response node (responseNode); GET exists for applications set to GET.
		webhooks: [
			{ name: 'default', httpMethod: 'POST', responseMode: 'responseNode', path: 'voice' },
			{ name: 'default', httpMethod: 'GET', responseMode: 'responseNode', path: 'voice' },
		],
		properties: answerTriggerProperties,
	};

	methods = { listSearch: { searchTexmlApplications } };

	webhookMethods = { default: voiceUrlRegistration };

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		const request = this.getRequestObject();
		const isGet = request.method === 'GET';
		const verify = this.getNodeParameter('verifySignature', true) as boolean;
		const allowUnsignedGet = this.getNodeParameter('allowUnsignedGet', false) as boolean;
		if (verify && !(isGet && allowUnsignedGet) && !(await acceptSigned(this, { bodyless: isGet })))
			return { noWebhookResponse: true };

		const query = asObject(this.getQueryData());
		const fields = isGet ? query : asObject(this.getBodyData());
		if (!isGet && Object.keys(fields).length === 0)
			throw new NodeOperationError(this.getNode(), 'The request has no form body', {
				description:
					'Telnyx sends the Voice URL and action requests as application/x-www-form-urlencoded POSTs.',
			});

		const budgetSeconds = Number(
			this.getNodeParameter('budgetSeconds', DEFAULT_BUDGET_SECONDS) ?? DEFAULT_BUDGET_SECONDS,
		);
		guardAnswer(this.getResponseObject(), {
			budgetMs: Math.min(Math.max(budgetSeconds, 1), 25) * 1000,
			fallback: fallbackTexml(
				String(this.getNodeParameter('fallbackMessage', DEFAULT_FALLBACK_MESSAGE) ?? ''),
				String(this.getNodeParameter('fallbackRedirectUrl', '') ?? ''),
			),
		});

		const item = answerItem(fields, query, this.getNodeWebhookUrl('default') ?? '');
		const [execution] = this.helpers.returnJsonArray([item]);
		const outputPerEvent = this.getNodeParameter('outputPerEvent', false) as boolean;
		return {
			workflowData: outputPerEvent ? byEvent(execution, item.event as AnswerEvent) : [[execution]],
		};
	}
}
