import { newApplication, type TexmlApplication } from './applications';
import { newCallSid, rfc2822 } from './formats';
import { recordVerbOptions } from './record-verb';
import type { Conference, Participant, Store } from './store';
import { readTexml, TexmlError, type Instructions } from './texml';

/**
 * TeXML calls in the sandbox: placed through the Calls API, they run their TeXML at once (the
 * sandbox answers for every callee; a call on Say, Play, Gather… stays on it until redirected). A call whose TeXML holds `<Dial><Conference>name` becomes a
 * participant of that conference (created by name when none runs); a redirect moves it, a hang-up
 * or the end of its conference ends it. Each status change is a `call-status` store event, which
 * the status-callback sender turns into the call's signed status callbacks.
 */

export type CallStatus =
	| 'queued'
	| 'initiated'
	| 'ringing'
	| 'in-progress'
	| 'completed'
	| 'busy'
	| 'no-answer'
	| 'canceled'
	| 'failed';

export { applicationResource, type TexmlApplication } from './applications';

export interface CallCallback {
	url: string;
	method: 'GET' | 'POST';
	/** Subscribed tokens: initiated ringing answered completed. */
	events: string[];
	/** More URLs that get the same callbacks (an AI call's StatusCallbacks). */
	also?: string[];
}

export interface Call {
	sid: string;
	accountSid: string;
	applicationSid: string;
	/** An incoming call (the sandbox rang an application, see incoming.ts), or one placed over the API. */
	direction?: 'inbound' | 'outbound';
	from: string;
	to: string;
	status: CallStatus;
	statusCallback?: CallCallback;
	customHeaders: Array<{ name: string; value?: string }>;
	/** The conference the call is in now, and its participant there. */
	conference?: Conference;
	participant?: Participant;
	/** Every TeXML document the call ran, oldest first (inline or fetched). */
	texml: string[];
	dateCreated: Date;
	dateUpdated: Date;
	startTime?: Date;
	endTime?: Date;
	/** Settles once the call's current instructions have run (a URL fetch included). */
	settled: Promise<void>;
}

/** Where the call's TeXML comes from. */
export type Source =
	| { texml: string }
	| { url: string; method: string; fallbackUrl?: string }
	| { none: true };

/** A call's status change, for the status-callback sender. */
export interface CallStatusEvent {
	type: 'call-status';
	call: Call;
	/** The `CallStatus` value sent. */
	callStatus: CallStatus;
}

export class CallBook {
	readonly calls: Call[] = [];

	readonly applications: TexmlApplication[] = [];

	/** Whether a placed call's answer carries `call_sid` (SandboxOptions.callSidInAnswer). */
	sidInAnswer = false;

	constructor(private readonly store: Store) {
		// A participant that leaves (removed, or the conference ended) ends its call: after the
		// `<Dial>` there is nothing more to run.
		store.listeners.push((event) => {
			if (event.type !== 'participant-leave') return;
			const call = this.calls.find((c) => c.participant === event.participant);
			if (call && call.conference) {
				call.conference = undefined;
				call.participant = undefined;
				this.end(call, 'completed');
			}
		});
	}

	addApplication(accountSid: string, app: Partial<TexmlApplication> = {}): TexmlApplication {
		const created = newApplication(accountSid, app, this.applications.length + 1);
		this.applications.push(created);
		return created;
	}

	application(accountSid: string, id: string): TexmlApplication | undefined {
		return this.applications.find((a) => a.accountSid === accountSid && a.id === id);
	}

	/** A call of the account by its SID. */
	find(accountSid: string, sid: string): Call | undefined {
		return this.calls.find((c) => c.accountSid === accountSid && c.sid === sid);
	}

	/** The call behind a conference participant, if it was placed as a call. */
	byParticipant(participant: Participant): Call | undefined {
		return this.calls.find((c) => c.participant === participant);
	}

	/** The conference a call is in now, with its participant there. */
	membership(call: Call): { conference: Conference; participant: Participant } | undefined {
		return call.conference && call.participant
			? { conference: call.conference, participant: call.participant }
			: undefined;
	}

