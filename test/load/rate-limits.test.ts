import http from 'node:http';
import type { AddressInfo } from 'node:net';

import { limiterFor } from '../../nodes/TelnyxTexml/transport/limiter';
import type { Engine } from '../support/engine';
import { sourcePackage } from '../support/fixtures';
import { locator, NODE_TYPE } from '../support/texml';
import { runNode } from '../support/engine';

/**
 * How the limiter and the sending core treat Telnyx's rate limit, through n8n's engine, against a
 * server that answers as each case scripts it (no rate-limit headers unless the script sends them).
 */
interface Reply {
	status: number;
	headers?: Record<string, string>;
}

interface Arrival {
	at: number;
	method: string;
	url: string;
	body: string;
	status: number;
}

let server: http.Server;
let baseUrl: string;
let arrivals: Arrival[];
let script: (n: number, arrival: Omit<Arrival, 'status'>) => Reply;

const OK: Reply = { status: 200 };
const LIMITED = (headers: Record<string, string> = {}): Reply => ({
	status: 429,
	headers: { 'retry-after-ms': '50', ...headers },
});
/** A 429 naming the key's limit (20 per second), so the process lowers itself to 14 per second. */
const LIMITED_AT_20 = (headers: Record<string, string> = {}) =>
	LIMITED({ 'x-ratelimit-limit': '20', 'x-ratelimit-reset': '1', ...headers });

