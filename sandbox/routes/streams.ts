import { checkForm, type FieldRule } from '../fields';
import { invalid, notFound, type Reply } from '../http';
import type { MediaStream } from '../sessions';
import { blank } from '../json-fields';
import { accountOf, ok, route, type RouteContext } from './common';
import { liveCallOf } from './live-call';

/** Media streams of a call: StartTeXMLCallStreaming, UpdateTeXMLCallStreaming. */

const CALL = 'texml/Accounts/:accountSid/Calls/:callSid';

const START: Record<string, FieldRule> = {
	BidirectionalCodec: { oneOf: ['PCMU', 'PCMA', 'G722'] },
	BidirectionalMode: { oneOf: ['mp3', 'rtp'] },
	Name: 'text',
	StatusCallback: 'url',
	StatusCallbackMethod: 'method',
	Track: { oneOf: ['inbound_track', 'outbound_track', 'both_tracks'] },
	Url: 'text',
};

const uri = (stream: MediaStream) =>
	`/v2/texml/Accounts/${stream.accountSid}/Calls/${stream.callSid}/Streams/${stream.sid}.json`;

/** TexmlCreateCallStreamingResponseBody / TexmlUpdateCallStreamingResponseBody. */
export function streamResource(stream: MediaStream, started: boolean) {
	return {
		account_sid: stream.accountSid,
		call_sid: stream.callSid,
		date_updated: stream.dateUpdated.toISOString(),
		...(started ? { name: stream.name } : {}),
		sid: stream.sid,
		status: stream.status,
		uri: uri(stream),
	};
}

function start(ctx: RouteContext): Reply {
	const callSid = liveCallOf(ctx);
	const { form } = ctx;
	checkForm(form, START);
	// Not marked required, but a stream needs somewhere to go (`<Stream url>` requires it too).
	if (!form.Url) throw blank('Url');
	if (!/^wss:\/\/[^/\s]+/.test(form.Url))
		throw invalid('Url', 'Url must be a WebSocket address starting with wss://.');
	const stream = ctx.store.sessions.startStream({
		accountSid: ctx.account.sid,
		callSid,
		name: form.Name || undefined,
		url: form.Url,
		track: (form.Track ?? 'inbound_track') as MediaStream['track'],
		bidirectionalMode: (form.BidirectionalMode ?? 'mp3') as MediaStream['bidirectionalMode'],
		bidirectionalCodec: (form.BidirectionalCodec ?? 'PCMU') as MediaStream['bidirectionalCodec'],
		callback: form.StatusCallback
			? { url: form.StatusCallback, method: form.StatusCallbackMethod === 'GET' ? 'GET' : 'POST' }
			: undefined,
	});
	return ok(streamResource(stream, true));
}

/** Status defaults to `stopped`, the one value (StreamStatus); a stopped stream stays stopped. */
function update(ctx: RouteContext): Reply {
	const account = accountOf(ctx);
	checkForm(ctx.form, { Status: { oneOf: ['stopped'] } });
	const stream = ctx.store.sessions
		.streamsOf(account.sid, ctx.params.callSid)
		.find((s) => s.sid === ctx.params.streamSid);
	if (!stream) throw notFound();
	ctx.store.sessions.stop(stream);
	return ok(streamResource(stream, false));
}

export const streamRoutes = [
	route('POST', `${CALL}/Streams.json`, start),
	route('POST', `${CALL}/Streams/:streamSid`, update),
];
