import type {
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	INodeProperties,
	INodePropertyRouting,
	PostReceiveAction,
} from 'n8n-workflow';

import { refusingOnContinue, throwOnTelnyxError } from './errors';
import { formBody, type FieldDependency } from './form';
import { texmlPath } from './request';

export interface TexmlOperation {
	method: 'DELETE' | 'GET' | 'POST';
	/** Below `/texml/Accounts/{accountSid}`, e.g. `/Conferences/{conferenceSid}`. */
	path: string;
	/** The fields whose `routing.send` fills the form body, and rules across them. */
	form?: { properties: INodeProperties[]; dependencies?: FieldDependency[] };
	/** More checks of the item's input, e.g. query filters; they throw to refuse the item. */
	checks?: Array<(this: IExecuteSingleFunctions, options: IHttpRequestOptions) => Promise<IHttpRequestOptions>>;
	/** Runs on success, after the Telnyx error check. */
	postReceive?: PostReceiveAction[];
	headers?: Record<string, string>;
}

/**
 * The routing every TeXML operation shares: Telnyx answers are checked by the one error mapper
 * (HTTP errors are not thrown by the request itself, so a 401 is not re-sent and Telnyx's
 * `errors[]` reach the user), the input is checked, then the path is built and encoded. The path
 * comes last because an empty Account SID is looked up with a request: a bad item sends nothing.
 */
export function texmlRouting({
	method,
	path,
	form,
	checks = [],
	postReceive = [],
	headers,
}: TexmlOperation): INodePropertyRouting {
	return {
		request: {
			method,
			ignoreHttpStatusErrors: true,
			...(form ? { headers: { 'Content-Type': 'application/x-www-form-urlencoded', ...headers } } : headers ? { headers } : {}),
		},
		send: {
			preSend: refusingOnContinue([
				...checks,
				...(form ? [formBody(form.properties, form.dependencies)] : []),
				texmlPath(path),
			]),
		},
		output: { postReceive: [throwOnTelnyxError, ...postReceive] },
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
