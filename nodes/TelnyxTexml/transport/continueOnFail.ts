import type {
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	INodeExecutionData,
} from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { attemptOf } from './attempt';
import { withoutRequestDetails } from './errors';

/*
 * With On Error → Continue, n8n's RoutingNode ends a failed item as `{ json: {}, error }`. A
 * workflow then shows `json.error` (n8n fills it in), but an AI model calling the node as a tool is
 * handed `json` only, that is `{}`. So the node ends such items itself, message in `json`.
 */

type PreSend = (
	this: IExecuteSingleFunctions,
	options: IHttpRequestOptions,
) => Promise<IHttpRequestOptions>;

/** Items refused by a check, by their request: nothing is sent for them. */
const refusals = new WeakMap<object, NodeApiError | NodeOperationError>();

/**
 * Wraps an operation's checks (preSend): with On Error → Continue a refusal is noted instead of
 * thrown, the remaining checks are skipped (no Account SID look-up either), and the sending ends
 * the item with the error (see failedItem).
 */
export function refusingOnContinue(checks: PreSend[]): PreSend[] {
	return checks.map(
		(check) =>
			async function (this: IExecuteSingleFunctions, options: IHttpRequestOptions) {
				if (refusals.has(options)) return options;
				try {
					return await check.call(this, options);
				} catch (error) {
					const refusal =
						error instanceof NodeApiError || error instanceof NodeOperationError
							? error
							: new NodeOperationError(this.getNode(), error as Error, {
									itemIndex: this.getItemIndex(),
								});
					if (!this.continueOnFail()) throw refusal;
					refusals.set(options, refusal);
					return options;
				}
			},
	);
}

/** Throws the refusal of a check, if the item had one (first thing the sending does). */
export function throwIfRefused(options: object): void {
	const refusal = refusals.get(options);
	if (refusal) throw refusal;
}

/** How an item whose sending failed ends: thrown, or with On Error → Continue an error item. */
export function failedItem(context: IExecuteSingleFunctions, error: unknown): INodeExecutionData[] {
	const final = withoutRequestDetails(
		context.getNode(),
		error,
		context.getItemIndex(),
		attemptOf(context),
	);
	if (!context.continueOnFail() || !(final instanceof Error)) throw final;
	return [
		{
			json: { error: final.message },
			error: final as NodeApiError,
			pairedItem: { item: context.getItemIndex() },
		},
	];
}
