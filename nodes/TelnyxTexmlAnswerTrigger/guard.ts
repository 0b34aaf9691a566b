import type { IWebhookFunctions } from 'n8n-workflow';

import { texmlProblem } from '../TelnyxTexml/fields/texml';

/** The content type of every answer to Telnyx (no Telnyx page names one; XML is what it parses). */
export const TEXML_CONTENT_TYPE = 'application/xml; charset=utf-8';

export interface AnswerGuard {
	/** How long the workflow may take before the fallback answers, in ms. */
	budgetMs: number;
	/** The TeXML that answers when the workflow cannot (a failure, no TeXML, too slow). */
	fallback: string;
	/** Told which answer went out; for tests and logs. */
	onAnswer?: (answer: { source: 'workflow' | 'fallback'; reason?: string }) => void;
}

type Response = ReturnType<IWebhookFunctions['getResponseObject']>;

/**
 * Makes sure the call gets TeXML whatever the workflow does. n8n answers a webhook in the process
 * that received it (main or webhook process, also in queue mode) by ending this response: with the
 * workflow's TeXML, or with its own JSON ("Error in workflow", "Workflow executed successfully…"),
 * or not in time. Every answer passes through `end` (Express's `send` and `json` call it), so the
 * guard reads what is about to go out: a well-formed `<Response>` with status 200 goes as XML, anything
 * else is replaced by the fallback; a timer sends the fallback when the budget runs out, and what n8n
 * sends after that, headers included, is dropped (the call has already moved on).
 */
export function guardAnswer(res: Response, guard: AnswerGuard): void {
	const end = res.end.bind(res) as (chunk?: unknown) => Response;
	let settled = false;

	const answer = (texml: string, source: 'workflow' | 'fallback', reason?: string) => {
		settled = true;
		if (!res.headersSent) {
			res.statusCode = 200;
			res.removeHeader('content-security-policy');
			res.setHeader('content-type', TEXML_CONTENT_TYPE);
			res.setHeader('content-length', Buffer.byteLength(texml, 'utf8'));
		}
		// The workflow may still answer later; n8n then sets headers on this response again, which
		// would throw and make n8n close the socket under the next request a client sends on it.
		if (source === 'fallback' && !res.headersSent) res.setHeader('connection', 'close');
		guard.onAnswer?.({ source, reason });
		end(texml);
		res.setHeader = (() => res) as typeof res.setHeader;
		res.removeHeader = () => {};
		res.writeHead = (() => res) as typeof res.writeHead;
	};
	const fallback = (reason: string) => answer(guard.fallback, 'fallback', reason);

	// A streamed answer (n8n pipes binary data) is never TeXML the guard can check whole.
	res.write = (() => {
		if (!settled) fallback('the workflow answered with a stream, not TeXML');
		return false;
	}) as typeof res.write;
	res.end = ((chunk?: unknown) => {
		if (settled) return res;
		const text =
			chunk === undefined || chunk === null || typeof chunk === 'function'
				? ''
				: Buffer.isBuffer(chunk)
					? chunk.toString('utf8')
					: String(chunk);
		const document = text.trim();
		if (res.statusCode !== 200)
			fallback(`the workflow's answer had status ${res.statusCode} (${document.slice(0, 120)})`);
		else if (document === '') fallback('the workflow answered no TeXML');
		else {
			const problem = texmlProblem(document);
			if (problem) fallback(`the workflow's answer is not TeXML: ${problem}`);
			else answer(document, 'workflow');
		}
		return res;
	}) as typeof res.end;

	// A timer that keeps no process alive (n8n-workflow 2.41 has no cancellable sleep); once the call
	// is answered, it does nothing.
	AbortSignal.timeout(Math.max(0, guard.budgetMs)).addEventListener(
		'abort',
		() => {
			if (!settled) fallback(`the workflow took longer than ${guard.budgetMs} ms`);
		},
		{ once: true },
	);
}
