import { HttpError, notFound } from '../http';
import { aiCallRoutes } from './ai-calls';
import { applicationRoutes } from './applications';
import { callRoutes } from './calls';
import { ok, route, type Route } from './common';
import { callRecordingRoutes } from './callRecordings';
import { conferenceRoutes } from './conferences';
import { participantRoutes } from './participants';
import { queueRoutes } from './queues';
import { recordingRoutes } from './recordings';
import { secretRoutes } from './secrets';
import { siprecRoutes } from './siprec';
import { streamRoutes } from './streams';
import { transcriptionRoutes } from './transcriptions';

export type { Route, RouteContext } from './common';

/** Every endpoint of the TeXML conference API (telnyx-texml-api §1), plus whoami. */
export const routes: Route[] = [
	route('GET', 'whoami', ({ account }) =>
		ok({
			data: {
				organization_id: account.sid,
				organization_name: account.name,
				email: account.email,
				user_id: account.sid,
			},
		}),
	),
	...callRoutes,
	...applicationRoutes,
	...conferenceRoutes,
	...participantRoutes,
	...recordingRoutes,
	...transcriptionRoutes,
	...callRecordingRoutes,
	...queueRoutes,
	...streamRoutes,
	...siprecRoutes,
	...aiCallRoutes,
	...secretRoutes,
];

function matchPath(r: Route, path: string[]) {
	if (r.path.length !== path.length) return undefined;
	const params: Record<string, string> = {};
	const matches = r.path.every((part, i) =>
		part.startsWith(':') ? ((params[part.slice(1)] = path[i]), true) : part === path[i],
	);
	return matches ? params : undefined;
}

/**
 * Finds the route for a decoded path. A `.json` suffix on the last segment is accepted, as on
 * Telnyx: it is stripped before an ID is captured, and kept only where a route spells it out.
 */
export function matchRoute(method: string, segments: string[]) {
	const last = segments[segments.length - 1] ?? '';
	const stripped = last.endsWith('.json')
		? [...segments.slice(0, -1), last.slice(0, -5)]
		: undefined;
	let pathMatched = false;
	for (const r of routes) {
		const literalLast = !(r.path[r.path.length - 1] ?? '').startsWith(':');
		const params =
			(stripped && literalLast ? matchPath(r, segments) : undefined) ??
			matchPath(r, stripped ?? segments);
		if (!params) continue;
		pathMatched = true;
		if (r.method === method) return { route: r, params };
	}
	if (pathMatched) {
		throw new HttpError(405, [
			{ code: '10015', title: 'Method not allowed', detail: `${method} is not allowed here.` },
		]);
	}
	throw notFound();
}
