import { generateKeyPairSync, randomInt, sign, type KeyObject } from 'node:crypto';

import { isoSeconds } from './callback-event';
import type { CallStatusEvent } from './calls';
import type { Conference, Participant, Recording, Store, StoreEvent } from './store';

/**
 * Conference and call status callbacks, sent the way Telnyx sends them: form-urlencoded PascalCase
 * fields, signed with Ed25519 over `<telnyx-timestamp>|<raw body>`, to the conference's (or the
 * call's) statusCallback URL for the events it asked for.
 */

/** The value of `StatusCallbackEvent`, by the statusCallbackEvent token that asks for it. */
const TOKEN_OF: Record<string, string> = {
	'conference-start': 'start',
	'conference-end': 'end',
	'participant-join': 'join',
	'participant-leave': 'leave',
	'participant-speech-start': 'speaker',
	'participant-speech-stop': 'speaker',
};

/** The StatusCallbackEvent token that asks for a call's `CallStatus` value. */
const CALL_TOKEN_OF: Record<string, string> = {
	initiated: 'initiated',
	ringing: 'ringing',
	'in-progress': 'answered',
	completed: 'completed',
	busy: 'completed',
	'no-answer': 'completed',
	canceled: 'completed',
	failed: 'completed',
};

export interface SigningKey {
	/** Base64 of the raw 32-byte public key, as the Telnyx portal shows it. */
	publicKey: string;
	/** The `telnyx-signature-ed25519` value for this timestamp and body. */
	sign(timestamp: string, body: string | Buffer): string;
}

export function newSigningKey(): SigningKey {
	const { publicKey, privateKey } = generateKeyPairSync('ed25519');
	return {
		publicKey: Buffer.from(publicKey.export({ format: 'jwk' }).x as string, 'base64url').toString(
			'base64',
		),
		sign: (timestamp, body) => signWith(privateKey, timestamp, body),
	};
}

function signWith(privateKey: KeyObject, timestamp: string, body: string | Buffer) {
	const bytes = Buffer.concat([Buffer.from(`${timestamp}|`, 'utf8'), Buffer.from(body)]);
	return sign(null, bytes, privateKey).toString('base64');
}

/** One callback as sent, and how the receiver answered. */
export interface Delivery {
	method: 'GET' | 'POST';
	/** The URL requested; for GET it carries the fields as the query. */
	url: string;
	headers: Record<string, string>;
	/** The raw form body ('' for GET). */
	body: string;
	fields: Record<string, string>;
	status?: number;
	error?: string;
}

export interface StatusCallbacks {
	publicKey: string;
	/** Signs other requests the sandbox sends as Telnyx (an incoming call's TeXML requests). */
	sign: SigningKey['sign'];
	/** Finished deliveries, in the order they were sent. */
	deliveries: Delivery[];
	/** The first finished delivery that matches, now or when it arrives; rejects after timeoutMs. */
	waitFor(match: (delivery: Delivery) => boolean, timeoutMs?: number): Promise<Delivery>;
	/** Resolves once every callback queued so far has been delivered or has failed. */
	idle(): Promise<void>;
	/** Dominant-speaker changes; the sandbox carries no audio, so callers say who speaks. */
	speech(conference: Conference, participant: Participant, change: 'start' | 'stop'): void;
	/** Mints the link a completed recording's callback names (set by the server: media.ts). */
	linkFor?: (recording: Recording) => string;
	stop(): void;
}

