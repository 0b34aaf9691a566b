/**
 * When the application fails an incoming call: the Voice Fallback URL is asked on an HTTP error,
 * an answer that is not a TeXML `<Response>`, a time-out (the timer is the test's: no wall-clock
 * wait) or an unreachable server; without one, the call ends in an error that says why. A
 * redirect loop ends at the cap on requests.
 */
import { startSandbox, type TexmlApplication, type TexmlSandbox } from '../sandbox';
import { REFUSING_ORIGIN } from './support/fixtures';
import { startTexmlServer, texml, type Answer, type TexmlServer } from './support/texml-server';

let sandbox: TexmlSandbox;
let server: TexmlServer;

/** Time-outs that end only when the test server holds a request (`hang`), never on the clock. */
const timers = new Set<{ ms: number; end: () => void }>();
const sleep = (ms: number, signal: AbortSignal) =>
	new Promise<void>((end) => {
		const timer = { ms, end };
		timers.add(timer);
		signal.addEventListener('abort', () => timers.delete(timer));
	});
const timeouts: number[] = [];

const ROUTES: Record<string, Answer> = {
	'/fallback': texml('<Say>Sorry, please call again later.</Say><Hangup/>'),
	'/500': { status: 500, type: 'text/plain', body: 'workflow failed' },
	'/json': { type: 'application/json', body: '{"texml":"<Response/>"}' },
	'/html': { type: 'text/html', body: '<html><body>Not found</body></html>' },
	'/broken': { body: '<Response><Say>Hi</Response>' },
	'/slow': 'hang',
	'/loop': texml('<Redirect>/loop</Redirect>'),
	'/ok': texml('<Gather action="/500"/>'),
};

beforeAll(async () => {
	sandbox = await startSandbox();
	server = await startTexmlServer(ROUTES);
	// A held request: the pending time-out (the current request's) ends now.
	server.onHang = () => {
		for (const timer of timers) {
			timeouts.push(timer.ms);
			timer.end();
		}
	};
});
afterAll(async () => {
	await server.close();
	await sandbox.close();
});
beforeEach(() => {
	server.received.length = 0;
	timeouts.length = 0;
});

const app = (path: string, settings: Partial<TexmlApplication> = {}) =>
	sandbox.store.calls.addApplication(sandbox.account.sid, {
		voiceUrl: `${server.origin}${path}`,
		voiceFallbackUrl: `${server.origin}/fallback`,
		...settings,
	});

const ring = (application: TexmlApplication, inputs: Array<{ digits: string }> = []) =>
	sandbox.ring({
		applicationId: application.id,
		from: '+13125550100',
		to: '+13125550199',
		inputs,
		sleep,
	});

test.each([
	['an HTTP error', '/500', 'HTTP 500'],
	['JSON', '/json', 'not TeXML: expected an element at 0'],
	['an HTML page', '/html', 'not TeXML: the root element is <html>, not <Response>'],
	['malformed XML', '/broken', 'not TeXML: <Say> is not closed'],
	['no answer in time', '/slow', 'no answer within 30000 ms'],
])(
	'%s: the fallback URL is asked, with the same fields and method',
	async (_name, path, problem) => {
		const story = await ring(app(path));
		expect(story.requests.map((r) => [new URL(r.url).pathname, r.fallback, r.problem])).toEqual([
			[path, false, problem],
			['/fallback', true, undefined],
		]);
		const [first, fallback] = server.received;
		expect(fallback.method).toBe('POST');
		expect(fallback.fields).toEqual(first.fields);
		expect(story.usedFallback).toBe(true);
		expect(story.played.map((p) => p.verb)).toEqual(['Say', 'Hangup']);
		expect(story.ended).toEqual({ kind: 'hangup', by: 'verb' });
		if (path === '/slow') expect(timeouts).toEqual([30000]);
	},
);

test('the time-out is the application’s first_command_timeout_secs', async () => {
	const story = await ring(app('/slow', { firstCommandTimeoutSecs: 10 }));
	expect(story.requests[0].problem).toBe('no answer within 10000 ms');
	expect(timeouts).toEqual([10000]);
});

test('an action URL that fails turns to the fallback URL too (GET, as the application asks)', async () => {
	const story = await ring(app('/ok', { voiceMethod: 'get' }), [{ digits: '1' }]);
	expect(server.received.map((r) => [r.method, new URL(r.url, 'http://x').pathname])).toEqual([
		['GET', '/ok'],
		['GET', '/500'],
		['GET', '/fallback'],
	]);
	expect(server.received[2].fields.Digits).toBe('1');
	expect(story.ended).toEqual({ kind: 'hangup', by: 'verb' });
});

test('without a fallback URL the call ends in an error that says why, and fails', async () => {
	const story = await ring(app('/500', { voiceFallbackUrl: undefined }));
	expect(story.ended).toEqual({ kind: 'error', reason: 'HTTP 500' });
	expect(story.usedFallback).toBe(false);
	expect(sandbox.store.calls.find(sandbox.account.sid, story.callSid)?.status).toBe('failed');
});

test('a fallback URL that fails too: an error naming what the fallback answered', async () => {
	const story = await ring(app('/500', { voiceFallbackUrl: `${server.origin}/json` }));
	expect(story.requests).toHaveLength(2);
	expect(story.ended).toEqual({ kind: 'error', reason: 'not TeXML: expected an element at 0' });
});

test('an unreachable Voice URL', async () => {
	const story = await ring(app('/x', { voiceUrl: `${REFUSING_ORIGIN}/voice` }));
	expect(story.requests[0].problem).toMatch(/^unreachable: /);
	expect(story.usedFallback).toBe(true);
});

test('a redirect loop ends after 50 requests', async () => {
	const story = await ring(app('/loop'));
	expect(story.requests).toHaveLength(50);
	expect(server.received).toHaveLength(50);
	expect(story.ended).toEqual({
		kind: 'error',
		reason: 'more than 50 requests (a redirect loop?)',
	});
});
