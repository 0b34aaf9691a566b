import { rfc2822, type Conference, type Recording } from './store';

/** Telnyx's JSON shapes for conferences and recordings (snake_case, every field of the spec). */

const BASE = '/v2/texml/Accounts';

export const conferencePath = (c: Conference) => `${BASE}/${c.accountSid}/Conferences/${c.sid}`;

export function conferenceResource(c: Conference) {
	return {
		account_sid: c.accountSid,
		api_version: 'v2/texml',
		call_sid_ending_conference: c.callSidEndingConference ?? null,
		date_created: rfc2822(c.dateCreated),
		date_updated: rfc2822(c.dateUpdated),
		friendly_name: c.friendlyName,
		reason_conference_ended: c.reasonConferenceEnded ?? null,
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

export function recordingResource(c: Conference, r: Recording) {
	return {
		account_sid: c.accountSid,
		call_sid: r.callSid,
		channels: r.channels,
		conference_sid: c.sid,
		date_created: rfc2822(r.dateCreated),
		date_updated: rfc2822(r.dateUpdated),
		duration: r.duration,
		error_code: r.errorCode,
		media_url: `https://api.telnyx.com/v2/texml/recordings/${r.sid}.mp3`,
		sid: r.sid,
		source: r.source,
		start_time: rfc2822(r.startTime),
		status: r.status,
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
