import type {
	DeclarativeRestApiSettings,
	IExecutePaginationFunctions,
	INodeExecutionData,
} from 'n8n-workflow';

import { withoutRequestDetails } from './errors';
import { collectPages, listPlan } from './pagination';

/**
 * The one place every Telnyx request of this node is sent from. RoutingNode hands each item's
 * prepared request (after all preSend functions) to the node's `requestOperations.pagination`
 * function whenever `paginate` is on, which the Resource parameter switches on for every
 * operation. `makeRoutingRequest` sends it and runs the postReceive chain (error mapping first).
 */
export async function sendRequest(
	this: IExecutePaginationFunctions,
	requestData: DeclarativeRestApiSettings.ResultOptions,
): Promise<INodeExecutionData[]> {
	try {
		const list = listPlan(this);
		if (list) return await collectPages.call(this, requestData, list, sendOnce);
		return await sendOnce.call(this, requestData);
	} catch (error) {
		throw withoutRequestDetails(this.getNode(), error, this.getItemIndex());
	}
}

/** Sends exactly one HTTP request for the current item (a list operation sends one per page). */
export async function sendOnce(
	this: IExecutePaginationFunctions,
	requestData: DeclarativeRestApiSettings.ResultOptions,
): Promise<INodeExecutionData[]> {
	return await this.makeRoutingRequest(requestData);
}
