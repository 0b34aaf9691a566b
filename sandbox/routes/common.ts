import { notFound, type Reply } from '../http';
import type { MediaHost } from '../media';
import type { Account, Conference, Store } from '../store';

export interface RouteContext {
	store: Store;
	account: Account;
	params: Record<string, string>;
	query: URLSearchParams;
	form: Record<string, string>;
	/** The parsed body of a route that takes JSON (`body: 'json'`), else undefined. */
	json?: unknown;
	/** List pages hold this many records unless the request asks for PageSize. */
	pageSize: number;
	/** Mints the recordings' download links. */
	media: MediaHost;
}

export interface Route {
	method: string;
	/** Path segments below /v2; `:name` captures one decoded segment. */
	path: string[];
	handle: (ctx: RouteContext) => Reply;
	/** The body's encoding: a form unless the route says JSON (Telnyx's call initiation). */
	body?: 'json';
}

export const route = (
	method: string,
	path: string,
	handle: Route['handle'],
	body?: Route['body'],
): Route => ({
	method,
	path: path.split('/').filter(Boolean),
	handle,
	...(body ? { body } : {}),
});

export const ok = (body: unknown): Reply => ({ status: 200, body });

export const CONFERENCES = 'texml/Accounts/:accountSid/Conferences';
export const CONFERENCE = `${CONFERENCES}/:conferenceSid`;
export const PARTICIPANTS = `${CONFERENCE}/Participants`;
export const PARTICIPANT = `${PARTICIPANTS}/:participant`;
export const ACCOUNT = 'texml/Accounts/:accountSid';

/** A foreign or unknown account SID is a 404, as on Telnyx. */
export function accountOf({ account, params }: RouteContext): Account {
	if (params.accountSid !== account.sid) throw notFound();
	return account;
}

export function conferenceOf(ctx: RouteContext): Conference {
	const account = accountOf(ctx);
	const conference = ctx.store.conference(account.sid, ctx.params.conferenceSid);
	if (!conference) throw notFound();
	return conference;
}

export function participantOf(ctx: RouteContext) {
	const conference = conferenceOf(ctx);
	const participant = ctx.store.participant(conference, ctx.params.participant);
	if (!participant || participant.status === 'completed') throw notFound();
	return { conference, participant };
}
