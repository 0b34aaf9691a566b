import { randomBytes, randomUUID } from 'node:crypto';

import { AiCallBook } from './ai-calls';
import type { CallbackEvent } from './callback-event';
import { CallBook, isLive, type CallStatusEvent } from './calls';
import { newCallSid, rfc2822 } from './formats';
import { QueueBook } from './queues';
import { SecretBook } from './secrets';
import { CallSessions } from './sessions';

/** In-memory TeXML state: accounts (one per API key), conferences and their participants. */

export interface Account {
	sid: string;
	apiKey: string;
	name: string;
	email: string;
}

export interface Participant {
	callSid: string;
	label?: string;
	status: 'connecting' | 'connected' | 'completed';
	muted: boolean;
	hold: boolean;
	holdUrl?: string;
	holdMethod?: string;
	coaching: boolean;
	coachingCallSid?: string;
	endConferenceOnExit: boolean;
	beepOnExit: boolean;
	waitUrl?: string;
	/** Announcements played to this participant, oldest first. */
	announcements: Array<{ url: string; method: string }>;
	/** How a participant dialled in through the API was called. */
	dial?: { to: string; from: string; customHeaders: Array<{ name: string; value?: string }> };
	dateCreated: Date;
	dateUpdated: Date;
}

/** Where Telnyx posts this conference's status callbacks (`<Conference statusCallback=…>`). */
export interface ConferenceCallback {
	url: string;
	method: 'GET' | 'POST';
	/** Telnyx event names asked for, e.g. start end join leave speaker; empty means all. */
	events: string[];
}

/** A change the sandbox makes, for listeners such as the status-callback sender. */
export type StoreEvent =
	| { type: 'conference-start' | 'conference-end'; conference: Conference }
	| {
			type: 'participant-join' | 'participant-leave';
			conference: Conference;
			participant: Participant;
	  }
	| CallStatusEvent
	/** A recording started, completed or failed: its recording status callback is due. */
	| { type: 'recording-status'; recording: Recording }
	/** A stream, SIPREC session or AI conversation changed: its callback, fields and all. */
	| CallbackEvent;

/** Where Telnyx posts a recording's status callbacks (`recordingStatusCallback…`). */
export interface RecordingCallback {
	url: string;
	method: 'GET' | 'POST';
	/** in-progress, completed, absent; Telnyx's default is completed only. */
	events: string[];
}

/** A recording: of a conference (ConferenceRecordingResource), or of a call. */
export interface Recording {
	sid: string;
	accountSid: string;
	/** The conference recorded, or null for the recording of a call. */
	conferenceSid: string | null;
	callSid: string;
	channels: 1 | 2;
	/** Seconds; null while still processing. */
	duration: number | null;
	status: 'processing' | 'absent' | 'completed' | 'deleted' | 'paused' | 'stopped';
	source: string;
	errorCode: string | null;
	/** The audio file's format (TeXML `<Record format>`; Telnyx's default is mp3). */
	format: 'mp3' | 'wav';
	/** The current download link (see media.ts): minted on a look-up, replaced once expired. */
	mediaUrl?: string;
	callback?: RecordingCallback;
	/** False when the start asked for no RecordingUrl in the callbacks (SendRecordingUrl=false). */
	sendUrl?: boolean;
	/** The track recorded (REST start on a call). */
	track?: 'inbound' | 'outbound' | 'both';
	startTime: Date;
	dateCreated: Date;
	dateUpdated: Date;
}

/** A transcription of a recording (TexmlRecordingTranscription), made by `<Record transcription>`. */
export interface Transcription {
	sid: string;
	accountSid: string;
	callSid: string;
	recordingSid: string;
	status: 'in-progress' | 'completed';
	text: string;
	/** Seconds of audio transcribed. */
	duration: number | null;
	dateCreated: Date;
	dateUpdated: Date;
}

