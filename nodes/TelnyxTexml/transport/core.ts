import type {
	DeclarativeRestApiSettings,
	IDataObject,
	IExecutePaginationFunctions,
	IExecuteSingleFunctions,
	IHookFunctions,
	IHttpRequestOptions,
	ILoadOptionsFunctions,
	IN8nHttpFullResponse,
	INode,
	INodeExecutionData,
} from 'n8n-workflow';
import type { NodeApiError } from 'n8n-workflow';

import { oneAtATime, takeAnswer, type Answer } from './answers';
import { apiBaseUrl, CREDENTIAL_TYPE } from '../../shared/constants';
import { attemptOf, type Attempt } from './attempt';
import { failedItem, throwIfRefused } from './continueOnFail';
import { rateLimitWaitNote, sendingSummary, telnyxApiError, withoutRequestDetails } from './errors';
import { limiterFor, rateLimitSignal, type Limiter, type RateLimitSignal } from './limiter';
import { collectPages, listPlan } from './pagination';
import {
	describeFailure,
	failureOf,
	isRateLimited,
	isRetryable,
	neverSent,
	retryDelayMs,
	type Failure,
} from './retry';
import { sendingSettings, type SendingSettings } from './sending';

/**
 * The one sending core: every request to Telnyx (operations, list pages, pickers, the Account SID
 * look-up) is one `attempt` handed to `sendThrough`, which takes a slot from the API key's limiter,
 * tells it what Telnyx answered, and decides whether and when to try again.
 */
export interface SendingCore {
	limiter: Limiter;
	settings: SendingSettings;
}

/** How one attempt ended: a value, or an error; with Telnyx's answer when one came. */
export interface Outcome<T> {
	value?: T;
	error?: unknown;
	answer?: Answer;
}

export interface SendPolicy {
	node: INode;
	itemIndex?: number;
	/** What the request is for, to name it in errors. */
	attempt?: Attempt;
	/** False for a dial: sent again only when it cannot have reached Telnyx. */
	repeatable: boolean;
	cancelled?: () => boolean;
}

/** The failure as the retry policy reads it: the answer's status and headers, else the error. */
function failureFrom(outcome: Outcome<unknown>, now: number): Failure {
	const thrown = failureOf(outcome.error);
	const answer = outcome.answer;
	// The answer belongs to this attempt only when it says the same as the error thrown for it.
	if (!answer || (thrown.status !== undefined && thrown.status !== answer.status)) return thrown;
	const shouldRetry = answer.headers['x-should-retry'];
	return {
		status: answer.status,
		retryAfterMs: rateLimitSignal(answer.status, answer.headers, now).retryAfterMs,
		shouldRetry: shouldRetry === 'true' ? true : shouldRetry === 'false' ? false : undefined,
	};
}

/**
 * What the limiter is told about one attempt. A 429 whose answer was not recorded is still a 429:
 * told nothing, the limiter would neither pause nor slow down, and the request (re-queued first)
 * would be sent again at once, in a tight loop. The pause that follows a 429 (Retry-After, else
 * one second) is what holds its re-send back, for at least as long as the retry backoff would.
 */
function limiterSignal(outcome: Outcome<unknown>, failure: Failure, now: number): RateLimitSignal {
	const answer = outcome.answer;
	if (answer && (outcome.error === undefined || failure.status === answer.status))
		return rateLimitSignal(answer.status, answer.headers, now);
	return failure.status === 429 ? { status: 429, retryAfterMs: failure.retryAfterMs } : {};
}

/** The error an item ends with when it will not be sent again: what happened, and how often. */
function finalError(
	policy: SendPolicy,
	error: unknown,
	failures: Failure[],
	waitNote?: string,
): unknown {
	const last = failures[failures.length - 1];
	const dialMayHaveReached = !policy.repeatable && last.code !== undefined && !neverSent(last);
	const summary = sendingSummary(
		failures.map(describeFailure),
		dialMayHaveReached,
		policy.attempt?.notRepeated,
	);
	if (!summary && !waitNote) return error;
	// A network failure becomes the error without request details; a Telnyx answer keeps its words.
	const final = (
		last.code !== undefined
			? withoutRequestDetails(policy.node, error, policy.itemIndex, policy.attempt)
			: error
	) as NodeApiError;
	if (waitNote) final.message = `${final.message} ${waitNote}`;
	final.description = [final.description, summary].filter(Boolean).join('\n');
	return final;
}

