/**
 * Workflow steps for the answer trigger's tests that do what a real workflow can do wrong: answer
 * with JSON, fail, answer nothing, or hold the call until the test lets go. Each is a plain n8n node
 * run by the real engine; answers go through n8n-core's `sendResponse`.
 */
import type { IExecuteFunctions, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

export const RESPONDER_TYPE = 'test.responder';

/** Released by a test to let a held step go on. */
export const held: { release?: () => void } = {};

export class Responder implements INodeType {
	description = {
		displayName: 'Responder',
		name: 'responder',
		group: ['transform'],
		version: 1,
		description: 'Answers the webhook in a test',
		defaults: { name: 'Responder' },
		inputs: ['main'],
		outputs: ['main'],
		properties: [
			{ displayName: 'Mode', name: 'mode', type: 'string', default: 'texml' },
			{ displayName: 'Body', name: 'body', type: 'string', default: '' },
		],
	} as unknown as INodeTypeDescription;

	async execute(this: IExecuteFunctions) {
		const mode = this.getNodeParameter('mode', 0) as string;
		const body = this.getNodeParameter('body', 0) as string;
		if (mode === 'fail')
			throw new NodeOperationError(this.getNode(), 'The PIN table is unreachable');
		if (mode === 'hold') await new Promise<void>((resolve) => (held.release = resolve));
		if (mode === 'texml' || mode === 'hold')
			await this.sendResponse({
				body,
				headers: { 'content-type': 'application/xml; charset=utf-8' },
				statusCode: 200,
			});
		if (mode === 'json')
			await this.sendResponse({ body: { texml: body }, headers: {}, statusCode: 200 });
		return [this.getInputData()];
	}
}
