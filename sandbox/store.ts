import { randomBytes, randomUUID } from 'node:crypto';

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
		conference: Partial<Omit<Conference, 'participants'>> & { participants?: Array<Partial<Participant>> } = {},
	): Conference {
		const now = new Date();
		const created: Conference = {
			sid: conference.sid ?? randomUUID(),
			accountSid,
			friendlyName: conference.friendlyName ?? `conference-${this.conferences.length + 1}`,
			status: conference.status ?? 'in-progress',
			region: conference.region ?? 'dc2',
			participants: [],
			dateCreated: conference.dateCreated ?? now,
			dateUpdated: conference.dateUpdated ?? now,
		};
		this.conferences.push(created);
		for (const participant of conference.participants ?? []) this.addParticipant(created, participant);
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
		return created;
	}

	conference(accountSid: string, conferenceSid: string): Conference | undefined {
		return this.conferences.find((c) => c.accountSid === accountSid && c.sid === conferenceSid);
	}

	/** Participants are addressed by call SID or by label, in the same path slot. */
	participant(conference: Conference, callSidOrLabel: string): Participant | undefined {
		return conference.participants.find((p) => p.callSid === callSidOrLabel || p.label === callSidOrLabel);
	}
}

const BASE = '/v2/texml/Accounts';

/** A participant as Telnyx returns it (ParticipantResource: snake_case, every field of the spec). */
export function participantResource(conference: Conference, p: Participant) {
	return {
		account_sid: conference.accountSid,
		api_version: 'v2/texml',
		call_sid: p.callSid,
		call_sid_legacy: p.callSid,
		coaching: p.coaching,
		coaching_call_sid: p.coachingCallSid ?? null,
		coaching_call_sid_legacy: p.coachingCallSid ?? null,
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
