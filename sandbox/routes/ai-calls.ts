import { isLive } from '../calls';
import { invalid, type Reply } from '../http';
import { checkJson, type JsonRule } from '../json-fields';
import { ok, route, type RouteContext } from './common';
import { METHOD, PLACING_FIELDS } from './placing-fields';
import { recordFromStart } from './record-from-start';

/**
 * InitiateTexmlAICall: an outbound call handled by a Telnyx AI assistant, on a TeXML connection
 * (in the sandbox, a TeXML application of the account). Telnyx builds the call's TeXML itself, so
 * `Texml`, `Twiml` and `Url` are refused with 422, as the document says. The call joins the call
 * book (listed, hung up, status callbacks like any call); its conversation callbacks fire when it
 * is answered and when it ends.
 */

/** InitiateAICallRequest, every field of the document, with its type and range. */
const INITIATE_AI: Record<string, JsonRule> = {
	...PLACING_FIELDS,
	AIAssistantDynamicVariables: 'string map',
	AIAssistantId: 'string',
	AIAssistantVersion: 'string',
	ConversationCallback: 'url',
	ConversationCallbackMethod: METHOD,
	ConversationCallbacks: 'strings',
	Passports: 'string',
	StatusCallbackEvent: {
		words: [
			'initiated',
			'ringing',
			'answered',
			'completed',
			'no-answer',
			'busy',
			'canceled',
			'failed',
			'analyzed',
		],
	},
	StatusCallbacks: 'strings',
};

/** Refused by name: Telnyx builds the assistant's TeXML. */
const NOT_ALLOWED = ['Texml', 'Twiml', 'Url'];

const URL = /^https?:\/\/[^/\s]+/;

const escapeXml = (text: string) =>
	text.replace(
		/[<>&"']/g,
		(c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c]!,
	);

function initiate(ctx: RouteContext): Reply {
	const { account } = ctx;
	const body = ctx.json as Record<string, unknown> | undefined;
	for (const key of NOT_ALLOWED) {
		if (body && typeof body === 'object' && key in body)
			throw invalid(key, `${key} is not allowed on an AI call: Telnyx builds its TeXML.`);
	}
	const request = checkJson(body, INITIATE_AI, ['From', 'To', 'AIAssistantId']);
	const text = (key: string) => request[key] as string | undefined;
	const list = (key: string) => (request[key] as string[] | undefined) ?? [];
	for (const key of ['ConversationCallbacks', 'StatusCallbacks']) {
		if (list(key).some((url) => !URL.test(url)))
			throw invalid(key, `Every entry of ${key} must be an absolute http(s) URL.`);
	}
	if (text('CallerId') && !/^[A-Za-z0-9 \-_~!.+]{1,128}$/.test(text('CallerId')!))
		throw invalid('CallerId', 'CallerId is at most 128 letters, digits, spaces and -_~!.+.');
	const connectionId = ctx.params.connectionId;
	// The operation declares no 404: an unknown connection is an unprocessable request.
	if (!ctx.store.calls.application(account.sid, connectionId))
		throw invalid('connection_id', 'connection_id is not a TeXML connection of this account.');

	const statusUrls = [text('StatusCallback'), ...list('StatusCallbacks')].filter(
		(url): url is string => Boolean(url),
	);
	const assistantId = text('AIAssistantId')!;
	const call = ctx.store.calls.place(
		account.sid,
		{
			applicationSid: connectionId,
			from: text('From')!,
			to: text('To')!,
			statusCallback: statusUrls.length
				? {
						url: statusUrls[0],
						also: statusUrls.slice(1),
						method: text('StatusCallbackMethod') === 'GET' ? 'GET' : 'POST',
						events: (text('StatusCallbackEvent') ?? 'completed').split(' '),
					}
				: undefined,
			customHeaders: (request.CustomHeaders as Array<{ name: string; value: string }>) ?? [],
		},
		// What Telnyx builds: the call is connected to the assistant (the sandbox's call stays on it).
		{
			texml: `<Response><Connect><AIAssistant id="${escapeXml(assistantId)}"/></Connect></Response>`,
		},
	);
	if (isLive(call)) {
		ctx.store.aiCalls.start({
			callSid: call.sid,
			accountSid: account.sid,
			connectionId,
			from: call.from,
			to: call.to,
			assistantId,
			assistantVersion: text('AIAssistantVersion'),
			dynamicVariables: (request.AIAssistantDynamicVariables as Record<string, string>) ?? {},
			conversationCallbacks: [
				text('ConversationCallback'),
				...list('ConversationCallbacks'),
			].filter((url): url is string => Boolean(url)),
			conversationCallbackMethod: text('ConversationCallbackMethod') === 'GET' ? 'GET' : 'POST',
		});
	}
	recordFromStart(ctx, call, request);
	return ok({ call_sid: call.sid, from: call.from, status: 'queued', to: call.to });
}

export const aiCallRoutes = [route('POST', 'texml/ai_calls/:connectionId', initiate, 'json')];