export function startStatusCallbacks(
	store: Store,
	options: { timeoutMs?: number } = {},
): StatusCallbacks {
	const key = newSigningKey();
	const connectionId = String(randomInt(1e13, 2 ** 48 - 1));
	const sequence = new Map<string, number>();
	const callSequence = new Map<string, number>();
	const deliveries: Delivery[] = [];
	const waiters: Array<{ match: (d: Delivery) => boolean; resolve: (d: Delivery) => void }> = [];
	let queue = Promise.resolve();

	function fieldsOf(
		statusCallbackEvent: string,
		conference: Conference,
		participant?: Participant,
	) {
		// Every event of a conference takes the next number, sent or not, so gaps show filtered events.
		const number = sequence.get(conference.sid) ?? 0;
		sequence.set(conference.sid, number + 1);
		const call =
			participant?.callSid ??
			(statusCallbackEvent === 'conference-end' ? conference.callSidEndingConference : undefined);
		const fields: Record<string, string> = {
			AccountSid: conference.accountSid,
			...(call ? { CallSid: call, CallSidLegacy: call } : {}),
			ConferenceSid: conference.sid,
			ConnectionId: connectionId,
			FriendlyName: conference.friendlyName,
			...(participant?.label ? { ParticipantLabel: participant.label } : {}),
			SequenceNumber: String(number),
			StatusCallbackEvent: statusCallbackEvent,
			Timestamp: isoSeconds(new Date()),
		};
		return fields;
	}

	async function deliver(delivery: Delivery) {
		try {
			const response = await fetch(delivery.url, {
				method: delivery.method,
				headers: delivery.headers,
				body: delivery.method === 'POST' ? delivery.body : undefined,
				signal: AbortSignal.timeout(options.timeoutMs ?? 5000),
			});
			delivery.status = response.status;
			await response.arrayBuffer();
		} catch (error) {
			delivery.error = String((error as Error).cause ?? (error as Error).message);
		}
		deliveries.push(delivery);
		for (const waiter of waiters.filter((w) => w.match(delivery))) {
			waiters.splice(waiters.indexOf(waiter), 1);
			waiter.resolve(delivery);
		}
	}

	function send(statusCallbackEvent: string, conference: Conference, participant?: Participant) {
		const fields = fieldsOf(statusCallbackEvent, conference, participant);
		const callback = conference.statusCallback;
		if (!callback) return;
		if (callback.events.length > 0 && !callback.events.includes(TOKEN_OF[statusCallbackEvent]))
			return;
		post(callback, fields);
	}

	/** A call's status callback (facts: CallbackSource call-progress-events, no StatusCallbackEvent). */
	function sendCall({ call, callStatus }: CallStatusEvent) {
		const number = callSequence.get(call.sid) ?? 0;
		callSequence.set(call.sid, number + 1);
		const callback = call.statusCallback;
		if (!callback || !callback.events.includes(CALL_TOKEN_OF[callStatus] ?? callStatus)) return;
		const now = new Date();
		const duration = call.startTime
			? String(Math.round(((call.endTime ?? now).getTime() - call.startTime.getTime()) / 1000))
			: '0';
		const ended = CALL_TOKEN_OF[callStatus] === 'completed';
		// StatusCallbacks (an AI call's): every URL hears the same callbacks.
		for (const url of [callback.url, ...(callback.also ?? [])])
			post(
				{ url, method: callback.method },
				{
					AccountSid: call.accountSid,
					CallSid: call.sid,
					CallSidLegacy: call.sid,
					CallStatus: callStatus,
					CallbackSource: 'call-progress-events',
					ConnectionId: connectionId,
					From: call.from,
					To: call.to,
					SequenceNumber: String(number),
					Timestamp: isoSeconds(now),
					CallInitiatedAt: call.dateCreated.toISOString(),
					...(callStatus === 'initiated' ? {} : { CallDuration: duration }),
					...(ended
						? {
								HangupCause: 'normal_clearing',
								...(call.startTime ? { StartTime: call.startTime.toISOString() } : {}),
								EndTime: (call.endTime ?? now).toISOString(),
							}
						: {}),
				},
			);
	}

	function post(callback: { url: string; method: 'GET' | 'POST' }, fields: Record<string, string>) {
		const body = new URLSearchParams(fields).toString();
		const timestamp = String(Math.floor(Date.now() / 1000));
		const url = new URL(callback.url);
		if (callback.method === 'GET')
			for (const [name, value] of Object.entries(fields)) url.searchParams.append(name, value);
		const delivery: Delivery = {
			method: callback.method,
			url: url.toString(),
			headers: {
				...(callback.method === 'POST'
					? { 'content-type': 'application/x-www-form-urlencoded' }
					: {}),
				'telnyx-timestamp': timestamp,
				// A GET has no body, so its signature covers only the timestamp, as on Telnyx.
				'telnyx-signature-ed25519': key.sign(timestamp, callback.method === 'POST' ? body : ''),
			},
			body: callback.method === 'POST' ? body : '',
			fields,
		};
		queue = queue.then(() => deliver(delivery));
	}

	/**
	 * A recording status callback, as Telnyx documents it: RecordingStatus, no StatusCallbackEvent, no
	 * ConferenceSid; RecordingDuration and RecordingUrl once completed. Telnyx's default
	 * subscription is `completed` only; `absent` covers a recording that failed.
	 */
	function sendRecording(recording: Recording) {
		const callback = recording.callback;
		if (!callback) return;
		const status = (
			{
				processing: 'in-progress',
				completed: 'completed',
				stopped: 'completed',
				absent: 'absent',
			} as Record<string, string | undefined>
		)[recording.status];
		if (!status) return; // paused, resumed: no callback
		const wanted = callback.events.length > 0 ? callback.events : ['completed'];
		if (!wanted.includes(status)) return;
		const completed = status === 'completed';
		post(callback, {
			AccountSid: recording.accountSid,
			CallSid: recording.callSid,
			CallSidLegacy: recording.callSid,
			ConnectionId: connectionId,
			...(completed ? { RecordingDuration: String(recording.duration ?? 0) } : {}),
			RecordingChannels: String(recording.channels),
			RecordingSid: recording.sid,
			RecordingSource: recording.source,
			RecordingStatus: status,
			...(completed && api.linkFor && recording.sendUrl !== false
				? { RecordingUrl: api.linkFor(recording) }
				: {}),
		});
	}

	const listener = (event: StoreEvent) => {
		if (event.type === 'recording-status') return sendRecording(event.recording);
		if (event.type === 'call-status') return sendCall(event);
		if (event.type === 'callback') return post(event.callback, event.fields);
		send(event.type, event.conference, 'participant' in event ? event.participant : undefined);
	};
	store.listeners.push(listener);

	const api: StatusCallbacks = {
		publicKey: key.publicKey,
		sign: key.sign,
		deliveries,
		waitFor(match, timeoutMs = 30_000) {
			const done = deliveries.find(match);
			if (done) return Promise.resolve(done);
			return new Promise<Delivery>((resolve, reject) => {
				const timer = setTimeout(() => {
					waiters.splice(waiters.indexOf(waiter), 1);
					const sent = deliveries.map(
						(d) =>
							`${d.fields.StatusCallbackEvent ?? d.fields.CallStatus ?? d.fields.StreamEvent ?? d.fields.SiprecStatus ?? d.fields.ConversationEvent ?? `recording-${d.fields.RecordingStatus}`} → ${d.status ?? d.error}`,
					);
					reject(
						new Error(
							`No matching status callback within ${timeoutMs} ms; delivered: ${sent.join(', ') || 'none'}`,
						),
					);
				}, timeoutMs);
				const waiter = {
					match,
					resolve: (d: Delivery) => {
						clearTimeout(timer);
						resolve(d);
					},
				};
				waiters.push(waiter);
			});
		},
		idle: () => queue,
		speech: (conference, participant, change) =>
			send(`participant-speech-${change}`, conference, participant),
		stop() {
			const index = store.listeners.indexOf(listener);
			if (index >= 0) store.listeners.splice(index, 1);
		},
	};
	return api;
}
