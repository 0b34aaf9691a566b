import { page } from '../paging';
import { conferencePath, recordingResource } from '../resources';
import { conferenceOf, CONFERENCE, ok, route, type RouteContext } from './common';

/** `/Recordings` (ConferenceRecordingResourceIndex, with its stray `participants`) and `/Recordings.json`. */
function listRecordings(json: boolean) {
	return (ctx: RouteContext) => {
		const conference = conferenceOf(ctx);
		const recordings = conference.recordings.map((r) => recordingResource(conference, r));
		const list = page('recordings', recordings, {
			path: `${conferencePath(conference)}/Recordings.json`,
			query: ctx.query,
			defaultPageSize: ctx.pageSize,
			withPrevious: json,
		});
		return ok(json ? list : { ...list, participants: [] });
	};
}

export const recordingRoutes = [
	route('GET', `${CONFERENCE}/Recordings.json`, listRecordings(true)),
	route('GET', `${CONFERENCE}/Recordings`, listRecordings(false)),
];