/** What a conference set to record records (`record="record-from-start"`, ConferenceRecord). */
export interface ConferenceRecordingSetup {
	callback?: RecordingCallback;
	channels?: 1 | 2;
	format?: 'mp3' | 'wav';
}

export interface Conference {
	sid: string;
	accountSid: string;
	friendlyName: string;
	status: 'init' | 'in-progress' | 'completed';
	region: string;
	participants: Participant[];
	recordings: Recording[];
	/** Announcements played to the whole conference, oldest first. */
	announcements: Array<{ url: string; method: string }>;
	statusCallback?: ConferenceCallback;
	/** Set when the conference records: a recording runs while it is in progress. */
	record?: ConferenceRecordingSetup;
	reasonConferenceEnded?: string;
	callSidEndingConference?: string;
	dateCreated: Date;
	dateUpdated: Date;
}

// Written in formats.ts, which calls.ts imports instead of the store: no import cycle.
export { newCallSid, rfc2822 };

export class Store {
	readonly accounts: Account[] = [];

	readonly conferences: Conference[] = [];

	/** Every recording of every account (conference and call recordings), oldest first. */
	recordings: Recording[] = [];

	transcriptions: Transcription[] = [];

	/** Called after every change; the sandbox's callback sender listens here. */
	readonly listeners: Array<(event: StoreEvent) => void> = [];

	/** TeXML calls and applications (calls.ts); declared after `listeners`, which it listens to. */
	readonly calls = new CallBook(this);

	/** Call queues (`<Enqueue>`, the Queues API): queues.ts. */
	readonly queues = new QueueBook();

	/** Media streams and SIPREC sessions of calls: sessions.ts. */
	readonly sessions = new CallSessions((event) => this.emit(event));

	/** Calls handed to an AI assistant, and their conversations: ai-calls.ts. */
	readonly aiCalls = new AiCallBook((event) => this.emit(event));

	/** TeXML secrets, by account: secrets.ts. */
	readonly secrets = new SecretBook();

	constructor() {
		// A call that ends (hung up, its conference over) completes the recordings still running on
		// it, leaves its queue, and stops its streams, SIPREC sessions and AI conversation.
		this.listeners.push((event) => {
			if (event.type !== 'call-status' || isLive(event.call)) return;
			const { accountSid, sid } = event.call;
			this.endCallRecordings(accountSid, sid);
			this.queues.leave(accountSid, sid);
			this.sessions.endCall(accountSid, sid);
			this.aiCalls.endCall(accountSid, sid);
		});
	}

	/**
	 * `<Enqueue>name`: the call waits at the end of that queue (made on first use), unless it is
	 * full. The result is the `QueueResult` an Enqueue action hears.
	 */
	enqueue(accountSid: string, queueName: string, callSid: string) {
		return this.queues.enqueue(accountSid, queueName, callSid);
	}

	/** Takes a call out of the named queue: the one given, or the one at its head (`<Dial><Queue>`). */
	dequeue(accountSid: string, queueName: string, callSid?: string) {
		return this.queues.dequeue(accountSid, queueName, callSid);
	}

	emit(event: StoreEvent) {
		for (const listener of this.listeners) listener(event);
	}

	addAccount(account: Partial<Account> = {}): Account {
		const created: Account = {
			sid: account.sid ?? randomUUID(),
			apiKey: account.apiKey ?? `KEY${randomBytes(16).toString('hex').toUpperCase()}`,
			name: account.name ?? 'Sandbox Org',
			email: account.email ?? 'owner@sandbox.test',
		};
		this.accounts.push(created);
		return created;
	}

	accountForKey(apiKey: string): Account | undefined {
		return this.accounts.find((a) => a.apiKey === apiKey);
	}

