import type {
	IHookFunctions,
	INodeType,
	INodeTypeDescription,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';
import { NodeConnectionTypes, NodeOperationError } from 'n8n-workflow';

import { triggerProperties } from './description';
import { classify, isCallCallback, isWanted } from './events';
import { mediaEventOf } from './mediaEvents';
import { recordingEventOf } from './recordingEvents';
import { acceptSigned, publicKeyOf } from './request';

export class TelnyxTexmlTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Telnyx TeXML Trigger',
		name: 'telnyxTexmlTrigger',
		icon: { light: 'file:../TelnyxTexml/telnyx.svg', dark: 'file:../TelnyxTexml/telnyx.dark.svg' },
		group: ['trigger'],
		// 2 behaves as 1. n8n's webhook server treats a version-1 trigger as its first Webhook node and
		// evaluates an expression on every request looking for a binary-data option; from 2 it parses
		// the form body at once. Workflows saved with 1 keep working.
		version: [1, 2],
		defaultVersion: 2,
		subtitle:
			'={{ ($parameter["events"] || []).includes("*") ? "All events" : ($parameter["events"] || []).join(", ") }}',
		description:
			'Starts the workflow on Telnyx TeXML conference events (start, end, join, leave, speaker), call status, recording, media stream, SIPREC, transcription and AI conversation events',
		defaults: { name: 'Telnyx TeXML Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [
			{
				name: 'telnyxTexmlApi',
				required: true,
				displayOptions: { show: { verifySignature: [true] } },
			},
		],
		// POST only: a GET callback has no body, so its signature would not cover the query string.
		// Telnyx needs only the 200; without responseData n8n would answer the literal text
		// "firstEntryJson" (its default), so the answer is declared empty.
		webhooks: [
			{
				name: 'default',
				httpMethod: 'POST',
				responseMode: 'onReceived',
				responseData: 'noData',
				path: 'conference',
			},
		],
		properties: triggerProperties,
	};

	webhookMethods = {
		default: {
			// Telnyx has no API for conference callbacks: the URL travels in each TeXML <Conference>
			// or dial request, so nothing is registered remotely. checkExists answers false so that n8n
			// calls create on every activation, which only checks the public key before events arrive.
			checkExists: async function (this: IHookFunctions): Promise<boolean> {
				return false;
			},
			create: async function (this: IHookFunctions): Promise<boolean> {
				if (this.getNodeParameter('verifySignature', true) as boolean) await publicKeyOf(this);
				return true;
			},
			delete: async function (this: IHookFunctions): Promise<boolean> {
				return true;
			},
		},
	};

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		if ((this.getNodeParameter('verifySignature', true) as boolean) && !(await acceptSigned(this)))
			return { noWebhookResponse: true };

		const body = this.getBodyData();
		if (typeof body !== 'object' || body === null || Array.isArray(body)) {
			throw new NodeOperationError(this.getNode(), 'The callback has no form body', {
				description:
					'Telnyx sends conference and call callbacks as application/x-www-form-urlencoded POSTs.',
			});
		}
		const recordingEvent = recordingEventOf(body);
		const mediaEvent = recordingEvent ? undefined : mediaEventOf(body);
		const event = recordingEvent ?? mediaEvent ?? classify(body);
		const events = this.getNodeParameter('events', []) as string[];
		const conferenceName = (this.getNodeParameter('conferenceName', '') as string).trim();
		// Filtered-out callbacks still get n8n's 200, so Telnyx neither retries nor fails over.
		if (!isWanted(event, events)) return {};
		// Call, recording, stream, SIPREC, transcription and AI callbacks name no conference: the
		// filter is for conference events (a recording's conference_sid comes from Recording → Get).
		if (
			conferenceName &&
			!recordingEvent &&
			!mediaEvent &&
			!isCallCallback(body) &&
			body.FriendlyName !== conferenceName
		)
			return {};

		return { workflowData: [this.helpers.returnJsonArray({ ...body, event })] };
	}
}
