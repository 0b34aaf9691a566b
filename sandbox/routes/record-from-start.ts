import { isLive, type Call } from '../calls';
import type { RouteContext } from './common';

/**
 * `Record: true` on a call placed over the API (a TeXML call or an AI call): the call is recorded
 * from the start (source OutboundAPI) until it ends, with the request's recording fields.
 */
export function recordFromStart(ctx: RouteContext, call: Call, request: Record<string, unknown>) {
	if (request.Record !== true || !isLive(call)) return;
	const text = (key: string) => request[key] as string | undefined;
	const callback = text('RecordingStatusCallback');
	ctx.store.startCallRecording(call.accountSid, call.sid, {
		source: 'OutboundAPI',
		channels: text('RecordingChannels') === 'dual' ? 2 : 1,
		track: (text('RecordingTrack') ?? 'both') as 'inbound' | 'outbound' | 'both',
		callback: callback
			? {
					url: callback,
					method: text('RecordingStatusCallbackMethod') === 'GET' ? 'GET' : 'POST',
					events: (text('RecordingStatusCallbackEvent') ?? 'completed').split(' '),
				}
			: undefined,
	});
}
