import { randomBytes, randomUUID } from 'node:crypto';

import { CallBook, type CallStatusEvent } from './calls';

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
	| CallStatusEvent;

/** A recording of the conference (ConferenceRecordingResource). */
export interface Recording {
	sid: string;
	callSid: string;
	channels: 1 | 2;
	/** Seconds; null while still processing. */
	duration: number | null;
	status: 'processing' | 'absent' | 'completed' | 'deleted';
	source: string;
	errorCode: string | null;
	startTime: Date;
	dateCreated: Date;
	dateUpdated: Date;
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
	reasonConferenceEnded?: string;
	callSidEndingConference?: string;
	dateCreated: Date;
	dateUpdated: Date;
}

export function newCallSid(): string {
	return `v3:${randomBytes(30).toString('base64url')}`;
}

/** RFC 2822 with a numeric zone, as Telnyx writes `date_created`. */
export function rfc2822(date: Date): string {
	return date.toUTCString().replace('GMT', '+0000');
}

export class Store {
	readonly accounts: Account[] = [];

	readonly conferences: Conference[] = [];

	/** Called after every change; the sandbox's callback sender listens here. */
	readonly listeners: Array<(event: StoreEvent) => void> = [];

	/** TeXML calls and applications (calls.ts); declared after `listeners`, which it listens to. */
	readonly calls = new CallBook(this);

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
		const now = new Date();
		const created: Recording = {
			sid: recording.sid ?? randomUUID(),
			callSid: recording.callSid ?? conference.participants[0]?.callSid ?? newCallSid(),
			channels: recording.channels ?? 1,
			duration: recording.duration === undefined ? 60 : recording.duration,
			status: recording.status ?? 'completed',
			source: recording.source ?? 'StartConferenceRecordingAPI',
			errorCode: recording.errorCode ?? null,
			startTime: recording.startTime ?? now,
			dateCreated: recording.dateCreated ?? now,
			dateUpdated: recording.dateUpdated ?? now,
		};
		conference.recordings.push(created);
		return created;
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
		}
		conference.dateUpdated = new Date();
		this.emit({ type: 'conference-end', conference });
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
