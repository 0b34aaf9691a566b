import type { TexmlApplication } from './applications';
import type { Call } from './calls';
import { play, type NextRequest, type Played, type RingEnd, type RingInput } from './ivr';
import type { Recording, Store } from './store';
import { parseXml, type XmlElement } from './texml';

/**
 * Incoming calls: the sandbox rings a TeXML application as Telnyx does. It asks the Voice URL for
 * TeXML with the application's method (POST: a form body; GET: the query), the call's fields,
 * signed like the status callbacks; plays the answer (ivr.ts), asks the action and redirect URLs
 * that follow, and turns to the Voice Fallback URL when a request fails: an HTTP error, an answer
 * that is not a `<Response>` document, or no answer in time.
 */

export type { Played, RingEnd, RingInput } from './ivr';

export interface RingOptions {
	/** The application rung; the sandbox's own when not given. */
	applicationId?: string;
	from: string;
	to: string;
	/** Sent as CallerName (caller ID name lookup). */
	callerName?: string;
	/** What the caller does at each `<Gather>`, in order; none left: the Gather times out. */
	inputs?: RingInput[];
	/** How long a request may take; default the application's first_command_timeout_secs. */
	timeoutMs?: number;
	/** The most requests a call makes (a redirect loop ends there): 50. */
	maxRequests?: number;
	/** The timer of time-outs; tests give their own so nothing waits on the wall clock. */
	sleep?: (ms: number, signal: AbortSignal) => Promise<void>;
}

/** One request for TeXML, as sent and as answered. */
export interface RingRequest {
	/** The URL requested (for GET with the fields in its query). */
	url: string;
	method: 'GET' | 'POST';
	/** What asked for it: the incoming call, a Gather or Record action, a Redirect. */
	reason: 'voice' | NextRequest['reason'];
	/** Whether this went to the Voice Fallback URL after the request before it failed. */
	fallback: boolean;
	fields: Record<string, string>;
	headers: Record<string, string>;
	/** The form body ('' for GET). */
	body: string;
	status?: number;
	contentType?: string;
	answer?: string;
	/** Why the answer could not be played (HTTP status, not TeXML, time-out, unreachable). */
	problem?: string;
}

/** The story of an incoming call. */
export interface RingResult {
	callSid: string;
	applicationId: string;
	requests: RingRequest[];
	played: Played[];
	ended: RingEnd;
	usedFallback: boolean;
	/** Inputs no Gather took. */
	inputsLeft: RingInput[];
}

export interface RingContext {
	store: Store;
	application: TexmlApplication;
	sign: (timestamp: string, body: string) => string;
	linkFor?: (recording: Recording) => string;
}

const realSleep = (ms: number, signal: AbortSignal) =>
	new Promise<void>((resolve) => {
		const timer = setTimeout(resolve, ms);
		timer.unref?.();
		signal.addEventListener('abort', () => clearTimeout(timer));
	});

/** The fields of every request: Telnyx's "included always", plus Direction and CallerName. */
function callFields(call: Call, app: TexmlApplication, callerName?: string) {
	return {
		AccountSid: call.accountSid,
		ApiVersion: '2010-04-01',
		CallSid: call.sid,
		CallSidLegacy: call.sid,
		CallStatus: call.status,
		ConnectionId: app.id,
		Direction: 'inbound',
		From: call.from,
		To: call.to,
		...(callerName ? { CallerName: callerName } : {}),
	};
}

/** Asks one URL for TeXML; the document's `<Response>`, or the request says what went wrong. */
async function ask(
	request: RingRequest,
	timeoutMs: number,
	sleep: NonNullable<RingOptions['sleep']>,
): Promise<XmlElement | undefined> {
	const abort = new AbortController();
	const timedOut = sleep(timeoutMs, abort.signal).then(() => 'timeout' as const);
	const answered = fetch(request.url, {
		method: request.method,
		headers: request.headers,
		body: request.method === 'POST' ? request.body : undefined,
		signal: abort.signal,
	}).then(async (response) => {
		request.status = response.status;
		request.contentType = response.headers.get('content-type') ?? undefined;
		request.answer = await response.text();
		return 'answered' as const;
	});
	try {
		if ((await Promise.race([answered, timedOut])) === 'timeout') {
			request.problem = `no answer within ${timeoutMs} ms`;
			return undefined;
		}
	} catch (error) {
		request.problem = `unreachable: ${String((error as Error).cause ?? (error as Error).message)}`;
		return undefined;
	} finally {
		abort.abort();
		answered.catch(() => undefined);
	}
	if (request.status! < 200 || request.status! > 299) {
		request.problem = `HTTP ${request.status}`;
		return undefined;
	}
	try {
		const root = parseXml(request.answer!.trim());
		if (root.name === 'Response') return root;
		request.problem = `not TeXML: the root element is <${root.name}>, not <Response>`;
	} catch (error) {
		request.problem = `not TeXML: ${(error as Error).message}`;
	}
	return undefined;
}

