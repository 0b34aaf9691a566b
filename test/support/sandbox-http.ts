/**
 * Plain HTTP against a started sandbox, each exchange checked against Telnyx's document: the
 * request against its operation's parameters and body schema, the answer against the response
 * schema of its status. For the sandbox's own suites (no node, no engine).
 */
import type { Call, TexmlSandbox } from '../../sandbox';
import { checkAnswer, checkRequest, findOperation } from '../contract/wire';
import type { Contract } from './openapi';

export interface Exchange {
	status: number;
	/** The answer parsed ({} for none). */
	body: any;
	/** What the document finds wrong with the request and the answer; [] when nothing. */
	problems: string[];
	/** The operation the request went to. */
	operationId?: string;
}

/**
 * Sends `body` as a form (the default) or as JSON, with the sandbox's API key. `checkSent: false`
 * checks the answer only: for requests that break the document on purpose (an unknown key).
 */
export async function exchange(
	contract: Contract,
	sandbox: TexmlSandbox,
	method: string,
	path: string,
	body?: Record<string, unknown>,
	options: { json?: boolean; checkSent?: boolean; apiKey?: string } = {},
): Promise<Exchange> {
	const encoded = body
		? options.json
			? JSON.stringify(body)
			: new URLSearchParams(body as Record<string, string>).toString()
		: undefined;
	const headers: Record<string, string> = {
		authorization: `Bearer ${options.apiKey ?? sandbox.account.apiKey}`,
	};
	if (body)
		headers['content-type'] = options.json
			? 'application/json'
			: 'application/x-www-form-urlencoded';
	const url = `/v2${path}`;
	const response = await fetch(`${sandbox.origin}${url}`, { method, headers, body: encoded });
	const text = await response.text();
	const found = findOperation(contract, method, url.split('?')[0]);
	const problems = found
		? [
				...(options.checkSent === false
					? []
					: checkRequest(contract, { method, url, headers, body: encoded ?? '' })),
				...checkAnswer(contract, found.operation, response.status, text),
			]
		: [`${method} ${url}: no such operation in the document`];
	return {
		status: response.status,
		body: text ? JSON.parse(text) : {},
		problems,
		operationId: found?.operation.operationId,
	};
}

/** `exchange` for a suite's contract and its sandbox of the moment (a new one for each test). */
export function exchangeWith(contract: Contract, sandbox: () => TexmlSandbox) {
	return (
		method: string,
		path: string,
		body?: Record<string, unknown>,
		options?: Parameters<typeof exchange>[5],
	) => exchange(contract, sandbox(), method, path, body, options);
}

/** A live call of the sandbox's account, placed directly (as if another system had), running `texml`. */
export function placeLiveCall(sandbox: TexmlSandbox, texml: string, to = '+13125550123'): Call {
	return sandbox.store.calls.place(
		sandbox.account.sid,
		{ applicationSid: sandbox.application.id, from: '+13125550100', to, customHeaders: [] },
		{ texml },
	);
}
