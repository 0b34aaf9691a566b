import http from 'node:http';
import type { AddressInfo } from 'node:net';

import { realClock, type Clock } from './clock';
import { startStatusCallbacks, type StatusCallbacks } from './events';
import { Faults, type FaultOptions } from './faults';
import { ring, type RingOptions, type RingResult } from './incoming';
import { HttpError, parseForm, unauthorized, type RecordedRequest, type Reply } from './http';
import { startMediaHost, type MediaHost } from './media';
import { matchRoute } from './routes';
import { redactSecret } from './secrets';
import type { TexmlApplication } from './calls';
import { Store, type Account } from './store';

export interface SandboxOptions {
	port?: number;
	/** How many records a list page holds when the request gives no PageSize (Telnyx: 20). */
	pageSize?: number;
	/** The account of the default API key; a random one when not given. */
	account?: Partial<Account>;
	/** Faults to inject from the start; change them later with `faults.configure`. */
	faults?: FaultOptions;
	/**
	 * Optional keys without a value: left out (`omit`, the default, as Telnyx's examples show), or
	 * sent as `null` (`null`, as Twilio-style APIs also do), so clients can be tried with both.
	 */
	missingKeys?: 'omit' | 'null';
	/** How long a recording's download link works, in ms (Telnyx: about 10 minutes). */
	mediaLinkTtlMs?: number;
	/**
	 * Whether a placed call's answer carries `call_sid` as users report (and the connection-scoped
	 * endpoint documents), on top of the documented `{ from, status, to }`. Off: as documented.
	 */
	callSidInAnswer?: boolean;
	/** The time of the rate window, latency and `receivedAt`: the real clock, or a test's. */
	clock?: Clock;
}

export interface TexmlSandbox {
	/** http://127.0.0.1:<port> */
	origin: string;
	/** The value for the credential's Base URL: origin + '/v2'. */
	baseUrl: string;
	/** The default account; its apiKey authenticates. */
	account: Account;
	/** The account's TeXML application, for placing calls (ApplicationSid). */
	application: TexmlApplication;
	store: Store;
	/** Every request, in arrival order, as received. */
	requests: RecordedRequest[];
	/** Signed conference and call status callbacks sent on store changes (see events.ts). */
	statusCallbacks: StatusCallbacks;
	/** The Ed25519 public key (base64) the callbacks verify with: the credential's Public Key. */
	publicKey: string;
	/** Injected faults (rate limit, latency, 503s, resets), changeable at runtime. */
	faults: Faults;
	/** The recordings' audio, on a second origin (see media.ts). */
	media: MediaHost;
	/**
	 * Places an incoming call to a TeXML application (the sandbox's own unless `applicationId`):
	 * asks its Voice URL for TeXML, plays it and resolves with the call's story (incoming.ts).
	 */
	ring(options: RingOptions): Promise<RingResult>;
	close(): Promise<void>;
}

/** Answers leave optional keys without a value as `undefined`; `null` mode writes them out. */
const asNull = (_key: string, value: unknown) => (value === undefined ? null : value);

function reply(
	res: http.ServerResponse,
	recorded: RecordedRequest,
	answer: Reply,
	missingKeys: 'omit' | 'null',
) {
	recorded.status = answer.status;
	const payload =
		answer.body === undefined
			? ''
			: JSON.stringify(answer.body, missingKeys === 'null' ? asNull : undefined);
	recorded.answer = payload;
	res.writeHead(answer.status, {
		...(payload ? { 'content-type': 'application/json' } : {}),
		...answer.headers,
	});
	res.end(payload);
}

function handle(
	store: Store,
	media: MediaHost,
	recorded: RecordedRequest,
	pageSize: number,
): Reply {
	const [rawPath, rawQuery = ''] = recorded.url.split('?', 2);
	const segments = rawPath.split('/').filter(Boolean);
	if (segments[0] !== 'v2')
		throw new HttpError(404, [{ code: '10005', title: 'Not found', detail: 'Resource not found' }]);
	let decoded: string[];
	try {
		decoded = segments.slice(1).map((s) => decodeURIComponent(s));
	} catch {
		throw new HttpError(400, [
			{ code: '10015', title: 'Bad Request', detail: 'Malformed percent-encoding in the path.' },
		]);
	}
	const bearer = /^Bearer (.+)$/.exec(recorded.headers.authorization ?? '')?.[1];
	const account = bearer ? store.accountForKey(bearer) : undefined;
	if (!account) throw unauthorized();

	const { route, params } = matchRoute(recorded.method, decoded);
	const type = recorded.headers['content-type'] ?? '';
	const expected = route.body === 'json' ? 'application/json' : 'application/x-www-form-urlencoded';
	if ((recorded.body || route.body === 'json') && !type.startsWith(expected)) {
		throw new HttpError(415, [
			{
				code: '10015',
				title: 'Unsupported media type',
				detail: `Send the body as ${expected}.`,
			},
		]);
	}
	return route.handle({
		store,
		account,
		params,
		query: new URLSearchParams(rawQuery),
		form: route.body === 'json' ? {} : parseForm(recorded.body),
		json: route.body === 'json' ? parseJson(recorded.body) : undefined,
		pageSize,
		media,
	});
}

