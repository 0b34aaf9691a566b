import { callResource, isLive, type Call, type Source } from '../calls';
import { checkForm, type FieldRule } from '../fields';
import { HttpError, invalid, notFound, type Reply } from '../http';
import { checkJson, type JsonRule } from '../json-fields';
import { page } from '../paging';
import { TexmlError } from '../texml';
import { accountOf, ok, route, type RouteContext } from './common';
import { METHOD, PLACING_FIELDS } from './placing-fields';
import { recordFromStart } from './record-from-start';

/** Telnyx's TeXML Calls API (InitiateTexmlCall, GetTexmlCall(s), UpdateTexmlCall). */

export const CALLS = 'texml/Accounts/:accountSid/Calls';
export const CALL = `${CALLS}/:callSid`;

/** InitiateCallRequest, every field of the document, with its type and range. */
const INITIATE: Record<string, JsonRule> = {
	...PLACING_FIELDS,
	ApplicationSid: 'string',
	CancelPlaybackOnDetectMessageEnd: 'boolean',
	CancelPlaybackOnMachineDetection: 'boolean',
	DeepfakeDetection: { oneOf: ['Enable'] },
	DeepfakeDetectionCallbackMethod: METHOD,
	DeepfakeDetectionCallbackUrl: 'url',
	FallbackUrl: 'url',
	MediaEncryption: { oneOf: ['disabled', 'SRTP', 'DTLS'] },
	StatusCallbackEvent: { words: ['initiated', 'ringing', 'answered', 'completed'] },
	SuperviseCallSid: 'string',
	SupervisingRole: { oneOf: ['barge', 'whisper', 'monitor'] },
	Texml: 'string',
	Url: 'url',
	UrlMethod: METHOD,
};

/** The call's status callback as asked for; Telnyx sends `completed` only unless told otherwise. */
function callbackOf(url?: string, method?: string, events?: string) {
	if (!url) return undefined;
	return {
		url,
		method: (method === 'GET' ? 'GET' : 'POST') as 'GET' | 'POST',
		events: events ? events.split(' ') : ['completed'],
	};
}

function asTexmlError(error: unknown, field: string): never {
	if (error instanceof TexmlError)
		throw invalid(field, `${field} is not a well-formed TeXML document: ${error.message}.`);
	throw error;
}

function initiate(ctx: RouteContext): Reply {
	const account = accountOf(ctx);
	const request = checkJson(ctx.json, INITIATE, ['To', 'From', 'ApplicationSid']);
	const text = (key: string) => request[key] as string | undefined;
	if (text('CallerId') && !/^[A-Za-z0-9 \-_~!.+]{1,128}$/.test(text('CallerId')!))
		throw invalid('CallerId', 'CallerId is at most 128 letters, digits, spaces and -_~!.+.');
	if (request.Texml !== undefined && request.Url !== undefined)
		throw invalid('Texml', 'Give either Url or Texml, not both.');
	if (!ctx.store.calls.application(account.sid, text('ApplicationSid')!))
		throw invalid('ApplicationSid', 'ApplicationSid is not a TeXML application of this account.');
	const source: Source =
		text('Texml') !== undefined
			? { texml: text('Texml')! }
			: text('Url') !== undefined
				? {
						url: text('Url')!,
						method: text('UrlMethod') ?? 'POST',
						fallbackUrl: text('FallbackUrl'),
					}
				: { none: true };
	let call: Call;
	try {
		call = ctx.store.calls.place(
			account.sid,
			{
				applicationSid: text('ApplicationSid')!,
				from: text('From')!,
				to: text('To')!,
				statusCallback: callbackOf(
					text('StatusCallback'),
					text('StatusCallbackMethod'),
					text('StatusCallbackEvent'),
				),
				customHeaders: (request.CustomHeaders as Call['customHeaders'] | undefined) ?? [],
			},
			source,
		);
	} catch (error) {
		asTexmlError(error, 'Texml');
	}
	recordFromStart(ctx, call, request);
	// InitiateCallResult: no SID, as documented, unless the sandbox is told to answer as users report.
	return ok({
		...(ctx.store.calls.sidInAnswer ? { call_sid: call.sid } : {}),
		from: call.from,
		status: 'queued',
		to: call.to,
	});
}