	addConference(
		accountSid: string,
		conference: Partial<Omit<Conference, 'participants'>> & {
			participants?: Array<Partial<Participant>>;
		} = {},
	): Conference {
		const now = new Date();
		const created: Conference = {
			sid: conference.sid ?? randomUUID(),
			accountSid,
			friendlyName: conference.friendlyName ?? `conference-${this.conferences.length + 1}`,
			status: conference.status ?? 'in-progress',
			region: conference.region ?? 'dc2',
			participants: [],
			recordings: [],
			announcements: [],
			dateCreated: conference.dateCreated ?? now,
			dateUpdated: conference.dateUpdated ?? now,
		};
		this.conferences.push(created);
		if (conference.statusCallback) created.statusCallback = conference.statusCallback;
		if (created.status === 'in-progress')
			this.emit({ type: 'conference-start', conference: created });
		if (conference.record) this.recordConference(created, conference.record);
		for (const participant of conference.participants ?? [])
			this.addParticipant(created, participant);
		return created;
	}

	addParticipant(conference: Conference, participant: Partial<Participant> = {}): Participant {
		const now = new Date();
		const created: Participant = {
			callSid: participant.callSid ?? newCallSid(),
			label: participant.label,
			status: participant.status ?? 'connected',
			muted: participant.muted ?? false,
			hold: participant.hold ?? false,
			coaching: participant.coaching ?? false,
			coachingCallSid: participant.coachingCallSid,
			endConferenceOnExit: participant.endConferenceOnExit ?? false,
			beepOnExit: participant.beepOnExit ?? false,
			announcements: [],
			dateCreated: now,
			dateUpdated: now,
		};
		conference.participants.push(created);
		if (created.status !== 'completed') {
			this.emit({ type: 'participant-join', conference, participant: created });
		}
		return created;
	}

	addRecording(conference: Conference, recording: Partial<Recording> = {}): Recording {
		const created = this.newRecording(conference.accountSid, {
			callSid: conference.participants[0]?.callSid,
			...recording,
			conferenceSid: conference.sid,
		});
		conference.recordings.push(created);
		return created;
	}

	/** A recording of a call (not of a conference), e.g. started over the REST API. */
	addCallRecording(accountSid: string, callSid: string, recording: Partial<Recording> = {}) {
		return this.newRecording(accountSid, { ...recording, callSid, conferenceSid: null });
	}

	private newRecording(accountSid: string, recording: Partial<Recording>): Recording {
		const now = new Date();
		const created: Recording = {
			sid: recording.sid ?? randomUUID(),
			accountSid,
			conferenceSid: recording.conferenceSid ?? null,
			callSid: recording.callSid ?? newCallSid(),
			channels: recording.channels ?? 1,
			duration: recording.duration === undefined ? 60 : recording.duration,
			status: recording.status ?? 'completed',
			source: recording.source ?? 'StartConferenceRecordingAPI',
			errorCode: recording.errorCode ?? null,
			format: recording.format ?? 'wav',
			callback: recording.callback,
			track: recording.track,
			startTime: recording.startTime ?? now,
			dateCreated: recording.dateCreated ?? now,
			dateUpdated: recording.dateUpdated ?? now,
		};
		this.recordings.push(created);
		return created;
	}

	/**
	 * Other places live calls come from (e.g. calls started over the REST API); each answers whether
	 * the account has this call live. Conference participants are live calls already.
	 */
	readonly liveCallSources: Array<(accountSid: string, callSid: string) => boolean> = [];

	/**
	 * Whether the call is live: a call placed over the REST API and not ended, a participant still
	 * in a conference, or one another source knows.
	 */
	isLiveCall(accountSid: string, callSid: string): boolean {
		const placed = this.calls.find(accountSid, callSid);
		if (placed) return isLive(placed);
		const inConference = this.conferences.some(
			(c) => c.accountSid === accountSid && c.participants.some((p) => p.callSid === callSid),
		);
		return inConference || this.liveCallSources.some((source) => source(accountSid, callSid));
	}

	/** Starts recording a live call (REST start): its in-progress callback is sent. */
	startCallRecording(accountSid: string, callSid: string, recording: Partial<Recording> = {}) {
		const created = this.addCallRecording(accountSid, callSid, {
			status: 'processing',
			duration: null,
			source: 'StartCallRecordingAPI',
			channels: 2,
			...recording,
		});
		this.emit({ type: 'recording-status', recording: created });
		return created;
	}

