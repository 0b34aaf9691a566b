import type { IExecuteSingleFunctions, IHttpRequestOptions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

/**
 * Dial fields the node once offered that Telnyx's dial request (its OpenAPI document) does not have.
 * A saved workflow may still hold one; dropping it silently would dial with other settings than
 * the user chose, so the item fails naming the field, before anything is sent.
 */
const RETIRED = [
	{
		path: 'machineDetectionOptions.machineDetectionBeepProfile',
		label: 'Machine Detection Beep Profile',
		under: 'Answering Machine Detection',
		why: 'Telnyx’s conference dial does not take it (only TeXML calls do)',
	},
];

export async function refuseRetiredDialFields(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	for (const { path, label, under, why } of RETIRED) {
		const value = this.getNodeParameter(path, null) as unknown;
		if (value === null || value === undefined || value === '') continue;
		throw new NodeOperationError(
			this.getNode(),
			`The "${label}" field is no longer supported. Remove "${label}" under ${under} to dial.`,
			{
				description: `${why}, so the node does not send it. Remove "${label}" under ${under} to dial.`,
				itemIndex: this.getItemIndex(),
			},
		);
	}
	return requestOptions;
}
