import { bool, checkForm, type FieldRule } from '../fields';
import { invalid, type Reply } from '../http';
import { page } from '../paging';
import { conferencePath, NEW_PARTICIPANT_FIELDS } from '../resources';
import { participantResource, type Conference } from '../store';
import {
	conferenceOf,
	ok,
	participantOf,
	PARTICIPANT,
	PARTICIPANTS,
	route,
	type RouteContext,
} from './common';

const UPDATE_PARTICIPANT: Record<string, FieldRule> = {
	AnnounceMethod: 'method',
	AnnounceUrl: 'url',
	BeepOnExit: 'boolean',
	CallSidToCoach: 'text',
	Coaching: 'boolean',
	EndConferenceOnExit: 'boolean',
	Hold: 'boolean',
	HoldMethod: 'method',
	HoldUrl: 'url',
	Muted: 'boolean',
	WaitUrl: 'url',
};

function checkCoaching(ctx: RouteContext, conference: Conference) {
	const { form } = ctx;
	if (bool(form.Coaching) && !form.CallSidToCoach) {
		throw invalid('CallSidToCoach', 'CallSidToCoach has to be given when Coaching is true.');
	}
	if (form.CallSidToCoach && !ctx.store.participant(conference, form.CallSidToCoach)) {
		throw invalid('CallSidToCoach', 'CallSidToCoach is not a participant of this conference.');
	}
}

function updateParticipant(ctx: RouteContext): Reply {
	const { conference, participant } = participantOf(ctx);
	const { form } = ctx;
	checkForm(form, UPDATE_PARTICIPANT);
	checkCoaching(ctx, conference);
	const coaching = bool(form.Coaching);
	participant.muted = bool(form.Muted) ?? participant.muted;
	participant.hold = bool(form.Hold) ?? participant.hold;
	participant.holdUrl = form.HoldUrl ?? participant.holdUrl;
	participant.holdMethod = form.HoldMethod ?? participant.holdMethod;
	participant.beepOnExit = bool(form.BeepOnExit) ?? participant.beepOnExit;
	participant.endConferenceOnExit =
		bool(form.EndConferenceOnExit) ?? participant.endConferenceOnExit;
	participant.waitUrl = form.WaitUrl ?? participant.waitUrl;
	if (coaching !== undefined) {
		participant.coaching = coaching;
		participant.coachingCallSid = coaching ? form.CallSidToCoach : undefined;
	} else if (form.CallSidToCoach) {
		participant.coachingCallSid = form.CallSidToCoach;
	}
	if (form.AnnounceUrl) {
		participant.announcements.push({
			url: form.AnnounceUrl,
			method: form.AnnounceMethod ?? 'POST',
		});
	}
	participant.dateUpdated = new Date();
	return ok(participantResource(conference, participant));
}

const RECORDING_EVENTS = { words: ['in-progress', 'completed', 'absent'] };
const TRIM = { oneOf: ['trim-silence', 'do-not-trim'] };
const MILLISECONDS: FieldRule = { integer: [0, 600000] };

/** The dial request: every field of Telnyx's document. */
const DIAL_PARTICIPANT: Record<string, FieldRule> = {
	AmdStatusCallback: 'url',
	AmdStatusCallbackMethod: 'method',
	ApplicationSid: 'text',
	Beep: { oneOf: ['true', 'false', 'onEnter', 'onExit'] },
	CallSidToCoach: 'text',
	CallerId: 'text',
	CancelPlaybackOnDetectMessageEnd: 'boolean',
	CancelPlaybackOnMachineDetection: 'boolean',
	Coaching: 'boolean',
	ConferenceRecord: { oneOf: ['true', 'false', 'record-from-start', 'do-not-record'] },
	ConferenceRecordingStatusCallback: 'url',
	ConferenceRecordingStatusCallbackEvent: RECORDING_EVENTS,
	ConferenceRecordingStatusCallbackMethod: 'method',
	ConferenceRecordingTimeout: { integer: [0, 86400] },
	ConferenceStatusCallback: 'url',
	ConferenceStatusCallbackEvent: { words: ['start', 'end', 'join', 'leave', 'speaker'] },
	ConferenceStatusCallbackMethod: 'method',
	ConferenceTrim: TRIM,
	EarlyMedia: 'boolean',
	EndConferenceOnExit: 'boolean',
	From: 'text',
	Label: 'text',
	MachineDetection: { oneOf: ['Enable', 'DetectMessageEnd'] },
	MachineDetectionSilenceTimeout: MILLISECONDS,
	MachineDetectionSpeechEndThreshold: MILLISECONDS,
	MachineDetectionSpeechThreshold: MILLISECONDS,
	MachineDetectionTimeout: MILLISECONDS,
	MaxParticipants: { integer: [2, 800] },
	Muted: 'boolean',
	PreferredCodecs: 'text',
	Record: 'boolean',
	RecordingChannels: { oneOf: ['mono', 'dual'] },
	RecordingStatusCallback: 'url',
	RecordingStatusCallbackEvent: RECORDING_EVENTS,
	RecordingStatusCallbackMethod: 'method',
	RecordingTrack: { oneOf: ['inbound', 'outbound', 'both'] },
	SipAuthPassword: 'text',
	SipAuthUsername: 'text',
	StartConferenceOnEnter: 'boolean',
	StatusCallback: 'url',
	StatusCallbackEvent: { words: ['initiated', 'ringing', 'answered', 'completed'] },
	StatusCallbackMethod: 'method',
	TimeLimit: { integer: [1, 86400] },
	Timeout: { integer: [5, 120] },
	To: 'text',
	Trim: TRIM,
	WaitUrl: 'url',
};