	/** The call ended: its recordings still running complete (their callbacks are sent). */
	endCallRecordings(accountSid: string, callSid: string) {
		for (const recording of this.recordings.filter(
			(r) =>
				r.accountSid === accountSid &&
				r.callSid === callSid &&
				r.conferenceSid === null &&
				(r.status === 'processing' || r.status === 'paused'),
		))
			this.finishRecording(recording);
	}

	/**
	 * `<Record transcription="true">`, as Telnyx documents it: once the recording completes, Telnyx makes a
	 * transcription of it, fetched through the Transcriptions endpoints. For the TeXML of calls.
	 */
	recordVerb(
		accountSid: string,
		callSid: string,
		options: {
			seconds: number;
			transcribe?: string;
			callback?: RecordingCallback;
			format?: 'mp3' | 'wav';
		},
	) {
		const now = Date.now();
		const recording = this.addCallRecording(accountSid, callSid, {
			status: 'processing',
			duration: null,
			source: 'RecordVerb',
			channels: 1,
			format: options.format ?? 'mp3',
			callback: options.callback,
			startTime: new Date(now - options.seconds * 1000),
		});
		this.emit({ type: 'recording-status', recording });
		this.finishRecording(recording);
		const transcription =
			options.transcribe === undefined
				? undefined
				: this.addTranscription(recording, { text: options.transcribe });
		return { recording, transcription };
	}

	recording(accountSid: string, recordingSid: string): Recording | undefined {
		return this.recordings.find((r) => r.accountSid === accountSid && r.sid === recordingSid);
	}

	/** Starts the recording of a live conference set to record: its in-progress callback is sent. */
	recordConference(conference: Conference, setup: ConferenceRecordingSetup) {
		conference.record = setup;
		if (conference.status !== 'in-progress') return undefined;
		if (conference.recordings.some((r) => r.status === 'processing')) return undefined;
		const recording = this.addRecording(conference, {
			status: 'processing',
			duration: null,
			channels: setup.channels ?? 1,
			format: setup.format ?? 'wav',
			source: 'Conference',
			callback: setup.callback,
		});
		this.emit({ type: 'recording-status', recording });
		return recording;
	}

	/**
	 * A recording ends (its conference or call ended, or it was stopped): it completes with the
	 * seconds it ran (at least 3, so the sandbox's audio is a few seconds of tone), or is absent.
	 */
	finishRecording(
		recording: Recording,
		outcome: 'completed' | 'absent' = 'completed',
		stopped = false,
	) {
		if (!['processing', 'paused'].includes(recording.status)) return;
		const now = new Date();
		// A call recording stopped over the API reads `stopped`, one that ran to the end `completed`.
		recording.status = outcome === 'completed' && stopped ? 'stopped' : outcome;
		recording.duration =
			outcome === 'absent'
				? 0
				: Math.max(3, Math.round((now.getTime() - recording.startTime.getTime()) / 1000));
		if (outcome === 'absent') recording.errorCode = '13617';
		recording.dateUpdated = now;
		this.emit({ type: 'recording-status', recording });
	}

	/** Deletes a recording and its transcriptions: later look-ups are 404s and its links die. */
	deleteRecording(recording: Recording) {
		this.recordings = this.recordings.filter((r) => r !== recording);
		for (const conference of this.conferences)
			conference.recordings = conference.recordings.filter((r) => r !== recording);
		recording.status = 'deleted';
		recording.mediaUrl = undefined;
		this.transcriptions = this.transcriptions.filter((t) => t.recordingSid !== recording.sid);
	}

