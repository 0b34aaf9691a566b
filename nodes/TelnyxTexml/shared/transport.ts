import type {
	DeclarativeRestApiSettings,
	IDataObject,
	IExecutePaginationFunctions,
	IExecuteSingleFunctions,
	IN8nHttpFullResponse,
	INodeExecutionData,
} from 'n8n-workflow';
import { sleep, type NodeApiError } from 'n8n-workflow';

import { CREDENTIAL_TYPE } from './constants';
import { attemptOf, failedItem, throwIfRefused, withoutRequestDetails } from './errors';
import { limiterFor, rateLimitSignal, type Limiter, type RateLimitSignal } from './limiter';
import { collectPages, listPlan } from './pagination';
import { describeFailure, failureOf, isRetryable, neverSent, retryDelayMs, type Failure } from './retry';
import { sendingSettings } from './sending';

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
		throwIfRefused(requestData.options);
		const list = listPlan(this);
		if (list) return await collectPages.call(this, requestData, list, sendOnce);
		return await sendOnce.call(this, requestData);
	} catch (error) {
		return failedItem(this, error);
	}
}

const runLimiters = new WeakMap<object, Promise<Limiter>>();

/**
 * The API key's limiter, looked up once per node run rather than once per item: all items of a
 * run share the node's credential and the run's execute data (which identifies the run).
 */
function limiterOf(context: IExecuteSingleFunctions, baseUrl: string): Promise<Limiter> {
	const run = context.getExecuteData() as object | undefined;
	let limiter = run ? runLimiters.get(run) : undefined;
	if (!limiter) {
		limiter = context
			.getCredentials<{ apiKey: string }>(CREDENTIAL_TYPE)
			.then((credentials) => limiterFor(String(credentials.apiKey ?? ''), baseUrl));
		if (run) runLimiters.set(run, limiter);
	}
	return limiter;
}

/** Creating is the one kind of operation that must not run twice for one item (a second call). */
function isRepeatable(context: IExecuteSingleFunctions): boolean {
	return context.getNodeParameter('operation', '') !== 'create';
}

type PostReceive = DeclarativeRestApiSettings.ResultOptions['postReceive'];

/** The last response seen for each postReceive chain (one chain per item, shared by its pages). */
const lastResponse = new WeakMap<PostReceive, { status: number; headers: IDataObject } | undefined>();

/**
 * The response headers (rate limits, Retry-After) are only visible to postReceive functions, and
 * the engine runs the chain of the request data it gave us. So an observer goes first in that
 * chain, once, and notes each response before the error mapper can throw.
 */
function observeResponses(requestData: DeclarativeRestApiSettings.ResultOptions) {
	const chain = requestData.postReceive;
	if (!lastResponse.has(chain)) {
		lastResponse.set(chain, undefined);
		chain.unshift({
			data: { parameterValue: undefined },
			actions: [
				async function noteResponse(items: INodeExecutionData[], response: IN8nHttpFullResponse) {
					lastResponse.set(chain, { status: response.statusCode, headers: response.headers });
					return items;
				},
			],
		});
	}
	return (): RateLimitSignal & { shouldRetry?: boolean } => {
		const seen = lastResponse.get(chain);
		lastResponse.set(chain, undefined);
		if (!seen) return {};
		const shouldRetry = seen.headers['x-should-retry'];
		return {
			...rateLimitSignal(seen.status, seen.headers),
			shouldRetry: shouldRetry === 'true' ? true : shouldRetry === 'false' ? false : undefined,
		};
	};
}

/** The error an item ends with when it will not be sent again: what happened, and how often. */
function finalError(
	context: IExecuteSingleFunctions,
	error: unknown,
	failures: Failure[],
	repeatable: boolean,
): unknown {
	const last = failures[failures.length - 1];
	const notResent =
		!repeatable && last.code !== undefined && !neverSent(last)
			? 'Not sent again: the dial may have reached Telnyx. Check the conference before dialing again.'
			: undefined;
	if (failures.length === 1 && !notResent) return error; // Telnyx's own answer says it all
	const tried = `Sent ${failures.length} time${failures.length === 1 ? '' : 's'}: ${failures.map(describeFailure).join(', ')}.`;
	// A network failure becomes the error without request details; a Telnyx answer keeps its words.
	const final = (
		last.code !== undefined
			? withoutRequestDetails(context.getNode(), error, context.getItemIndex(), attemptOf(context))
			: error
	) as NodeApiError;
	final.description = [final.description, tried, notResent].filter(Boolean).join('\n');
	return final;
}

/**
 * Sends one HTTP request for the current item (a list operation sends one per page): through the
 * API key's shared limiter, again after a passing failure when the operation is safe to repeat.
 */
export async function sendOnce(
	this: IExecutePaginationFunctions,
	requestData: DeclarativeRestApiSettings.ResultOptions,
): Promise<INodeExecutionData[]> {
	const settings = sendingSettings(this);
	const limiter = await limiterOf(this, String(requestData.options.baseURL ?? ''));
	limiter.configure(settings);
	const takeResponse = observeResponses(requestData);
	const repeatable = isRepeatable(this);
	const failures: Failure[] = [];
	for (;;) {
		await limiter.acquire();
		try {
			const items = await this.makeRoutingRequest(requestData);
			limiter.release(takeResponse());
			return items;
		} catch (error) {
			const response = takeResponse();
			limiter.release(response);
			// An answer from Telnyx (seen by the observer) says more than the error thrown for it.
			const failure: Failure = response.status
				? { status: response.status, retryAfterMs: response.retryAfterMs, shouldRetry: response.shouldRetry }
				: failureOf(error);
			failures.push(failure);
			if (failures.length >= settings.maxAttempts || !isRetryable(failure, repeatable)) {
				throw finalError(this, error, failures, repeatable);
			}
			await sleep(retryDelayMs(failure, failures.length));
			// A cancelled execution sends nothing more (sleep cannot be interrupted).
			if (this.getExecutionCancelSignal()?.aborted) throw finalError(this, error, failures, repeatable);
		}
	}
}
