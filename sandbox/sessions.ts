import { randomUUID } from 'node:crypto';

import { isoSeconds, type CallbackEvent } from './callback-event';

/**
 * What runs alongside a live call: media streams to a WebSocket (`…/Calls/{call_sid}/Streams`) and
 * SIPREC sessions to a recorder (`…/Siprec`). Each is started, listed on its call, and stopped by
 * the API or when its call ends; with a StatusCallback, each change is a signed callback. Telnyx
 * does not document these callbacks' fields: the sandbox sends Twilio's (StreamEvent
 * `stream-started`/`stream-stopped`; SiprecStatus `in-progress`/`stopped`), PascalCase like the rest.
 */

interface Callback {
	url: string;
	method: 'GET' | 'POST';
}

interface Session {
	sid: string;
	accountSid: string;
	callSid: string;
	name?: string;
	status: 'in-progress' | 'stopped';
	callback?: Callback;
	dateCreated: Date;
	dateUpdated: Date;
}

export interface MediaStream extends Session {
	/** The wss:// address the audio goes to. */
	url: string;
	track: 'inbound_track' | 'outbound_track' | 'both_tracks';
	bidirectionalMode: 'mp3' | 'rtp';
	bidirectionalCodec: 'PCMU' | 'PCMA' | 'G722';
}

export interface SiprecSession extends Session {
	connectorName: string;
	track: 'inbound_track' | 'outbound_track' | 'both_tracks';
	secure: boolean;
	/** Session-Expires of the INVITE; 0 turns it off. */
	sessionTimeoutSecs: number;
	sipTransport: 'udp' | 'tcp' | 'tls';
	includeMetadataCustomHeaders: boolean;
	startTime: Date;
}

type New<T> = Omit<T, 'sid' | 'status' | 'dateCreated' | 'dateUpdated' | 'startTime'>;

export class CallSessions {
	readonly streams: MediaStream[] = [];

	readonly siprecs: SiprecSession[] = [];

	constructor(private readonly emit: (event: CallbackEvent) => void) {}

	streamsOf(accountSid: string, callSid: string): MediaStream[] {
		return this.streams.filter((s) => s.accountSid === accountSid && s.callSid === callSid);
	}

	siprecsOf(accountSid: string, callSid: string): SiprecSession[] {
		return this.siprecs.filter((s) => s.accountSid === accountSid && s.callSid === callSid);
	}

	startStream(stream: New<MediaStream>): MediaStream {
		const created: MediaStream = { ...stream, ...fresh() };
		this.streams.push(created);
		this.notifyStream(created);
		return created;
	}

	startSiprec(session: New<SiprecSession>): SiprecSession {
		const created: SiprecSession = { ...session, ...fresh(), startTime: new Date() };
		this.siprecs.push(created);
		this.notifySiprec(created);
		return created;
	}

	/** Stops a stream or session; stopping a stopped one changes nothing and sends nothing. */
	stop(session: MediaStream | SiprecSession) {
		if (session.status === 'stopped') return;
		session.status = 'stopped';
		session.dateUpdated = new Date();
		if ('connectorName' in session) this.notifySiprec(session);
		else this.notifyStream(session);
	}

	/** The call ended: everything still running on it stops. */
	endCall(accountSid: string, callSid: string) {
		for (const session of [
			...this.streamsOf(accountSid, callSid),
			...this.siprecsOf(accountSid, callSid),
		])
			this.stop(session);
	}

	private notifyStream(stream: MediaStream) {
		if (!stream.callback) return;
		this.emit({
			type: 'callback',
			callback: stream.callback,
			fields: {
				AccountSid: stream.accountSid,
				CallSid: stream.callSid,
				StreamSid: stream.sid,
				...(stream.name ? { StreamName: stream.name } : {}),
				StreamEvent: stream.status === 'stopped' ? 'stream-stopped' : 'stream-started',
				Timestamp: isoSeconds(stream.dateUpdated),
			},
		});
	}

	private notifySiprec(session: SiprecSession) {
		if (!session.callback) return;
		this.emit({
			type: 'callback',
			callback: session.callback,
			fields: {
				AccountSid: session.accountSid,
				CallSid: session.callSid,
				SiprecSid: session.sid,
				...(session.name ? { SiprecName: session.name } : {}),
				SiprecStatus: session.status,
				Timestamp: isoSeconds(session.dateUpdated),
			},
		});
	}
}

function fresh() {
	const now = new Date();
	return { sid: randomUUID(), status: 'in-progress' as const, dateCreated: now, dateUpdated: now };
}
