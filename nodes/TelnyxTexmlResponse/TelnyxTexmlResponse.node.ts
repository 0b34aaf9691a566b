import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';
import { NodeConnectionTypes, NodeOperationError } from 'n8n-workflow';

import { buildTexml, verbsField } from '../shared/texml/verbs';
import { answerTriggers, fromTrigger, triggerUrl, withEvent } from './actionUrl';

export class TelnyxTexmlResponse implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Telnyx TeXML Response',
		name: 'telnyxTexmlResponse',
		icon: { light: 'file:../TelnyxTexml/telnyx.svg', dark: 'file:../TelnyxTexml/telnyx.dark.svg' },
		group: ['transform'],
		version: 1,
		// Not a tool: it answers the call an answer trigger received, and an AI agent's tool call
		// has no call to answer. (n8n's type has no `false`; undefined leaves it off.)
		usableAsTool: undefined,
		subtitle:
			'={{ (($parameter["verbs"] || {}).verb || []).map((entry) => entry.verb || "say").join(" → ") }}',
		description:
			'Builds the TeXML answer to a Telnyx call from a list of verbs (Say, Gather, Dial…) and answers the call with it',
		defaults: { name: 'Telnyx TeXML Response' },
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		properties: [
			{
				displayName:
					'Answers the call that started this workflow at a <b>Telnyx TeXML Answer Trigger</b>. Every value is written escaped: caller data such as {{ $json.From }} or {{ $json.SpeechResult }} can be placed anywhere.',
				name: 'notice',
				type: 'notice',
				default: '',
			},
			verbsField,
			{
				displayName: 'Respond to Call',
				name: 'respondToCall',
				type: 'boolean',
				default: true,
				description:
					'Whether the TeXML of the first item is sent as the answer to the call the answer trigger received. Off: the TeXML is only output, as the texml field.',
			},
			{
				displayName: 'Options',
				name: 'options',
				type: 'collection',
				placeholder: 'Add Option',
				default: {},
				options: [
					{
						displayName: 'Action URLs From Trigger',
						name: 'defaultActions',
						type: 'boolean',
						default: true,
						description:
							'Whether Gather, Dial, Record and Enqueue without an Action URL send their result to the Telnyx TeXML Answer Trigger this workflow starts from (with ?event=gather, dial, record or enqueue), and a Redirect without a URL goes back to it (?event=redirect). Off: they get no action, and the call goes on with the next verb; a Redirect needs its URL.',
					},
				],
			},
		],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const items = this.getInputData();
		const triggers = answerTriggers(this);
		const direct = fromTrigger(this, triggers);
		const output: INodeExecutionData[] = [];
		for (let i = 0; i < items.length; i++) {
			try {
				const options = this.getNodeParameter('options', i, {}) as IDataObject;
				const fail = (message: string): never => {
					throw new NodeOperationError(this.getNode(), message, {
						itemIndex: i,
						description: 'No TeXML was built for this item.',
					});
				};
				let trigger: string | null | undefined = null;
				const texml = buildTexml(this.getNodeParameter('verbs', i, {}) as IDataObject, {
					fail,
					defaultAction: (event) => {
						if (options.defaultActions === false) return '';
						if (trigger === null)
							trigger = triggerUrl(
								this,
								triggers,
								i,
								direct ? items[i].json.webhookUrl : undefined,
							);
						return trigger === undefined ? undefined : withEvent(trigger, event);
					},
				});
				output.push({
					json: { ...items[i].json, texml },
					...(items[i].binary ? { binary: items[i].binary } : {}),
					pairedItem: { item: i },
				});
			} catch (error) {
				const failure =
					error instanceof NodeOperationError
						? error
						: new NodeOperationError(this.getNode(), error as Error, { itemIndex: i });
				if (!this.continueOnFail()) throw failure;
				output.push({
					json: { ...items[i].json, error: failure.message },
					pairedItem: { item: i },
				});
			}
		}
		// Answered once all items are built: a run that fails answers nothing, and the trigger's
		// fallback speaks instead. Outside a webhook run there is no one to answer (a no-op in n8n).
		const first = output[0]?.json.texml;
		if (this.getNodeParameter('respondToCall', 0, true) && typeof first === 'string')
			await this.sendResponse({
				body: first,
				headers: { 'content-type': 'application/xml; charset=utf-8' },
				statusCode: 200,
			});
		return [output];
	}
}