	/** The transcription Telnyx makes of a `<Record transcription="true">` recording. */
	addTranscription(recording: Recording, transcription: Partial<Transcription> = {}) {
		const now = new Date();
		const created: Transcription = {
			sid: transcription.sid ?? randomUUID(),
			accountSid: recording.accountSid,
			callSid: recording.callSid,
			recordingSid: recording.sid,
			status: transcription.status ?? 'completed',
			text: transcription.text ?? 'Hello, this is a test message.',
			duration: transcription.duration === undefined ? recording.duration : transcription.duration,
			dateCreated: transcription.dateCreated ?? now,
			dateUpdated: transcription.dateUpdated ?? now,
		};
		this.transcriptions.push(created);
		return created;
	}

	transcription(accountSid: string, sid: string): Transcription | undefined {
		return this.transcriptions.find((t) => t.accountSid === accountSid && t.sid === sid);
	}

	/** A waiting conference starts (a participant who starts it joins). */
	startConference(conference: Conference) {
		if (conference.status !== 'init') return;
		conference.status = 'in-progress';
		conference.dateUpdated = new Date();
		this.emit({ type: 'conference-start', conference });
	}

	/** The participant hangs up or is removed: it leaves the list, as on Telnyx. */
	removeParticipant(conference: Conference, participant: Participant) {
		conference.participants = conference.participants.filter((p) => p !== participant);
		participant.status = 'completed';
		participant.dateUpdated = new Date();
		this.emit({ type: 'participant-leave', conference, participant });
		this.endCallRecordings(conference.accountSid, participant.callSid);
		if (participant.endConferenceOnExit && conference.status !== 'completed') {
			this.endConference(
				conference,
				'participant-with-end-conference-on-exit-left',
				participant.callSid,
			);
		}
	}

	/** Ends the conference and hangs up everyone still in it. */
	endConference(conference: Conference, reason = 'conference-ended-via-api', callSid?: string) {
		if (conference.status === 'completed') return;
		conference.status = 'completed';
		conference.reasonConferenceEnded = reason;
		conference.callSidEndingConference = callSid;
		for (const participant of [...conference.participants]) {
			conference.participants = conference.participants.filter((p) => p !== participant);
			participant.status = 'completed';
			this.emit({ type: 'participant-leave', conference, participant });
			this.endCallRecordings(conference.accountSid, participant.callSid);
		}
		conference.dateUpdated = new Date();
		this.emit({ type: 'conference-end', conference });
		// The conference's recording ends with it, then its completed callback is sent.
		for (const recording of conference.recordings.filter((r) => r.status === 'processing'))
			this.finishRecording(recording);
	}

	conference(accountSid: string, conferenceSid: string): Conference | undefined {
		return this.conferences.find((c) => c.accountSid === accountSid && c.sid === conferenceSid);
	}

	/** Participants are addressed by call SID or by label, in the same path slot. */
	participant(conference: Conference, callSidOrLabel: string): Participant | undefined {
		return conference.participants.find(
			(p) => p.callSid === callSidOrLabel || p.label === callSidOrLabel,
		);
	}
}

const BASE = '/v2/texml/Accounts';

/**
 * A participant as Telnyx returns it (ParticipantResource: snake_case, every field of the spec).
 * A key without a value is `undefined`: left out of the answer (see SandboxOptions.missingKeys).
 */
export function participantResource(conference: Conference, p: Participant) {
	return {
		account_sid: conference.accountSid,
		api_version: 'v2/texml',
		call_sid: p.callSid,
		call_sid_legacy: p.callSid,
		coaching: p.coaching,
		// Left out when not coaching (undefined is not serialised), as Telnyx's examples show.
		coaching_call_sid: p.coachingCallSid,
		coaching_call_sid_legacy: p.coachingCallSid,
		conference_sid: conference.sid,
		date_created: rfc2822(p.dateCreated),
		date_updated: rfc2822(p.dateUpdated),
		end_conference_on_exit: p.endConferenceOnExit,
		hold: p.hold,
		muted: p.muted,
		status: p.status,
		uri: `${BASE}/${conference.accountSid}/Conferences/${conference.sid}/Participants/${p.callSid}.json`,
	};
}
