import { notFound, type Reply } from '../http';
import { page } from '../paging';
import {
	callRecordingResource,
	conferencePath,
	recordingResource,
	texmlRecordingResource,
} from '../resources';
import type { Recording } from '../store';
import {
	accountOf,
	ACCOUNT,
	conferenceOf,
	CONFERENCE,
	ok,
	route,
	type RouteContext,
} from './common';
import { dateMatcher } from './conferences';

/**
 * `…/Recordings` (ConferenceRecordingResourceIndex, with its stray empty `participants`) and
 * `…/Recordings.json` (TexmlGetCallRecordingsResponseBody, with `previous_page_uri`): two Telnyx
 * operations with two record shapes. Each one's page URIs stay on its own path, so a list read
 * page by page keeps one shape.
 */
function listRecordings(json: boolean) {
	return (ctx: RouteContext) => {
		const conference = conferenceOf(ctx);
		const toResource = json ? callRecordingResource : recordingResource;
		const recordings = conference.recordings.map((r) => {
			ctx.media.linkFor(r);
			return toResource(conference, r);
		});
		const list = page('recordings', recordings, {
			path: `${conferencePath(conference)}/Recordings${json ? '.json' : ''}`,
			query: ctx.query,
			defaultPageSize: ctx.pageSize,
			withPrevious: json,
		});
		return ok(json ? list : { ...list, participants: [] });
	};
}

/** A recording as Recordings.json shows it, with a working download link. */
export function recordingAnswer(ctx: RouteContext, recording: Recording) {
	ctx.media.linkFor(recording);
	const transcribed = ctx.store.transcriptions.some((t) => t.recordingSid === recording.sid);
	return texmlRecordingResource(recording, transcribed);
}

function recordingOf(ctx: RouteContext): Recording {
	const account = accountOf(ctx);
	const recording = ctx.store.recording(account.sid, ctx.params.recordingSid);
	if (!recording) throw notFound();
	return recording;
}

/** `GET …/Recordings.json`: every recording of the account, newest first; Page, PageSize, DateCreated. */
function listAccountRecordings(ctx: RouteContext): Reply {
	const account = accountOf(ctx);
	const dateCreated = ctx.query.get('DateCreated');
	const created = dateMatcher('DateCreated', dateCreated);
	const recordings = ctx.store.recordings
		.filter((r) => r.accountSid === account.sid && created(r.dateCreated))
		.sort((a, b) => b.dateCreated.getTime() - a.dateCreated.getTime())
		.map((r) => recordingAnswer(ctx, r));
	return ok(
		page('recordings', recordings, {
			path: `/v2/texml/Accounts/${account.sid}/Recordings.json`,
			query: ctx.query,
			defaultPageSize: ctx.pageSize,
			filters: dateCreated === null ? {} : { DateCreated: dateCreated },
			withPrevious: true,
		}),
	);
}

export const RECORDING = `${ACCOUNT}/Recordings/:recordingSid`;

export const recordingRoutes = [
	route('GET', `${CONFERENCE}/Recordings.json`, listRecordings(true)),
	route('GET', `${CONFERENCE}/Recordings`, listRecordings(false)),
	route('GET', `${ACCOUNT}/Recordings.json`, listAccountRecordings),
	route('GET', RECORDING, (ctx) => ok(recordingAnswer(ctx, recordingOf(ctx)))),
	route('DELETE', RECORDING, (ctx) => {
		ctx.store.deleteRecording(recordingOf(ctx));
		return { status: 204 };
	}),
];