	/**
	 * Places a call: it is answered at once and runs its instructions. Inline TeXML runs before
	 * this returns; a URL is fetched afterwards (see `settled`). Throws TexmlError for bad TeXML.
	 */
	place(
		accountSid: string,
		call: Pick<Call, 'applicationSid' | 'from' | 'to' | 'statusCallback' | 'customHeaders'>,
		source: Source,
	): Call {
		const inline = 'texml' in source ? readTexml(source.texml) : undefined;
		const created = this.ringing(accountSid, call);
		created.startTime = new Date();
		this.setStatus(created, 'in-progress');
		created.settled = this.runSource(created, source, inline);
		return created;
	}

	/**
	 * An incoming call to an application, ringing: its TeXML is asked for by the caller of this
	 * (incoming.ts), which answers it (`answer`) and plays it.
	 */
	receive(
		accountSid: string,
		call: Pick<Call, 'applicationSid' | 'from' | 'to' | 'statusCallback'>,
	): Call {
		return this.ringing(accountSid, { direction: 'inbound', ...call, customHeaders: [] });
	}

	/** A new call in the book, placed or incoming: queued, then initiated and ringing. */
	private ringing(
		accountSid: string,
		call: Pick<Call, 'applicationSid' | 'from' | 'to' | 'statusCallback' | 'customHeaders'> &
			Partial<Pick<Call, 'direction'>>,
	): Call {
		const now = new Date();
		const created: Call = {
			sid: newCallSid(),
			accountSid,
			...call,
			status: 'queued',
			texml: [],
			dateCreated: now,
			dateUpdated: now,
			settled: Promise.resolve(),
		};
		this.calls.push(created);
		this.setStatus(created, 'initiated');
		this.setStatus(created, 'ringing');
		return created;
	}

	/** A ringing incoming call is answered (its first TeXML plays). */
	answer(call: Call) {
		if (call.status !== 'ringing') return;
		call.startTime = new Date();
		this.setStatus(call, 'in-progress');
	}

	/** New instructions for a live call: it leaves its conference first. Throws TexmlError for bad TeXML. */
	redirect(call: Call, source: Source) {
		const inline = 'texml' in source ? readTexml(source.texml) : undefined;
		this.leaveConference(call);
		call.dateUpdated = new Date();
		call.settled = this.runSource(call, source, inline);
	}

	/** Ends the call; it leaves its conference. */
	hangUp(call: Call) {
		this.leaveConference(call);
		this.end(call, 'completed');
	}

	private leaveConference(call: Call) {
		const membership = this.membership(call);
		call.conference = undefined;
		call.participant = undefined;
		if (membership && membership.participant.status !== 'completed')
			this.store.removeParticipant(membership.conference, membership.participant);
	}

	end(call: Call, status: CallStatus) {
		if (!isLive(call)) return;
		call.endTime = new Date();
		this.setStatus(call, status);
	}

	private setStatus(call: Call, status: CallStatus) {
		call.status = status;
		call.dateUpdated = new Date();
		this.store.emit({ type: 'call-status', call, callStatus: status });
	}

	private async runSource(call: Call, source: Source, inline?: Instructions): Promise<void> {
		if (inline) {
			call.texml.push((source as { texml: string }).texml);
			return this.run(call, inline);
		}
		const app = this.application(call.accountSid, call.applicationSid);
		const fetchFrom =
			'url' in source
				? [source.url, source.fallbackUrl].filter((u): u is string => Boolean(u))
				: app?.voiceUrl
					? [app.voiceUrl]
					: [];
		const method = 'url' in source ? source.method : (app?.voiceMethod ?? 'post').toUpperCase();
		for (const url of fetchFrom) {
			const texml = await fetchTexml(call, url, method);
			if (texml === undefined) continue;
			if (!isLive(call)) return;
			call.texml.push(texml);
			try {
				return this.run(call, readTexml(texml));
			} catch (error) {
				if (!(error instanceof TexmlError)) throw error;
			}
		}
		// Nothing to run (no document, or none could be read): Telnyx ends such a call.
		this.end(call, fetchFrom.length > 0 ? 'failed' : 'completed');
	}

	private run(call: Call, instructions: Instructions) {
		if (instructions.kind === 'hangup') return this.end(call, 'completed');
		if (instructions.kind === 'playing') return;
		if (instructions.kind === 'record') return this.record(call, instructions.attributes);
		this.join(call, instructions.name, instructions.attributes);
	}