const UPDATE: Record<string, FieldRule> = {
	FallbackMethod: 'method',
	FallbackUrl: 'url',
	Method: 'method',
	Status: { oneOf: ['completed'] },
	StatusCallback: 'url',
	StatusCallbackMethod: 'method',
	Texml: 'text',
	Url: 'url',
};

function callOf(ctx: RouteContext): Call {
	const account = accountOf(ctx);
	const call = ctx.store.calls.find(account.sid, ctx.params.callSid);
	if (!call) throw notFound();
	return call;
}

function update(ctx: RouteContext): Reply {
	const call = callOf(ctx);
	const { form } = ctx;
	if (form.Status !== undefined && form.Status !== 'completed') {
		throw new HttpError(422, [
			{
				code: '10032',
				title: 'Invalid enumerated value',
				detail: 'Status must be one of completed',
				source: { pointer: '/Status' },
			},
		]);
	}
	checkForm(form, UPDATE);
	if (form.Texml !== undefined && form.Url !== undefined)
		throw invalid('Texml', 'Give either Url or Texml, not both.');
	if (!isLive(call)) {
		throw new HttpError(422, [
			{
				code: '90018',
				title: 'Call has already ended',
				detail: 'This call is no longer active and can\u2019t receive commands.',
			},
		]);
	}
	if (form.StatusCallback) {
		call.statusCallback = {
			url: form.StatusCallback,
			method: form.StatusCallbackMethod === 'GET' ? 'GET' : 'POST',
			events: call.statusCallback?.events ?? ['completed'],
		};
	}
	if (form.Status === 'completed') ctx.store.calls.hangUp(call);
	else if (form.Texml !== undefined || form.Url !== undefined) {
		try {
			ctx.store.calls.redirect(
				call,
				form.Texml !== undefined
					? { texml: form.Texml }
					: { url: form.Url, method: form.Method ?? 'POST', fallbackUrl: form.FallbackUrl },
			);
		} catch (error) {
			asTexmlError(error, 'Texml');
		}
	}
	return ok(callResource(call));
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const LIST_STATUS = ['canceled', 'completed', 'failed', 'busy', 'no-answer'];

/** The call list's filters: numbers, an ended call's status, and start/end dates (UTC days). */
function listCalls(ctx: RouteContext): Reply {
	const account = accountOf(ctx);
	const filters: Record<string, string> = {};
	for (const [key, value] of ctx.query) {
		if (['Page', 'PageSize', 'PageToken'].includes(key)) continue;
		if (!/^(To|From|Status|(Start|End)Time(_gt|_lt)?)$/.test(key))
			throw invalid(key, `${key} is not a known parameter.`);
		if (key === 'Status' && !LIST_STATUS.includes(value))
			throw invalid(key, `Status must be one of ${LIST_STATUS.join(', ')}.`);
		if (/Time/.test(key) && !DATE.test(value))
			throw invalid(key, `${key} must be a date as YYYY-MM-DD.`);
		filters[key] = value;
	}
	const day = (date?: Date) => date?.toISOString().slice(0, 10);
	const matches = (call: Call) =>
		Object.entries(filters).every(([key, value]) => {
			if (key === 'To') return call.to === value;
			if (key === 'From') return call.from === value;
			if (key === 'Status') return call.status === value;
			const date = day(key.startsWith('Start') ? call.startTime : call.endTime);
			if (date === undefined) return false;
			if (key.endsWith('_gt')) return date > value;
			if (key.endsWith('_lt')) return date < value;
			return date === value;
		});
	const calls = ctx.store.calls.calls
		.filter((c) => c.accountSid === account.sid && matches(c))
		.reverse()
		.map(callResource);
	return ok(
		page('calls', calls, {
			path: `/v2/texml/Accounts/${account.sid}/Calls.json`,
			query: ctx.query,
			defaultPageSize: ctx.pageSize,
			filters,
		}),
	);
}

export const callRoutes = [
	route('GET', CALLS, listCalls),
	route('POST', CALLS, initiate, 'json'),
	route('GET', CALL, (ctx) => ok(callResource(callOf(ctx)))),
	route('POST', CALL, update),
];
