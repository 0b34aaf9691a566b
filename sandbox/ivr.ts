import type { TexmlApplication } from './applications';
import type { Call } from './calls';
import type { Recording, Store } from './store';
import { recordVerbOptions } from './record-verb';
import type { XmlElement } from './texml';

/**
 * Plays one TeXML document on an incoming call (incoming.ts asks for the documents): what the
 * caller hears is recorded, `<Gather>` takes the caller's next scripted input, and the document
 * ends in a request for the next one (a Gather or Record action, a Redirect) or in where the call
 * ends up (a conference, a queue, a hang-up…).
 */

/** What the caller does when a `<Gather>` listens: keys pressed, words said, or nothing. */
export type RingInput =
	| { digits: string }
	| { speech: string; confidence?: number }
	| { silence: true };

/** A verb as the call played it, in order; prompts nested in a Gather say so. */
export interface Played {
	verb: string;
	/** Say's words, Play's URL, Redirect's URL, Enqueue's queue, Dial's number or conference… */
	text?: string;
	attributes: Record<string, string>;
	/** A Say, Play or Pause inside a Gather (its prompt). */
	inGather?: boolean;
	/** Gather: what the caller gave (Digits, or SpeechResult and Confidence); absent: nothing. */
	heard?: Record<string, string>;
	/** Dial: its nouns (Number, Sip, Queue, Conference) with their attributes. */
	nouns?: Array<{ noun: string; value: string; attributes: Record<string, string> }>;
	/** Record: the recording made. */
	recordingSid?: string;
}

/** Where an incoming call ended up. */
export type RingEnd =
	| {
			kind: 'conference';
			name: string;
			conferenceSid: string;
			/** The conference's state once the caller joined (init: waiting for a starter). */
			conferenceStatus: string;
			participant: {
				callSid: string;
				muted: boolean;
				startConferenceOnEnter: boolean;
				endConferenceOnExit: boolean;
				label?: string;
				beep?: string;
				/** Every attribute of the `<Conference>` noun as written. */
				attributes: Record<string, string>;
			};
	  }
	| { kind: 'hangup'; by: 'verb' | 'end-of-document' }
	| { kind: 'rejected'; reason: string }
	/** Waiting in the store's queue of that name, at this position (1: next). */
	| { kind: 'enqueued'; queue: string; position: number }
	| { kind: 'dialed'; to: Array<{ noun: string; value: string }> }
	| {
			kind: 'connected';
			verb: string;
			to: Array<{ noun: string; attributes: Record<string, string> }>;
	  }
	| { kind: 'error'; reason: string };

/** The next document to ask for, and the fields that go with the call's own. */
export interface NextRequest {
	url: string;
	method: 'GET' | 'POST';
	fields: Record<string, string>;
	reason: 'gather' | 'record' | 'redirect' | 'enqueue';
}

export type Step = { next: NextRequest } | { end: RingEnd };

export interface IvrContext {
	store: Store;
	call: Call;
	app: TexmlApplication;
	/** The caller's remaining inputs; a Gather takes the first. */
	inputs: RingInput[];
	played: Played[];
	/** The URL the document came from: relative URLs and a Gather without action resolve to it. */
	documentUrl: string;
	/** A recording's download link (the media host's). */
	linkFor?: (recording: Recording) => string;
}

const METHOD = (value: string | undefined, fallback: 'GET' | 'POST') =>
	value?.toUpperCase() === 'GET' ? 'GET' : value?.toUpperCase() === 'POST' ? 'POST' : fallback;

/**
 * Digits as a Gather takes them: up to a key of finishOnKey (default `#`, not included), or
 * numDigits (else maxDigits) keys; later keys are dropped.
 */
export function gatherDigits(pressed: string, attributes: Record<string, string>): string {
	const finish = attributes.finishOnKey ?? '#';
	const most = Number(attributes.numDigits) || Number(attributes.maxDigits) || 128;
	let digits = '';
	for (const key of pressed) {
		if (finish.includes(key)) break;
		digits += key;
		if (digits.length >= most) break;
	}
	return digits;
}

/** What a Gather heard from the next input, or undefined (it falls through to the next verb). */
function listen(gather: XmlElement, ctx: IvrContext): Record<string, string> | undefined {
	const input = ctx.inputs.shift();
	if (!input) return undefined;
	const accepts = (gather.attributes.input ?? 'dtmf').split(/\s+/);
	if ('digits' in input && accepts.includes('dtmf')) {
		const digits = gatherDigits(input.digits, gather.attributes);
		return digits ? { Digits: digits } : undefined;
	}
	if ('speech' in input && accepts.includes('speech'))
		return { SpeechResult: input.speech, Confidence: String(input.confidence ?? 0.95) };
	return undefined;
}

function record(
	verb: XmlElement,
	ctx: IvrContext,
): { played: Played; fields: Record<string, string> } {
	const { attributes } = verb;
	const { recording } = ctx.store.recordVerb(
		ctx.call.accountSid,
		ctx.call.sid,
		recordVerbOptions(attributes),
	);
	return {
		played: { verb: 'Record', attributes, recordingSid: recording.sid },
		fields: {
			RecordingSid: recording.sid,
			RecordingDuration: String(recording.duration ?? 0),
			...(ctx.linkFor ? { RecordingUrl: ctx.linkFor(recording) } : {}),
		},
	};
}