beforeEach(async () => {
	arrivals = [];
	script = () => OK;
	server = http.createServer((req, res) => {
		let body = '';
		req.on('data', (chunk) => (body += chunk));
		req.on('end', () => {
			const arrival = { at: Date.now(), method: req.method!, url: req.url!, body };
			const reply = script(arrivals.length, arrival);
			arrivals.push({ ...arrival, status: reply.status });
			const json =
				reply.status === 429
					? {
							errors: [
								{
									code: '10011',
									title: 'Too many requests',
									detail: 'You have exceeded the maximum number of allowed requests.',
								},
							],
						}
					: {
							call_sid: new URLSearchParams(body).get('Label') ?? req.url!.split('/').pop(),
							muted: true,
						};
			res.writeHead(reply.status, { 'content-type': 'application/json', ...reply.headers });
			res.end(JSON.stringify(json));
		});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v2`;
});

afterEach(async () => await new Promise((resolve) => server.close(resolve)));

const API_KEY = 'KEYRATELIMITS';
const engineWith = (limits: Record<string, unknown> = {}): Engine => ({
	package: sourcePackage(),
	credentials: { telnyxTexmlApi: { apiKey: API_KEY, baseUrl, ...limits } },
});
const keyLimiter = () => limiterFor(API_KEY, baseUrl);

/** Mutes participants p0…p(count-1) of one conference, one item each. */
function muteAll(
	count: number,
	{ sending = {}, limits = {} }: { sending?: object; limits?: Record<string, unknown> } = {},
) {
	return runNode(
		engineWith(limits),
		{
			type: NODE_TYPE,
			continueOnFail: true,
			parameters: {
				resource: 'conferenceParticipant',
				operation: 'update',
				accountSid: 'AC1',
				conferenceSid: locator('CF1'),
				participant: locator('={{ $json.label }}'),
				updateFields: { muted: true },
				sending,
			} as never,
		},
		Array.from({ length: count }, (_, i) => ({ json: { label: `p${i}` } })),
	);
}

const labelOf = (a: Arrival) => a.url.split('/').pop();

describe('a limit Telnyx announced', () => {
	test('is kept when later answers come without rate-limit headers', async () => {
		script = (n) =>
			n === 0 ? LIMITED({ 'x-ratelimit-limit': '5', 'x-ratelimit-reset': '1' }) : OK;
		const { output } = await muteAll(3);

		expect(output.filter((o) => o.error)).toEqual([]);
		expect(arrivals.slice(1).every((a) => a.status === 200)).toBe(true);
		expect(keyLimiter().allowance).toBe(5);
	});
});

describe('a request answered 429', () => {
	test('goes ahead of the requests not sent yet', async () => {
		script = (n) => (n === 0 ? LIMITED_AT_20() : OK);
		const { output } = await muteAll(5, { limits: { maxConcurrent: 1 } });

		expect(output.filter((o) => o.error)).toEqual([]);
		expect(arrivals.map(labelOf)).toEqual(['p0', 'p0', 'p1', 'p2', 'p3', 'p4']);
		expect(arrivals.map((a) => a.status)).toEqual([429, 200, 200, 200, 200, 200]);
	});

	test('does not use up Max Attempts: four 429s in a row, Max Attempts 1, and the item succeeds', async () => {
		script = (n) => (n < 4 ? LIMITED_AT_20() : OK);
		const { output } = await muteAll(1, { sending: { maxAttempts: 1 } });

		expect(output[0].error).toBeUndefined();
		expect(output[0].json.muted).toBe(true);
		expect(arrivals.map((a) => a.status)).toEqual([429, 429, 429, 429, 200]);
	});

	test('waits at most Max Rate-Limit Wait in total, then fails saying how long it waited and why', async () => {
		script = () => LIMITED_AT_20({ 'retry-after-ms': '200' });
		const started = Date.now();
		const { output } = await muteAll(1, { limits: { maxRateLimitWait: 1 } });
		const elapsed = Date.now() - started;

		const error = output[0].error as unknown as { message: string; description: string };
		expect(error.message).toMatch(
			/^Could not update participant "p0" in conference "CF1": Telnyx is rate limiting this API key/,
		);
		expect(error.message).toMatch(
			/Waited \d+(\.\d)? s in total for Telnyx’s rate limit, the most the credential’s Max Rate-Limit Wait allows \(1 s\)\.$/,
		);
		expect(error.description).toContain('[Telnyx code 10011]');
		expect(error.description).toContain(`Sent ${arrivals.length} times: HTTP 429, HTTP 429`);
		// Sent again after the Retry-After of 200 ms, then (refused again) at the end of the window the
		// 429s name, until a second had passed since the first 429.
		expect(arrivals.length).toBeGreaterThanOrEqual(3);
		expect(arrivals[arrivals.length - 1].at - arrivals[0].at).toBeGreaterThanOrEqual(1000);
		expect(elapsed).toBeLessThan(5000);
	});
});

describe('a dial (create) answered 429', () => {
	test('is sent again: Telnyx did not process it', async () => {
		script = (n) => (n === 0 ? LIMITED({ 'x-ratelimit-limit': '1' }) : OK);
		const { output } = await runNode(engineWith(), {
			type: NODE_TYPE,
			continueOnFail: true,
			parameters: {
				resource: 'conferenceParticipant',
				operation: 'create',
				accountSid: 'AC1',
				conferenceSid: locator('CF1'),
				from: '+13125550100',
				to: '+13125550123',
				label: 'supervisor',
			} as never,
		});

		expect(output[0].error).toBeUndefined();
		expect(arrivals.map((a) => [a.method, a.status])).toEqual([
			['POST', 429],
			['POST', 200],
		]);
		expect(arrivals[1].body).toBe(arrivals[0].body);
	});

	test('after any other failure the dial rules stay: a 503 is not sent again', async () => {
		script = () => ({ status: 503 });
		const { output } = await runNode(engineWith(), {
			type: NODE_TYPE,
			continueOnFail: true,
			parameters: {
				resource: 'conferenceParticipant',
				operation: 'create',
				accountSid: 'AC1',
				conferenceSid: locator('CF1'),
				from: '+13125550100',
				to: '+13125550123',
			} as never,
		});

		expect(output[0].error).toBeDefined();
		expect(arrivals).toHaveLength(1);
	});
});

describe('the process’s own rate (several processes may share the key)', () => {
	test('a 429 lowers it below the rate it was sending at; clean answers raise it again', async () => {
		// Ten requests leave; Telnyx refuses the last five of them, naming its limit (as it does).
		script = (n) => (n >= 5 && n < 10 ? LIMITED_AT_20() : OK);
		await muteAll(10);
		const lowered = keyLimiter().rate!;
		expect(lowered).toBeGreaterThan(0);
		expect(lowered).toBeLessThan(10);

		// Without rate-limit headers, a clean stretch of two windows counts as a window closing: send
		// for about three seconds at the lowered rate.
		script = () => OK;
		await muteAll(Math.ceil(lowered) * 3 + 4);
		const raised = keyLimiter().rate;
		expect(raised === undefined || raised > lowered).toBe(true);
	});
});