/** Rings the application: resolves once the call has ended up somewhere (or failed). */
export async function ring(context: RingContext, options: RingOptions): Promise<RingResult> {
	const { store, application: app } = context;
	const call = store.calls.receive(app.accountSid, {
		applicationSid: app.id,
		from: options.from,
		to: options.to,
		statusCallback: app.statusCallback
			? {
					url: app.statusCallback,
					method: app.statusCallbackMethod === 'get' ? 'GET' : 'POST',
					events: ['initiated', 'ringing', 'answered', 'completed'],
				}
			: undefined,
	});
	const inputs = [...(options.inputs ?? [])];
	const requests: RingRequest[] = [];
	const played: Played[] = [];
	const most = options.maxRequests ?? 50;
	const timeoutMs = options.timeoutMs ?? app.firstCommandTimeoutSecs * 1000;
	const sleep = options.sleep ?? realSleep;

	const send = async (
		next: Omit<NextRequest, 'reason'> & { reason: RingRequest['reason'] },
		fallback: boolean,
	) => {
		const fields = { ...callFields(call, app, options.callerName), ...next.fields };
		const body = next.method === 'POST' ? new URLSearchParams(fields).toString() : '';
		const url = new URL(next.url);
		if (next.method === 'GET')
			for (const [k, v] of Object.entries(fields)) url.searchParams.append(k, v);
		const timestamp = String(Math.floor(Date.now() / 1000));
		const request: RingRequest = {
			url: url.toString(),
			method: next.method,
			reason: next.reason,
			fallback,
			fields,
			headers: {
				...(next.method === 'POST' ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
				'telnyx-timestamp': timestamp,
				// A GET has no body: its signature covers `timestamp|` (the empty body), as status callbacks'.
				'telnyx-signature-ed25519': context.sign(timestamp, body),
			},
			body,
		};
		requests.push(request);
		return ask(request, timeoutMs, sleep);
	};

	const finish = (ended: RingEnd): RingResult => {
		if (ended.kind === 'hangup') store.calls.end(call, 'completed');
		if (ended.kind === 'rejected')
			store.calls.end(call, ended.reason === 'busy' ? 'busy' : 'canceled');
		if (ended.kind === 'error') store.calls.end(call, 'failed');
		return {
			callSid: call.sid,
			applicationId: app.id,
			requests,
			played,
			ended,
			usedFallback: requests.some((r) => r.fallback),
			inputsLeft: inputs,
		};
	};

	if (!app.voiceUrl) return finish({ kind: 'error', reason: 'the application has no Voice URL' });
	let next: Parameters<typeof send>[0] = {
		url: app.voiceUrl,
		method: app.voiceMethod === 'get' ? 'GET' : 'POST',
		fields: {},
		reason: 'voice',
	};
	for (;;) {
		if (requests.length >= most)
			return finish({ kind: 'error', reason: `more than ${most} requests (a redirect loop?)` });
		let documentUrl = next.url;
		let response = await send(next, false);
		if (!response && app.voiceFallbackUrl && requests.length < most) {
			documentUrl = app.voiceFallbackUrl;
			const method = app.voiceMethod === 'get' ? 'GET' : 'POST';
			response = await send({ ...next, url: app.voiceFallbackUrl, method }, true);
		}
		if (!response) return finish({ kind: 'error', reason: requests.at(-1)!.problem! });
		// The call is answered by its first document, unless that rejects it.
		if (response.children[0]?.name !== 'Reject') store.calls.answer(call);
		call.texml.push(requests.at(-1)!.answer!);
		const step = play(response, {
			store,
			call,
			app,
			inputs,
			played,
			documentUrl,
			linkFor: context.linkFor,
		});
		if ('end' in step) return finish(step.end);
		next = step.next;
	}
}