function parseJson(body: string): unknown {
	try {
		return JSON.parse(body);
	} catch {
		throw new HttpError(400, [
			{ code: '10015', title: 'Bad Request', detail: 'The request body is not valid JSON.' },
		]);
	}
}

function answer(
	store: Store,
	media: MediaHost,
	recorded: RecordedRequest,
	pageSize: number,
): Reply {
	try {
		return handle(store, media, recorded, pageSize);
	} catch (error) {
		if (!(error instanceof HttpError)) throw error;
		return { status: error.status, body: { errors: error.errors }, headers: error.headers };
	}
}

/** Starts a local HTTP server that behaves like the Telnyx TeXML API, on 127.0.0.1. */
export async function startSandbox(options: SandboxOptions = {}): Promise<TexmlSandbox> {
	const store = new Store();
	const account = store.addAccount(options.account);
	// Calls need a TeXML application of the account (ApplicationSid); one is there from the start.
	const application = store.calls.addApplication(account.sid, {
		friendlyName: 'Sandbox TeXML App',
	});
	store.calls.sidInAnswer = options.callSidInAnswer ?? false;
	const requests: RecordedRequest[] = [];
	const statusCallbacks = startStatusCallbacks(store);
	const clock = options.clock ?? realClock;
	const faults = new Faults(options.faults, clock);
	let answering = 0;
	const media = await startMediaHost(store, { linkTtlMs: options.mediaLinkTtlMs });
	// Callbacks name a recording's link (RecordingUrl): the media host mints it.
	statusCallbacks.linkFor = (recording) => media.linkFor(recording);

	const server = http.createServer((req, res) => {
		const chunks: Buffer[] = [];
		req.on('data', (chunk: Buffer) => chunks.push(chunk));
		req.on('end', () => {
			const raw = Buffer.concat(chunks).toString('utf8');
			const recorded: RecordedRequest = {
				method: req.method ?? '',
				url: req.url ?? '',
				headers: req.headers,
				// The log never holds a secret's value; the route reads the body as sent.
				body: redactSecret(req.method ?? '', req.url ?? '', raw),
				receivedAt: clock.now(),
				concurrent: ++answering,
			};
			res.on('close', () => answering--);
			requests.push(recorded);
			faults
				.respond(
					recorded,
					res,
					() => answer(store, media, { ...recorded, body: raw }, options.pageSize ?? 20),
					(answered) => reply(res, recorded, answered, options.missingKeys ?? 'omit'),
				)
				.catch((error: Error) => {
					// A bug of the sandbox is a 500 the test sees, never a request left unanswered.
					recorded.status = 500;
					if (res.headersSent) res.destroy();
					else res.writeHead(500, { 'content-type': 'text/plain' }).end(String(error.stack));
				});
		});
	});
	server.keepAliveTimeout = 1;
	await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
	const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

	return {
		origin,
		baseUrl: `${origin}/v2`,
		account,
		application,
		store,
		requests,
		statusCallbacks,
		publicKey: statusCallbacks.publicKey,
		faults,
		media,
		ring: (ringOptions) => {
			const app = ringOptions.applicationId
				? store.calls.applications.find((a) => a.id === ringOptions.applicationId)
				: application;
			if (!app) throw new Error(`No TeXML application ${ringOptions.applicationId}`);
			return ring(
				{
					store,
					application: app,
					sign: statusCallbacks.sign,
					linkFor: (recording) => media.linkFor(recording),
				},
				ringOptions,
			);
		},
		close: async () => {
			statusCallbacks.stop();
			await statusCallbacks.idle();
			await media.close();
			server.closeAllConnections();
			await new Promise<void>((resolve) => server.close(() => resolve()));
		},
	};
}