	/**
	 * `<Record>`, as Telnyx documents it: the caller leaves a message and hangs up; the recording
	 * completes once the call has ended.
	 */
	private record(call: Call, attributes: Record<string, string>) {
		this.end(call, 'completed');
		this.store.recordVerb(call.accountSid, call.sid, recordVerbOptions(attributes));
	}

	/** `<Dial><Conference …>name`: joins the running conference of that name, or starts one. */
	join(call: Call, name: string, attributes: Record<string, string>) {
		const { store } = this;
		const starts = attributes.startConferenceOnEnter !== 'false';
		const callback = attributes.statusCallback
			? {
					url: attributes.statusCallback,
					method: (attributes.statusCallbackMethod === 'GET' ? 'GET' : 'POST') as 'GET' | 'POST',
					events: (attributes.statusCallbackEvent ?? '').split(/\s+/).filter(Boolean),
				}
			: undefined;
		let conference = store.conferences.find(
			(c) =>
				c.accountSid === call.accountSid && c.friendlyName === name && c.status !== 'completed',
		);
		if (!conference) {
			conference = store.addConference(call.accountSid, {
				friendlyName: name,
				status: starts ? 'in-progress' : 'init',
				statusCallback: callback,
			});
		} else {
			if (callback) conference.statusCallback = callback;
			if (starts && conference.status === 'init') store.startConference(conference);
		}
		const participant = store.addParticipant(conference, {
			callSid: call.sid,
			label: attributes.participantLabel || undefined,
			muted: attributes.muted === 'true',
			endConferenceOnExit: attributes.endConferenceOnExit === 'true',
			beepOnExit: attributes.beep === 'true' || attributes.beep === 'onExit',
		});
		if (attributes.waitUrl) participant.waitUrl = attributes.waitUrl;
		participant.dial = { to: call.to, from: call.from, customHeaders: call.customHeaders };
		call.conference = conference;
		call.participant = participant;
	}
}

export const isLive = (call: Call) =>
	call.status === 'queued' ||
	call.status === 'initiated' ||
	call.status === 'ringing' ||
	call.status === 'in-progress';

/** Fetches TeXML the way Telnyx asks for it: the call's fields as form (POST) or query (GET). */
async function fetchTexml(call: Call, url: string, method: string): Promise<string | undefined> {
	const fields = new URLSearchParams({
		AccountSid: call.accountSid,
		CallSid: call.sid,
		CallStatus: call.status,
		Direction: 'outbound-api',
		From: call.from,
		To: call.to,
	});
	try {
		const target = new URL(url);
		if (method === 'GET') for (const [k, v] of fields) target.searchParams.append(k, v);
		const response = await fetch(target, {
			method,
			headers: method === 'POST' ? { 'content-type': 'application/x-www-form-urlencoded' } : {},
			body: method === 'POST' ? fields.toString() : undefined,
			signal: AbortSignal.timeout(5000),
		});
		const text = await response.text();
		return response.ok ? text : undefined;
	} catch {
		return undefined;
	}
}

/** `+13125550100` → `(312) 555-0100`, as Telnyx formats North American numbers; others as given. */
function formatted(number: string): string {
	const match = /^\+1(\d{3})(\d{3})(\d{4})$/.exec(number);
	return match ? `(${match[1]}) ${match[2]}-${match[3]}` : number;
}

/** Telnyx's CallResource: snake_case, RFC 2822 dates; end and duration only once ended. */
export function callResource(call: Call) {
	const status = call.status === 'queued' || call.status === 'initiated' ? 'ringing' : call.status;
	return {
		account_sid: call.accountSid,
		date_created: rfc2822(call.dateCreated),
		date_updated: rfc2822(call.dateUpdated),
		direction: call.direction ?? 'outbound',
		duration:
			call.endTime && call.startTime
				? String(Math.round((call.endTime.getTime() - call.startTime.getTime()) / 1000))
				: undefined,
		end_time: call.endTime ? rfc2822(call.endTime) : undefined,
		from: call.from,
		from_formatted: formatted(call.from),
		sid: call.sid,
		start_time: call.startTime ? rfc2822(call.startTime) : undefined,
		status,
		to: call.to,
		to_formatted: formatted(call.to),
		uri: `/v2/texml/Accounts/${call.accountSid}/Calls/${call.sid}.json`,
	};
}