/**
 * Sends through the core until the attempt succeeds or may not be made again. A 429 (Telnyx did
 * not process the request) is sent again ahead of the requests not sent yet, when the limiter lets
 * it, and does not count as an attempt: those waits are bounded by Max Rate-Limit Wait instead.
 */
export async function sendThrough<T>(
	core: SendingCore,
	policy: SendPolicy,
	attempt: () => Promise<Outcome<T>>,
): Promise<T> {
	const { clock } = core.limiter; // the limiter's time, so a test or simulation drives both
	const failures: Failure[] = [];
	let attempts = 0;
	let rateLimitedSince: number | undefined;
	let again = false;
	for (;;) {
		await core.limiter.acquire(again);
		const leftAt = clock.now();
		let outcome: Outcome<T>;
		try {
			outcome = await attempt();
		} catch (error) {
			outcome = { error };
		}
		const answeredAt = clock.now();
		const failure = failureFrom(outcome, answeredAt);
		core.limiter.release(limiterSignal(outcome, failure, answeredAt), leftAt);
		if (outcome.error === undefined) return outcome.value as T;
		failures.push(failure);
		if (isRateLimited(failure)) {
			rateLimitedSince ??= answeredAt;
			const waitedMs = answeredAt - rateLimitedSince;
			if (waitedMs >= core.settings.maxRateLimitWaitMs) {
				throw finalError(
					policy,
					outcome.error,
					failures,
					rateLimitWaitNote(waitedMs, core.settings.maxRateLimitWaitMs),
				);
			}
			if (policy.cancelled?.()) throw finalError(policy, outcome.error, failures);
			again = true; // the limiter holds it until Telnyx's Retry-After has passed
			continue;
		}
		attempts++;
		if (attempts >= core.settings.maxAttempts || !isRetryable(failure, policy.repeatable)) {
			throw finalError(policy, outcome.error, failures);
		}
		await clock.sleep(retryDelayMs(failure, attempts));
		// A cancelled execution sends nothing more (sleep cannot be interrupted).
		if (policy.cancelled?.()) throw finalError(policy, outcome.error, failures);
		again = false;
	}
}

/** Where a request can come from: an operation, a picker, or a trigger's activation. */
type Context = IExecuteSingleFunctions | ILoadOptionsFunctions | IHookFunctions;

interface KeyCore {
	limiter: Limiter;
	/** The credential's limits, as stored (see sendingSettings). */
	limits: IDataObject;
}

/**
 * The API key's limiter and the credential's limits, read once per execution and credential rather
 * than once per item (reading the credential decrypts it); the cache is keyed by plain values.
 */
const keyCores = new Map<string, Promise<KeyCore>>();
const MAX_KEY_CORES = 50;

/** `baseUrl`: the request's; none for pickers and the look-up, which use the credential's. */
async function keyCoreOf(context: Context, baseUrl?: string): Promise<KeyCore> {
	const load = async () => {
		const credentials = await context.getCredentials(CREDENTIAL_TYPE);
		const { maxConcurrent, maxPerSecond, maxRateLimitWait } = credentials;
		return {
			limiter: limiterFor(
				String(credentials.apiKey ?? ''),
				baseUrl ?? apiBaseUrl(credentials.baseUrl),
			),
			limits: { maxConcurrent, maxPerSecond, maxRateLimitWait } as IDataObject,
		};
	};
	const executionId = 'getExecutionId' in context ? context.getExecutionId() : undefined;
	if (!executionId) return await load();
	const key = `${executionId}\n${context.getNode().credentials?.[CREDENTIAL_TYPE]?.id ?? ''}\n${baseUrl ?? ''}`;
	let core = keyCores.get(key);
	if (!core) {
		core = load();
		core.catch(() => keyCores.delete(key));
		keyCores.set(key, core);
		while (keyCores.size > MAX_KEY_CORES) keyCores.delete(keyCores.keys().next().value as string);
	}
	return await core;
}

/** The node's Sending option as given (a picker may run before it can be read). */
function nodeSending(context: Context): IDataObject {
	try {
		return (context.getNodeParameter('sending', {}) ?? {}) as IDataObject;
	} catch {
		return {};
	}
}

