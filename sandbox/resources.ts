import { rfc2822, type Conference, type Recording, type Transcription } from './store';

/** Telnyx's JSON shapes for conferences and recordings (snake_case, every field of the spec). */

const BASE = '/v2/texml/Accounts';

export const conferencePath = (c: Conference) => `${BASE}/${c.accountSid}/Conferences/${c.sid}`;

export function conferenceResource(c: Conference) {
	return {
		account_sid: c.accountSid,
		api_version: 'v2/texml',
		// Only once ended (undefined is left out of the answer, as in Telnyx's examples).
		call_sid_ending_conference: c.callSidEndingConference,
		date_created: rfc2822(c.dateCreated),
		date_updated: rfc2822(c.dateUpdated),
		friendly_name: c.friendlyName,
		reason_conference_ended: c.reasonConferenceEnded,
		region: c.region,
		sid: c.sid,
		status: c.status,
		subresource_uris: {
			participants: `${conferencePath(c)}/Participants.json`,
			recordings: `${conferencePath(c)}/Recordings.json`,
		},
		uri: `${conferencePath(c)}.json`,
	};
}

/** Where a recording's audio is: its current link (media.ts), else Telnyx's documented example. */
const mediaUrlOf = (r: Recording) =>
	r.mediaUrl ?? `https://api.telnyx.com/v2/texml/recordings/${r.sid}.${r.format}`;

/** ConferenceRecordingResource names fewer states than a recording of a call can be in. */
const CONFERENCE_RECORDING_STATUS: Record<Recording['status'], string> = {
	processing: 'processing',
	paused: 'processing',
	completed: 'completed',
	stopped: 'completed',
	absent: 'absent',
	deleted: 'deleted',
};

export function recordingResource(c: Conference, r: Recording) {
	return {
		account_sid: c.accountSid,
		call_sid: r.callSid,
		channels: r.channels,
		conference_sid: c.sid,
		date_created: rfc2822(r.dateCreated),
		date_updated: rfc2822(r.dateUpdated),
		// Typed integer and string (not nullable) here: left out while unknown.
		duration: r.duration ?? undefined,
		error_code: r.errorCode ?? undefined,
		media_url: mediaUrlOf(r),
		sid: r.sid,
		source: r.source,
		start_time: rfc2822(r.startTime),
		status: CONFERENCE_RECORDING_STATUS[r.status],
		subresource_uris: { transcriptions: null },
		uri: `${BASE}/${c.accountSid}/Recordings/${r.sid}.json`,
	};
}

/** NewParticipantResource: what a dial answers, a subset of ParticipantResource. */
export const NEW_PARTICIPANT_FIELDS = [
	'account_sid',
	'call_sid',
	'coaching',
	'coaching_call_sid',
	'conference_sid',
	'end_conference_on_exit',
	'hold',
	'muted',
	'status',
	'uri',
] as const;

/** Recordings.json names recording states differently from …/Recordings (TexmlRecordingStatus). */
const CALL_RECORDING_STATUS: Record<Recording['status'], string> = {
	processing: 'in-progress',
	paused: 'paused',
	completed: 'completed',
	stopped: 'stopped',
	absent: 'stopped',
	deleted: 'stopped',
};

/** ISO 8601 without milliseconds, as the example of the document's DateTimeRFC2822 (sic) shows. */
const iso = (date: Date) => date.toISOString().replace(/\.\d{3}Z$/, 'Z');

/**
 * A recording as `…/Recordings.json` returns it (TexmlGetCallRecordingResponseBody): ISO dates,
 * duration as text or null, error_code null, `subresources_uris`, its own status names.
 */
export function callRecordingResource(c: Conference, r: Recording) {
	return texmlRecordingResource({ ...r, accountSid: c.accountSid, conferenceSid: c.sid });
}

const recordingPath = (r: Recording) => `${BASE}/${r.accountSid}/Recordings/${r.sid}`;

/**
 * A recording as `…/Recordings.json` and `…/Recordings/{sid}.json` return it
 * (TexmlGetCallRecordingResponseBody): ISO dates, duration as text or null, error_code null,
 * `subresources_uris`, its own status names. `transcriptions` links the recording's
 * transcriptions when it has some (the path of Telnyx's example), else null.
 */
export function texmlRecordingResource(r: Recording, transcribed = false) {
	return {
		account_sid: r.accountSid,
		call_sid: r.callSid,
		channels: r.channels,
		conference_sid: r.conferenceSid,
		date_created: iso(r.dateCreated),
		date_updated: iso(r.dateUpdated),
		duration: r.duration === null ? null : String(r.duration),
		error_code: r.errorCode,
		media_url: mediaUrlOf(r),
		sid: r.sid,
		source: r.source,
		start_time: iso(r.startTime),
		status: CALL_RECORDING_STATUS[r.status],
		subresources_uris: {
			transcriptions: transcribed ? `${recordingPath(r)}/Transcriptions.json` : null,
		},
		uri: `${recordingPath(r)}.json`,
	};
}

/**
 * What starting or updating the recording of a call answers (TexmlCreateCallRecordingResponseBody):
 * price and track, but no status and no media_url.
 */
export function callRecordingStartResource(r: Recording) {
	return {
		account_sid: r.accountSid,
		call_sid: r.callSid,
		channels: r.channels,
		conference_sid: r.conferenceSid,
		date_created: iso(r.dateCreated),
		date_updated: iso(r.dateUpdated),
		duration: r.duration === null ? null : String(r.duration),
		error_code: r.errorCode,
		price: null,
		price_unit: 'USD',
		sid: r.sid,
		source: r.source,
		start_time: iso(r.startTime),
		track: r.track ?? 'both',
		uri: `${BASE}/${r.accountSid}/Calls/${r.callSid}/Recordings/${r.sid}.json`,
	};
}

/** TexmlRecordingTranscription; the text only once completed, as the document says. */
export function transcriptionResource(t: Transcription) {
	return {
		account_sid: t.accountSid,
		api_version: '2010-04-01',
		call_sid: t.callSid,
		date_created: iso(t.dateCreated),
		date_updated: iso(t.dateUpdated),
		duration: t.duration === null ? null : String(t.duration),
		recording_sid: t.recordingSid,
		sid: t.sid,
		status: t.status,
		transcription_text: t.status === 'completed' ? t.text : '',
		uri: `${BASE}/${t.accountSid}/Transcriptions/${t.sid}.json`,
	};
}