function join(conference: XmlElement, ctx: IvrContext): RingEnd {
	const name = conference.text.trim();
	const { attributes } = conference;
	ctx.store.calls.join(ctx.call, name, attributes);
	const joined = ctx.store.calls.membership(ctx.call)!;
	return {
		kind: 'conference',
		name,
		conferenceSid: joined.conference.sid,
		conferenceStatus: joined.conference.status,
		participant: {
			callSid: ctx.call.sid,
			muted: attributes.muted === 'true',
			startConferenceOnEnter: attributes.startConferenceOnEnter !== 'false',
			endConferenceOnExit: attributes.endConferenceOnExit === 'true',
			label: attributes.participantLabel,
			beep: attributes.beep,
			attributes,
		},
	};
}

/** Plays the verbs of a `<Response>` in order, until one moves the call on. */
export function play(response: XmlElement, ctx: IvrContext): Step {
	const resolve = (url: string) => new URL(url, ctx.documentUrl).toString();
	const appMethod = METHOD(ctx.app.voiceMethod, 'POST');
	for (const verb of response.children) {
		const { name, attributes } = verb;
		const text = verb.text.trim();
		switch (name) {
			case 'Say':
			case 'Play':
			case 'Pause':
				ctx.played.push({ verb: name, ...(text ? { text } : {}), attributes });
				break;
			case 'Gather': {
				for (const prompt of verb.children.filter((c) => ['Say', 'Play', 'Pause'].includes(c.name)))
					ctx.played.push({
						verb: prompt.name,
						...(prompt.text.trim() ? { text: prompt.text.trim() } : {}),
						attributes: prompt.attributes,
						inGather: true,
					});
				const heard = listen(verb, ctx);
				ctx.played.push({ verb: name, attributes, ...(heard ? { heard } : {}) });
				// Nothing heard: the Gather falls through to the next verb.
				if (heard)
					return {
						next: {
							url: resolve(attributes.action ?? ctx.documentUrl),
							method: METHOD(attributes.method, appMethod),
							fields: heard,
							reason: 'gather',
						},
					};
				break;
			}
			case 'Dial': {
				const conference = verb.children.find((c) => c.name === 'Conference');
				const nouns = verb.children.map((c) => ({
					noun: c.name,
					value: c.text.trim(),
					attributes: c.attributes,
				}));
				if (nouns.length === 0 && text) nouns.push({ noun: 'Number', value: text, attributes: {} });
				ctx.played.push({ verb: name, attributes, nouns });
				if (conference) return { end: join(conference, ctx) };
				// `<Dial><Queue>`: the caller takes the call waiting at the head of that queue.
				for (const queue of nouns.filter((n) => n.noun === 'Queue'))
					ctx.store.dequeue(ctx.call.accountSid, queue.value);
				return { end: { kind: 'dialed', to: nouns.map(({ noun, value }) => ({ noun, value })) } };
			}
			case 'Record': {
				const made = record(verb, ctx);
				ctx.played.push(made.played);
				if (attributes.action)
					return {
						next: {
							url: resolve(attributes.action),
							method: METHOD(attributes.method, 'POST'),
							fields: made.fields,
							reason: 'record',
						},
					};
				break;
			}
			case 'Redirect':
				ctx.played.push({ verb: name, text, attributes });
				return {
					next: {
						url: resolve(text),
						method: METHOD(attributes.method, 'POST'),
						fields: {},
						reason: 'redirect',
					},
				};
			case 'Hangup':
				ctx.played.push({ verb: name, attributes });
				return { end: { kind: 'hangup', by: 'verb' } };
			case 'Reject':
				ctx.played.push({ verb: name, attributes });
				return { end: { kind: 'rejected', reason: attributes.reason ?? 'rejected' } };
			case 'Enqueue': {
				ctx.played.push({ verb: name, text, attributes });
				const { result, position } = ctx.store.enqueue(ctx.call.accountSid, text, ctx.call.sid);
				if (result === 'enqueued') return { end: { kind: 'enqueued', queue: text, position } };
				// A full queue: the action hears why (Twilio's QueueResult), else the next verb plays.
				if (attributes.action)
					return {
						next: {
							url: resolve(attributes.action),
							method: METHOD(attributes.method, 'POST'),
							fields: { QueueResult: result },
							reason: 'enqueue',
						},
					};
				break;
			}
			case 'Connect':
			case 'Refer':
				ctx.played.push({ verb: name, attributes });
				return {
					end: {
						kind: 'connected',
						verb: name,
						to: verb.children.map((c) => ({ noun: c.name, attributes: c.attributes })),
					},
				};
			default:
				// Leave (no queue to leave here), Start, Stop, AIGather, HttpRequest…: noted, not acted on.
				ctx.played.push({ verb: name, ...(text ? { text } : {}), attributes });
		}
	}
	return { end: { kind: 'hangup', by: 'end-of-document' } };
}
