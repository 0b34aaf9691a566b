import type { IExecuteSingleFunctions, IHttpRequestOptions } from 'n8n-workflow';

import { accountSidFor, fetchAccountSid } from '../transport/account';
import { apiBaseUrl, CREDENTIAL_TYPE } from '../../shared/constants';
import { buildPath, type PathParameter } from './path';
import { sendAuthenticated } from '../transport/core';

/** The node panel's names for the values that go into TeXML paths. */
const PATH_LABELS: Record<string, string> = {
	accountSid: 'Account SID',
	callSid: 'Call SID',
	conferenceSid: 'Conference',
	participant: 'Participant',
	recordingSid: 'Recording SID',
	transcriptionSid: 'Transcription SID',
	queueSid: 'Queue SID',
	streamSid: 'Stream SID',
	siprecSid: 'SIPREC Session SID',
	application: 'Application',
};

/** What to enter when a path value is empty, and where to find it. */
const PATH_HINTS: Record<string, string> = {
	callSid:
		'Map the CallSid of a Telnyx TeXML Trigger event (a call status callback), or the call_sid of a conference participant.',
	conferenceSid:
		'Enter the conference SID or map one from the input data; list the conferences to find it.',
	participant:
		'Enter the participant’s call SID or label, or map one from the input data; list the participants of the conference to find it.',
	recordingSid:
		'Enter the recording SID or map one from the input data, e.g. RecordingSid of the trigger’s recording events; list the recordings to find it.',
	transcriptionSid:
		'Enter the transcription SID or map one from the input data; list the transcriptions to find it.',
	queueSid: 'Enter the queue SID or map one from the input data; list the queues to find it.',
	streamSid:
		'Enter the stream SID: sid of Call Stream → Start, or StreamSid of the stream’s status callback.',
	siprecSid:
		'Enter the SIPREC session SID: sid of Call SIPREC Session → Start, or SiprecSid of its status callback.',
	application: 'Pick the TeXML application from the list or enter its ID.',
};

/** The Account SID field, or when left empty the organization of the API key (once per execution). */
async function accountSidOf(context: IExecuteSingleFunctions, baseUrl: string): Promise<unknown> {
	const given = context.getNodeParameter('accountSid', '');
	const empty =
		given === undefined || given === null || (typeof given === 'string' && given.trim() === '');
	if (!empty) return given;
	const credential = context.getNode().credentials?.[CREDENTIAL_TYPE]?.id ?? '';
	const executionId = context.getExecutionId();
	const key = executionId ? `${executionId}:${credential}:${baseUrl}` : undefined;
	return await accountSidFor(
		key,
		async () =>
			await fetchAccountSid(
				context.getNode(),
				baseUrl,
				async (options, attempt) =>
					await sendAuthenticated(context, options, { itemIndex: context.getItemIndex(), attempt }),
				context.getItemIndex(),
			),
	);
}

/**
 * preSend factory: sets the request URL from a path template from the Base URL, such as
 * `/texml/Accounts/{accountSid}/Conferences/{conferenceSid}` or `/texml_applications/{application}`.
 * Every placeholder is read from the node parameter of the same name (resource locators give their
 * value), checked and encoded; an empty `{accountSid}` is the API key's account.
 */
export function texmlPath(fullTemplate: string) {
	const template = fullTemplate.replace('/texml/Accounts/{accountSid}', '');
	const byAccount = template !== fullTemplate;
	const names = [...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
	return async function setTexmlUrl(
		this: IExecuteSingleFunctions,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> {
		const parameters: Record<string, PathParameter> = {};
		for (const name of names) {
			const value = this.getNodeParameter(name, undefined, { extractValue: true });
			parameters[name] = { value, label: PATH_LABELS[name] ?? name, hint: PATH_HINTS[name] };
		}
		// The other fields are checked before the account SID may be looked up: a bad item sends nothing.
		if (!byAccount) {
			requestOptions.url = buildPath(this, fullTemplate, parameters);
			return requestOptions;
		}
		buildPath(this, template, parameters);
		parameters.accountSid = {
			value: await accountSidOf(this, apiBaseUrl(requestOptions.baseURL)),
			label: PATH_LABELS.accountSid,
		};
		requestOptions.url = buildPath(this, fullTemplate, parameters);
		return requestOptions;
	};
}