/**
 * The core for this context: the key's shared limiter, set up with the limits in force. The
 * credential is read once for both (`baseUrl` omitted: the credential's own).
 */
export async function sendingCoreOf(context: Context, baseUrl?: string): Promise<SendingCore> {
	const { limiter, limits } = await keyCoreOf(
		context,
		baseUrl === undefined ? undefined : apiBaseUrl(baseUrl),
	);
	const settings = sendingSettings(nodeSending(context), limits);
	limiter.configure(settings);
	return { limiter, settings };
}

/** What the operations declare about their sending (see texmlRouting). */
export interface DeclaredSending {
	repeatable: boolean;
	/** For a list operation: the key of the records in each page. */
	recordsKey?: string;
}

/**
 * The sending of one TeXML operation, as its routing declares it (`operations.pagination`, with
 * `send.paginate` on): RoutingNode hands each item's prepared request here. One attempt is one
 * `makeRoutingRequest`, which also runs the operation's postReceive chain (answer noted first,
 * then Telnyx's errors mapped); a list sends one request per page.
 */
export function texmlSending(declared: DeclaredSending) {
	return async function sendTexmlRequest(
		this: IExecutePaginationFunctions,
		requestData: DeclarativeRestApiSettings.ResultOptions,
	): Promise<INodeExecutionData[]> {
		try {
			throwIfRefused(requestData.options);
			const core = await sendingCoreOf(this, String(requestData.options.baseURL ?? ''));
			const named = () => attemptOf(this);
			let attempt: Attempt | undefined;
			const policy: SendPolicy = {
				node: this.getNode(),
				itemIndex: this.getItemIndex(),
				// Named only when an error needs it: each read of a parameter given as an expression
				// evaluates it again, a large share of n8n's work per item.
				get attempt() {
					return (attempt ??= named());
				},
				repeatable: declared.repeatable,
				cancelled: () => this.getExecutionCancelSignal()?.aborted === true,
			};
			const send = async (request: DeclarativeRestApiSettings.ResultOptions) =>
				await sendThrough(
					core,
					policy,
					async () =>
						await oneAtATime(this, async () => {
							takeAnswer(this); // nothing left over from an earlier request
							try {
								return { value: await this.makeRoutingRequest(request), answer: takeAnswer(this) };
							} catch (error) {
								return { error, answer: takeAnswer(this) };
							}
						}),
				);
			const plan = declared.recordsKey ? listPlan(this, declared.recordsKey) : undefined;
			if (plan) return await collectPages(this, requestData, plan, send);
			return await send(requestData);
		} catch (error) {
			return failedItem(this, error);
		}
	};
}

/** Whether a function is the TeXML sending (the description test checks every operation has it). */
export function isTexmlSending(fn: unknown): boolean {
	return typeof fn === 'function' && fn.name === 'sendTexmlRequest';
}

/**
 * One authenticated request outside an operation's routing (pickers, the Account SID look-up),
 * through the same core. Telnyx's error answers end as the mapped Telnyx error.
 */
export async function sendAuthenticated(
	context: Context,
	options: IHttpRequestOptions,
	{ itemIndex, attempt }: { itemIndex?: number; attempt?: Attempt } = {},
): Promise<IN8nHttpFullResponse> {
	const node = context.getNode();
	const core = await sendingCoreOf(context);
	try {
		return await sendThrough(core, { node, itemIndex, attempt, repeatable: true }, async () => {
			const response = (await context.helpers.httpRequestWithAuthentication.call(
				context,
				CREDENTIAL_TYPE,
				{
					headers: { Accept: 'application/json' },
					json: true,
					...options,
					returnFullResponse: true,
					ignoreHttpStatusErrors: true,
				},
			)) as IN8nHttpFullResponse;
			const answer = {
				status: response.statusCode,
				headers: (response.headers ?? {}) as IDataObject,
			};
			if (response.statusCode < 400) return { value: response, answer };
			return {
				error: telnyxApiError(node, response.statusCode, response.body, itemIndex, attempt),
				answer,
			};
		});
	} catch (error) {
		throw withoutRequestDetails(node, error, itemIndex, attempt);
	}
}
