import type {
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	INodeProperties,
	INodePropertyRouting,
	PostReceiveAction,
} from 'n8n-workflow';

import { noteAnswer } from '../transport/answers';
import { refusingOnContinue } from '../transport/continueOnFail';
import { throwOnTelnyxError } from '../transport/errors';
import { formBody, type FieldDependency } from '../fields/form';
import { texmlPath } from './request';
import { texmlSending } from '../transport/core';

export interface TexmlOperation {
	method: 'DELETE' | 'GET' | 'PATCH' | 'POST';
	/**
	 * Below `/texml/Accounts/{accountSid}`, e.g. `/Conferences/{conferenceSid}`; or, for the
	 * endpoints outside an account, from the Base URL when it starts with `/texml/` or
	 * `/texml_applications`, e.g. `/texml/secrets`.
	 */
	path: string;
	/**
	 * The fields whose `routing.send` fills the body, and rules across them. The body is a form
	 * unless `encoding` says JSON (call initiation, AI calls, applications and secrets).
	 */
	form?: {
		properties: INodeProperties[];
		dependencies?: FieldDependency[];
		encoding?: 'form' | 'json';
	};
	/** More checks of the item's input, e.g. query filters; they throw to refuse the item. */
	checks?: Array<
		(this: IExecuteSingleFunctions, options: IHttpRequestOptions) => Promise<IHttpRequestOptions>
	>;
	/** Runs on success, after the Telnyx error check. */
	postReceive?: PostReceiveAction[];
	headers?: Record<string, string>;
	/**
	 * Whether a request that failed for a passing reason may be sent again. False for a dial, which
	 * is not idempotent: it is re-sent only when Telnyx cannot have processed it.
	 */
	repeatable: boolean;
	/** For a list (Get Many): the key of the records in each Telnyx page, e.g. `participants`. */
	recordsKey?: string;
}

/**
 * The routing every TeXML operation shares: the input is checked, then the path is built and
 * encoded (last, because an empty Account SID is looked up with a request: a bad item sends
 * nothing); the request is sent by the TeXML sending this operation declares (limiter, retries,
 * pages); Telnyx answers are noted for the limiter, then checked by the one error mapper (HTTP
 * errors are not thrown by the request itself, so a 401 is not re-sent and Telnyx's `errors[]`
 * reach the user).
 */
export function texmlRouting({
	method,
	path,
	form,
	checks = [],
	postReceive = [],
	headers,
	repeatable,
	recordsKey,
}: TexmlOperation): INodePropertyRouting {
	return {
		request: {
			method,
			ignoreHttpStatusErrors: true,
			...(form
				? {
						headers: {
							'Content-Type':
								form.encoding === 'json' ? 'application/json' : 'application/x-www-form-urlencoded',
							...headers,
						},
					}
				: headers
					? { headers }
					: {}),
		},
		send: {
			preSend: refusingOnContinue([
				...checks,
				...(form ? [formBody(form.properties, form.dependencies, form.encoding)] : []),
				texmlPath(
					/^\/texml(\/|_applications)/.test(path) ? path : `/texml/Accounts/{accountSid}${path}`,
				),
			]),
			paginate: true,
		},
		operations: { pagination: texmlSending({ repeatable, recordsKey }) },
		output: { postReceive: [noteAnswer, throwOnTelnyxError, ...postReceive] },
	};
}

/** Coaching needs the call SID of the participant to coach (Telnyx: "has to be given"). */
export function coachingNeedsCallSid(where: string): FieldDependency {
	return {
		when: 'Coaching',
		is: true,
		requires: 'CallSidToCoach',
		fix: `Add "Call SID To Coach"${where} with the call SID of the participant to coach, or turn Coaching off.`,
	};
}
