/**
 * When a failed request is sent again, and after how long: the official Telnyx SDK's policy
 * (408, 409, 429, 5xx, dropped connections and timeouts; 0.5 s × 2^n up to 8 s with 0.75–1.0
 * jitter; Retry-After honoured), limited to what is safe to repeat.
 */

/** Connection failures: the request may or may not have reached Telnyx. */
const CONNECTION_CODES = new Set([
	'ECONNRESET',
	'ECONNABORTED',
	'ETIMEDOUT',
	'ESOCKETTIMEDOUT',
	'EPIPE',
	'ECONNREFUSED',
	'ENOTFOUND',
	'EAI_AGAIN',
	'EHOSTUNREACH',
	'ENETUNREACH',
]);

/** Failures before a connection existed: the request cannot have reached Telnyx. */
const NOT_SENT_CODES = new Set([
	'ECONNREFUSED',
	'ENOTFOUND',
	'EAI_AGAIN',
	'EHOSTUNREACH',
	'ENETUNREACH',
]);

const RETRYABLE_STATUS = (status: number) =>
	status === 408 || status === 409 || status === 429 || status >= 500;

/** The most Retry-After is trusted for; longer (or absent) falls back to the backoff. */
const MAX_RETRY_AFTER_MS = 60_000;

export interface Failure {
	/** HTTP status when Telnyx answered. */
	status?: number;
	/** Node's error code when no answer came (ECONNRESET, ETIMEDOUT, …). */
	code?: string;
	/** Retry-After (or retry-after-ms) of the answer, in milliseconds. */
	retryAfterMs?: number;
	/** x-should-retry of the answer: Telnyx's own say, which wins (as in the SDK). */
	shouldRetry?: boolean;
}

/** Reads status or connection code from what the HTTP layer or the error mapper threw. */
export function failureOf(error: unknown): Failure {
	const e = error as {
		httpCode?: unknown;
		code?: unknown;
		cause?: { code?: unknown; cause?: { code?: unknown } };
	};
	const status = Number(e?.httpCode);
	if (Number.isInteger(status) && status >= 100) return { status };
	const code = [e?.cause?.code, e?.cause?.cause?.code, e?.code, e?.httpCode].find(
		(c): c is string => typeof c === 'string' && CONNECTION_CODES.has(c),
	);
	return { code };
}

/** A 429: Telnyx did not process the request (its dials-per-second limit, 90103, included). */
export function isRateLimited(failure: Failure): boolean {
	return failure.status === 429;
}

/** Whether another attempt may be made for this failure. `repeatable` is false for dial. */
export function isRetryable(failure: Failure, repeatable: boolean): boolean {
	if (neverSent(failure) || isRateLimited(failure)) return true;
	if (!repeatable) return false;
	if (failure.shouldRetry !== undefined) return failure.shouldRetry;
	if (failure.status !== undefined) return RETRYABLE_STATUS(failure.status);
	return failure.code !== undefined;
}

/** Milliseconds to wait before attempt `attempt + 1` (attempt counts from 1). */
export function retryDelayMs(
	failure: Failure,
	attempt: number,
	random: () => number = Math.random,
): number {
	const { retryAfterMs } = failure;
	if (retryAfterMs !== undefined && retryAfterMs >= 0 && retryAfterMs < MAX_RETRY_AFTER_MS)
		return retryAfterMs;
	const backoff = Math.min(500 * 2 ** (attempt - 1), 8000);
	return backoff * (1 - 0.25 * random());
}

/** Short words for a failure, for the final error: "429", "connection reset (ECONNRESET)". */
export function describeFailure(failure: Failure): string {
	if (failure.status !== undefined) return `HTTP ${failure.status}`;
	const words: Record<string, string> = {
		ECONNRESET: 'connection reset',
		ECONNREFUSED: 'connection refused',
		ETIMEDOUT: 'timed out',
		ECONNABORTED: 'timed out',
		ESOCKETTIMEDOUT: 'timed out',
	};
	return failure.code
		? `${words[failure.code] ?? 'connection failed'} (${failure.code})`
		: 'unknown failure';
}

/** Whether the failure means Telnyx cannot have received the request. */
export function neverSent(failure: Failure): boolean {
	return failure.code !== undefined && NOT_SENT_CODES.has(failure.code);
}
