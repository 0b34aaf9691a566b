import { page } from '../paging';
import { callRecordingResource, conferencePath, recordingResource } from '../resources';
import { conferenceOf, CONFERENCE, ok, route, type RouteContext } from './common';

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
		const recordings = conference.recordings.map((r) => toResource(conference, r));
		const list = page('recordings', recordings, {
			path: `${conferencePath(conference)}/Recordings${json ? '.json' : ''}`,
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