const CUSTOM_HEADER = /^CustomHeaders\[(\d+)\]\[(name|value)\]$/;

/** Splits `CustomHeaders[i][name|value]` keys off the form: every header needs a name. */
function customHeaders(form: Record<string, string>) {
	const headers: Array<{ name?: string; value?: string }> = [];
	const rest: Record<string, string> = {};
	for (const [key, value] of Object.entries(form)) {
		const match = CUSTOM_HEADER.exec(key);
		if (!match) {
			rest[key] = value;
			continue;
		}
		(headers[Number(match[1])] ??= {})[match[2] as 'name' | 'value'] = value;
	}
	if ([...headers].some((h) => !h?.name)) {
		throw invalid('CustomHeaders', 'Every entry of CustomHeaders needs a name.');
	}
	return { headers: headers as Array<{ name: string; value?: string }>, rest };
}

function dialParticipant(ctx: RouteContext): Reply {
	const conference = conferenceOf(ctx);
	const { headers, rest: form } = customHeaders(ctx.form);
	checkForm(form, DIAL_PARTICIPANT);
	for (const field of ['To', 'From']) {
		if (!form[field]?.trim()) throw invalid(field, `${field} is required to dial a participant.`);
	}
	if (form.CallerId && form.CallerId.length > 128)
		throw invalid('CallerId', 'CallerId is at most 128 characters.');
	if (conference.status === 'completed') {
		throw invalid(
			'ConferenceSid',
			'The conference has already ended; no one can be dialled into it.',
		);
	}
	if (form.Label && ctx.store.participant(conference, form.Label)) {
		throw invalid('Label', 'Label is already used by a participant of this conference.');
	}
	checkCoaching({ ...ctx, form }, conference);
	// Set before the participant joins, so its join is already reported to the callback.
	if (form.ConferenceStatusCallback) {
		conference.statusCallback = {
			url: form.ConferenceStatusCallback,
			method: (form.ConferenceStatusCallbackMethod ?? 'POST') as 'GET' | 'POST',
			events: form.ConferenceStatusCallbackEvent
				? form.ConferenceStatusCallbackEvent.split(' ')
				: [],
		};
	}
	// ConferenceRecord=record-from-start (or true): the conference records from the first join.
	const record =
		form.ConferenceRecord === 'record-from-start' || form.ConferenceRecord === 'true'
			? {
					callback: form.ConferenceRecordingStatusCallback
						? {
								url: form.ConferenceRecordingStatusCallback,
								method: (form.ConferenceRecordingStatusCallbackMethod ?? 'POST') as 'GET' | 'POST',
								events: (form.ConferenceRecordingStatusCallbackEvent ?? 'completed').split(' '),
							}
						: undefined,
				}
			: undefined;
	const participant = ctx.store.addParticipant(conference, {
		label: form.Label,
		muted: bool(form.Muted),
		coaching: bool(form.Coaching),
		coachingCallSid: form.CallSidToCoach,
		endConferenceOnExit: bool(form.EndConferenceOnExit),
	});
	participant.dial = { to: form.To, from: form.From, customHeaders: headers };
	if (conference.status === 'init' && bool(form.StartConferenceOnEnter) !== false) {
		conference.status = 'in-progress';
		conference.dateUpdated = new Date();
	}
	const setup = record ?? conference.record;
	if (setup) ctx.store.recordConference(conference, setup);
	const full = participantResource(conference, participant);
	return ok(Object.fromEntries(NEW_PARTICIPANT_FIELDS.map((key) => [key, full[key]])));
}

function listParticipants(ctx: RouteContext) {
	const conference = conferenceOf(ctx);
	const participants = conference.participants
		.filter((p) => p.status !== 'completed')
		.map((p) => participantResource(conference, p));
	return ok(
		page('participants', participants, {
			path: `${conferencePath(conference)}/Participants.json`,
			query: ctx.query,
			defaultPageSize: ctx.pageSize,
		}),
	);
}

export const participantRoutes = [
	route('GET', PARTICIPANTS, listParticipants),
	route('POST', PARTICIPANTS, dialParticipant),
	route('GET', PARTICIPANT, (ctx) => {
		const { conference, participant } = participantOf(ctx);
		return ok(participantResource(conference, participant));
	}),
	route('POST', PARTICIPANT, updateParticipant),
	route('DELETE', PARTICIPANT, (ctx) => {
		const { conference, participant } = participantOf(ctx);
		ctx.store.removeParticipant(conference, participant);
		return { status: 204 };
	}),
];
