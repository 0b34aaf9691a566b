import { checkForm, type FieldRule } from '../fields';
import { invalid, notFound, type Reply } from '../http';
import { blank } from '../json-fields';
import type { SiprecSession } from '../sessions';
import { rfc2822 } from '../store';
import { accountOf, ok, route, type RouteContext } from './common';
import { liveCallOf } from './live-call';

/** SIPREC sessions of a call: StartTeXMLSiprecSession, UpdateTeXMLSiprecSession. */

const CALL = 'texml/Accounts/:accountSid/Calls/:callSid';

const START: Record<string, FieldRule> = {
	ConnectorName: 'text',
	IncludeMetadataCustomHeaders: 'boolean',
	Name: 'text',
	Secure: 'boolean',
	SessionTimeoutSecs: { integer: [0, 2 ** 31 - 1] },
	SipTransport: { oneOf: ['udp', 'tcp', 'tls'] },
	StatusCallback: 'url',
	StatusCallbackMethod: 'method',
	Track: { oneOf: ['both_tracks', 'inbound_track', 'outbound_track'] },
};

/** Relative, like every other TeXML `uri`, and the path its update is sent to. */
const uri = (s: SiprecSession) =>
	`/v2/texml/Accounts/${s.accountSid}/Calls/${s.callSid}/Siprec/${s.sid}.json`;

/** TexmlCreateSiprecSessionResponseBody; the update answers the keys it declares. */
export function siprecResource(session: SiprecSession, started: boolean) {
	return {
		account_sid: session.accountSid,
		call_sid: session.callSid,
		...(started ? { date_created: rfc2822(session.dateCreated) } : {}),
		date_updated: rfc2822(session.dateUpdated),
		sid: session.sid,
		...(started ? { start_time: rfc2822(session.startTime), track: session.track } : {}),
		status: session.status,
		uri: uri(session),
	};
}

const bool = (value: string | undefined) => value === 'true';

function start(ctx: RouteContext): Reply {
	const callSid = liveCallOf(ctx);
	const { form } = ctx;
	checkForm(form, START);
	// Not marked required, but a session needs a recorder (`<Siprec connectorName>` requires it too).
	if (!form.ConnectorName?.trim()) throw blank('ConnectorName');
	const timeout = form.SessionTimeoutSecs === undefined ? 1800 : Number(form.SessionTimeoutSecs);
	if (timeout > 0 && timeout < 90)
		throw invalid('SessionTimeoutSecs', 'SessionTimeoutSecs must be at least 90, or 0 to disable.');
	const session = ctx.store.sessions.startSiprec({
		accountSid: ctx.account.sid,
		callSid,
		name: form.Name || undefined,
		connectorName: form.ConnectorName,
		track: (form.Track ?? 'both_tracks') as SiprecSession['track'],
		secure: bool(form.Secure),
		sessionTimeoutSecs: timeout,
		sipTransport: (form.SipTransport ?? 'udp') as SiprecSession['sipTransport'],
		includeMetadataCustomHeaders: bool(form.IncludeMetadataCustomHeaders),
		callback: form.StatusCallback
			? { url: form.StatusCallback, method: form.StatusCallbackMethod === 'GET' ? 'GET' : 'POST' }
			: undefined,
	});
	return ok(siprecResource(session, true));
}

/** `Status=stopped` ends the session; without a Status nothing changes (the document gives no default). */
function update(ctx: RouteContext): Reply {
	const account = accountOf(ctx);
	checkForm(ctx.form, { Status: { oneOf: ['stopped'] } });
	const session = ctx.store.sessions
		.siprecsOf(account.sid, ctx.params.callSid)
		.find((s) => s.sid === ctx.params.siprecSid);
	if (!session) throw notFound();
	if (ctx.form.Status === 'stopped') ctx.store.sessions.stop(session);
	return ok(siprecResource(session, false));
}

export const siprecRoutes = [
	route('POST', `${CALL}/Siprec.json`, start),
	route('POST', `${CALL}/Siprec/:siprecSid`, update),
];
