import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

import { audioOf } from './audio';
import type { RecordedRequest } from './http';
import type { Recording, Store } from './store';

/**
 * The recordings' audio, on a second origin of the sandbox, the way pre-signed storage links
 * behave (Telnyx: recording links are valid for about 10 minutes): each link carries its expiry
 * and a signature; an expired, altered or revoked link is a 403, a deleted recording a 404, and a
 * request that carries an `Authorization` header is refused (a storage host rejects a second
 * authentication, and an API key must never travel there).
 */

export interface MediaOptions {
	/** How long a link works, in ms (Telnyx: 10 minutes). */
	linkTtlMs?: number;
}

/** One download as served: which recording, how many bytes, and their SHA-256. */
export interface Served {
	recordingSid: string;
	bytes: number;
	sha256: string;
}

export interface MediaHost {
	/** http://127.0.0.1:<another port> */
	origin: string;
	/** Every request, as received (no body). */
	requests: RecordedRequest[];
	served: Served[];
	/** The recording's current link, minted afresh when it has none or it no longer works. */
	linkFor(recording: Recording): string;
	/** The next `count` downloads are refused with 403 as expired, and their links revoked. */
	expireNext(count?: number): void;
	/** SHA-256 (hex) and size of the audio a recording serves. */
	fingerprint(recording: Recording): Promise<Served>;
	close(): Promise<void>;
}

const ttlDefault = 10 * 60 * 1000;

const s3Error = (code: string, message: string) =>
	`<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${code}</Code><Message>${message}</Message></Error>`;

export async function startMediaHost(store: Store, options: MediaOptions = {}): Promise<MediaHost> {
	const secret = randomBytes(32);
	const ttlMs = options.linkTtlMs ?? ttlDefault;
	const requests: RecordedRequest[] = [];
	const served: Served[] = [];
	const revoked = new Set<string>();
	let toExpire = 0;
	let origin = '';

	const signature = (path: string, expires: string) =>
		createHmac('sha256', secret).update(`${path}\n${expires}`).digest('hex');

	function works(link: string | undefined): boolean {
		if (!link || revoked.has(link)) return false;
		const url = new URL(link);
		return Number(url.searchParams.get('X-Expires')) > Date.now();
	}

	function mint(recording: Recording): string {
		const path = `/recordings/${recording.sid}.${recording.format}`;
		const expires = String(Date.now() + ttlMs);
		return `${origin}${path}?X-Expires=${expires}&X-Signature=${signature(path, expires)}`;
	}

	/** Why a link is refused, or undefined when it is good. */
	function refusal(url: URL): [number, string] | undefined {
		const expires = url.searchParams.get('X-Expires') ?? '';
		const given = Buffer.from(url.searchParams.get('X-Signature') ?? '', 'hex');
		const wanted = Buffer.from(signature(url.pathname, expires), 'hex');
		if (given.length !== wanted.length || !timingSafeEqual(given, wanted))
			return [403, s3Error('SignatureDoesNotMatch', 'The request signature does not match.')];
		if (Number(expires) <= Date.now() || revoked.has(`${origin}${url.pathname}${url.search}`))
			return [403, s3Error('AccessDenied', 'Request has expired')];
		return undefined;
	}

	const server = http.createServer((req, res) => {
		const recorded: RecordedRequest = {
			method: req.method ?? '',
			url: req.url ?? '',
			headers: req.headers,
			body: '',
			receivedAt: Date.now(),
		};
		requests.push(recorded);
		const answer = (status: number, text: string) => {
			recorded.status = status;
			recorded.answer = text;
			res.writeHead(status, { 'content-type': 'application/xml' });
			res.end(text);
		};
		const url = new URL(recorded.url, origin);
		if (req.headers.authorization !== undefined) {
			return answer(
				400,
				s3Error(
					'InvalidArgument',
					'Only one auth mechanism allowed; only the X-Signature parameter or the Authorization header may be given.',
				),
			);
		}
		const match = /^\/recordings\/([^/.]+)\.(mp3|wav)$/.exec(url.pathname);
		if (req.method !== 'GET' || !match)
			return answer(404, s3Error('NoSuchKey', 'The key does not exist.'));
		const refused = refusal(url);
		if (refused) return answer(...refused);
		if (toExpire > 0) {
			toExpire--;
			revoked.add(`${origin}${url.pathname}${url.search}`);
			return answer(403, s3Error('AccessDenied', 'Request has expired'));
		}
		const recording = store.recordings.find((r) => r.sid === match[1]);
		// No audio before the recording has ended, none once it is deleted.
		const ready = recording?.status === 'completed' || recording?.status === 'stopped';
		if (!recording || !ready || recording.format !== match[2])
			return answer(404, s3Error('NoSuchKey', 'The key does not exist.'));
		const audio = audioOf(recording.format, recording.channels, recording.duration ?? 1);
		recorded.status = 200;
		res.writeHead(200, {
			'content-type': audio.contentType,
			'content-length': String(audio.size),
		});
		const hash = createHash('sha256');
		let bytes = 0;
		const stream = audio.stream();
		stream.on('data', (chunk: Buffer) => {
			hash.update(chunk);
			bytes += chunk.length;
		});
		stream.on('end', () =>
			served.push({ recordingSid: recording.sid, bytes, sha256: hash.digest('hex') }),
		);
		stream.pipe(res);
	});
	server.keepAliveTimeout = 1;
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

	return {
		origin,
		requests,
		served,
		linkFor(recording) {
			if (!works(recording.mediaUrl)) recording.mediaUrl = mint(recording);
			return recording.mediaUrl as string;
		},
		expireNext(count = 1) {
			toExpire += count;
		},
		async fingerprint(recording) {
			const audio = audioOf(recording.format, recording.channels, recording.duration ?? 1);
			const hash = createHash('sha256');
			let bytes = 0;
			for await (const chunk of audio.stream()) {
				hash.update(chunk as Buffer);
				bytes += (chunk as Buffer).length;
			}
			return { recordingSid: recording.sid, bytes, sha256: hash.digest('hex') };
		},
		close: async () => {
			server.closeAllConnections();
			await new Promise<void>((resolve) => server.close(() => resolve()));
		},
	};
}
