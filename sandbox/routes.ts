import { bool, checkForm, type FieldRule } from './fields';
import { HttpError, invalid, notFound, type Reply } from './http';
import { participantResource, type Account, type Conference, type Store } from './store';

export interface RouteContext {
	store: Store;
	account: Account;
	params: Record<string, string>;
	query: URLSearchParams;
	form: Record<string, string>;
}

export interface Route {
	method: string;
	/** Path segments below /v2; `:name` captures one decoded segment. */
	path: string[];
	handle: (ctx: RouteContext) => Reply;
}

const route = (method: string, path: string, handle: Route['handle']): Route => ({
	method,
	path: path.split('/').filter(Boolean),
	handle,
});

const ok = (body: unknown): Reply => ({ status: 200, body });

function conferenceOf({ store, account, params }: RouteContext): Conference {
	// A foreign or unknown account SID is a 404, as on Telnyx.
	if (params.accountSid !== account.sid) throw notFound();
	const conference = store.conference(account.sid, params.conferenceSid);
	if (!conference) throw notFound();
	return conference;
}

function participantOf(ctx: RouteContext) {
	const conference = conferenceOf(ctx);
	const participant = ctx.store.participant(conference, ctx.params.participant);
	if (!participant || participant.status === 'completed') throw notFound();
	return { conference, participant };
}

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

function updateParticipant(ctx: RouteContext): Reply {
	const { conference, participant } = participantOf(ctx);
	const { form } = ctx;
	checkForm(form, UPDATE_PARTICIPANT);
	const coaching = bool(form.Coaching);
	if (coaching && !form.CallSidToCoach) {
		throw invalid('CallSidToCoach', 'CallSidToCoach has to be given when Coaching is true.');
	}
	if (form.CallSidToCoach && !ctx.store.participant(conference, form.CallSidToCoach)) {
		throw invalid('CallSidToCoach', 'CallSidToCoach is not a participant of this conference.');
	}
	participant.muted = bool(form.Muted) ?? participant.muted;
	participant.hold = bool(form.Hold) ?? participant.hold;
	participant.holdUrl = form.HoldUrl ?? participant.holdUrl;
	participant.holdMethod = form.HoldMethod ?? participant.holdMethod;
	participant.beepOnExit = bool(form.BeepOnExit) ?? participant.beepOnExit;
	participant.endConferenceOnExit = bool(form.EndConferenceOnExit) ?? participant.endConferenceOnExit;
	participant.waitUrl = form.WaitUrl ?? participant.waitUrl;
	if (coaching !== undefined) {
		participant.coaching = coaching;
		participant.coachingCallSid = coaching ? form.CallSidToCoach : undefined;
	} else if (form.CallSidToCoach) {
		participant.coachingCallSid = form.CallSidToCoach;
	}
	if (form.AnnounceUrl) {
		participant.announcements.push({ url: form.AnnounceUrl, method: form.AnnounceMethod ?? 'POST' });
	}
	participant.dateUpdated = new Date();
	return ok(participantResource(conference, participant));
}

const PARTICIPANT = 'texml/Accounts/:accountSid/Conferences/:conferenceSid/Participants/:participant';

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
	route('GET', PARTICIPANT, (ctx) => {
		const { conference, participant } = participantOf(ctx);
		return ok(participantResource(conference, participant));
	}),
	route('POST', PARTICIPANT, updateParticipant),
];

/** Finds the route for a decoded path; a `.json` suffix on the last segment is accepted, as on Telnyx. */
export function matchRoute(method: string, segments: string[]) {
	const candidates = [segments];
	const last = segments[segments.length - 1] ?? '';
	if (last.endsWith('.json')) candidates.push([...segments.slice(0, -1), last.slice(0, -5)]);
	let pathMatched = false;
	for (const path of candidates) {
		for (const r of routes) {
			if (r.path.length !== path.length) continue;
			const params: Record<string, string> = {};
			const matches = r.path.every((part, i) =>
				part.startsWith(':') ? ((params[part.slice(1)] = path[i]), true) : part === path[i],
			);
			if (!matches) continue;
			pathMatched = true;
			if (r.method === method) return { route: r, params };
		}
	}
	if (pathMatched) {
		throw new HttpError(405, [{ code: '10015', title: 'Method not allowed', detail: `${method} is not allowed here.` }]);
	}
	throw notFound();
}
