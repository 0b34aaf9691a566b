import type { IExecuteSingleFunctions, IHttpRequestOptions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { absoluteUrl, fieldProblem } from '../../../shared/valueChecks';

export const streamUrlField: INodeProperties = {
	displayName: 'WebSocket URL',
	name: 'streamUrl',
	type: 'string',
	required: true,
	default: '',
	placeholder: 'e.g. wss://stt.example.com/telnyx',
	description: 'The WebSocket server (wss://) Telnyx streams the call’s audio to',
};

/**
 * Telnyx streams to a WebSocket address, so Url is checked here rather than as the http(s) URL the
 * form check expects of every `…Url` field.
 */
export async function sendStreamUrl(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const value = this.getNodeParameter('streamUrl', '');
	const text = typeof value === 'string' ? value.trim() : '';
	if (!absoluteUrl(text, ['wss:'])) {
		throw new NodeOperationError(
			this.getNode(),
			text === ''
				? 'The "WebSocket URL" field is empty. Enter the wss:// address of the server that receives the audio.'
				: fieldProblem(
						'WebSocket URL',
						value,
						'must be a WebSocket address (wss://…)',
						'Enter a full address such as wss://stt.example.com/telnyx.',
					),
			{ description: 'Nothing was sent to Telnyx for this item.', itemIndex: this.getItemIndex() },
		);
	}
	requestOptions.body = { ...((requestOptions.body ?? {}) as object), Url: text };
	return requestOptions;
}
