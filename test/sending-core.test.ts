import type { ILoadOptionsFunctions, INode, INodeListSearchResult } from 'n8n-workflow';

import { Limiter, limiterFor, setLimiterClock } from '../nodes/TelnyxTexml/transport/limiter';
import { SENDING_DEFAULTS } from '../nodes/shared/constants';
import { sendingOptions, sendingSettings } from '../nodes/TelnyxTexml/transport/sending';
import { sendThrough } from '../nodes/TelnyxTexml/transport/core';
import { VirtualClock, type Clock } from '../sandbox';
import { loadOptionsContext } from './support/engine';
import { NODE_TYPE, startWorld, updateParticipant, type World } from './support/fixtures';
import { locator, texmlRequests, whoamiCalls } from './support/texml';

/**
 * Operations, list pages, pickers and the Account SID look-up all go through one sending core: the
 * API key's limiter, the retry policy and Telnyx's error mapper. The sandbox's rate window and the
 * key's limiter run on one virtual clock: waits cost no time, and what is asserted about them holds
 * however busy the machine is.
 */
let world: World;
let clock: VirtualClock;
let realClock: Clock;

beforeEach(async () => {
	clock = new VirtualClock();
	realClock = setLimiterClock(clock);
	world = await startWorld({ clock });
});
afterEach(async () => {
	setLimiterClock(realClock);
	await world.close();
});

const keyLimiter = () => limiterFor(world.sandbox.account.apiKey, world.sandbox.baseUrl);

/** Uses up the sandbox's current one-second window, as another client of the key would. */
async function spendWindow() {
	world.sandbox.faults.configure({ rateLimit: 1 });
	await fetch(`${world.sandbox.baseUrl}/whoami`, {
		headers: { authorization: `Bearer ${world.sandbox.account.apiKey}` },
	});
	world.sandbox.requests.length = 0;
}

/** Credential reads of the last picker run (reading a credential decrypts it). */
let credentialReads = 0;

async function searchParticipants(accountSid = ''): Promise<INodeListSearchResult> {
	const parameters = { accountSid, conferenceSid: locator(world.conference.sid, 'list') };
	const context = loadOptionsContext(world.engine, {
		type: NODE_TYPE,
		parameters: parameters as never,
	});
	const getCredentials = context.getCredentials.bind(context);
	credentialReads = 0;
	context.getCredentials = (async (...args: Parameters<typeof getCredentials>) => {
		credentialReads++;
		return await getCredentials(...args);
	}) as typeof context.getCredentials;
	const method = world.engine.package.nodes[NODE_TYPE].methods!.listSearch!.searchParticipants as (
		this: ILoadOptionsFunctions,
		filter?: string,
	) => Promise<INodeListSearchResult>;
	return await method.call(context);
}

describe('the answer of each operation request reaches the core', () => {
	// The one dependency on how the engine runs an operation (see transport/answers.ts): if RoutingNode
	// stopped handing responses to the first postReceive, the limiter would learn nothing here.
	test('rate-limit headers of a 200 teach the key’s limiter', async () => {
		world.sandbox.faults.configure({ rateLimit: 7 });
		const { error } = await updateParticipant(world, { updateFields: { muted: true } });

		expect(error).toBeUndefined();
		expect(world.sandbox.requests[0].status).toBe(200);
		expect(keyLimiter().allowance).toBe(7);
	});
});

describe('the participant picker', () => {
	test('under a 503: the page is read again and the picker answers', async () => {
		world.sandbox.faults.configure({ failFirst: true });
		const { results } = await searchParticipants(world.sandbox.account.sid);

		expect(results.map((r) => r.value)).toEqual(
			world.conference.participants.map((p) => p.callSid),
		);
		expect(texmlRequests(world).map((r) => r.status)).toEqual([503, 200]);
	});

	test('the node reads the credential once per request', async () => {
		const { results } = await searchParticipants(world.sandbox.account.sid);

		expect(results).toHaveLength(world.conference.participants.length);
		expect(texmlRequests(world)).toHaveLength(1);
		// One read by the node for the key's limiter and Base URL (two before); n8n's
		// httpRequestWithAuthentication reads it three more times on its own.
		expect(credentialReads).toBe(4);
	});

	test('under a 429: sent again after Telnyx’s Retry-After, and the picker answers', async () => {
		await spendWindow();
		const { results } = await searchParticipants(world.sandbox.account.sid);

		expect(results.map((r) => r.value)).toEqual(
			world.conference.participants.map((p) => p.callSid),
		);
		const [limited, answered] = texmlRequests(world);
		expect([limited.status, answered.status]).toEqual([429, 200]);
		expect(answered.receivedAt! - limited.receivedAt!).toBeGreaterThanOrEqual(1000);
	});

	test('a 401 is not sent again and is the clear error', async () => {
		world.engine.credentials.telnyxTexmlApi.apiKey = 'KEY-WRONG';
		await expect(searchParticipants(world.sandbox.account.sid)).rejects.toThrow(
			'Telnyx rejected the API key',
		);
		expect(world.sandbox.requests).toHaveLength(1);
	});
});

describe('the Account SID look-up', () => {
	test('a 503 is retried, and the execution goes on', async () => {
		world.sandbox.faults.configure({ failFirst: true });
		const { output, error } = await updateParticipant(world, {
			accountSid: '',
			updateFields: { muted: true },
		});

		expect(error).toBeUndefined();
		expect(output[0].json.muted).toBe(true);
		expect(
			world.sandbox.requests.filter((r) => r.url === '/v2/whoami').map((r) => r.status),
		).toEqual([503, 200]);
	});

	test('a 429 holds back the key’s limiter: the look-up and the update wait for Telnyx', async () => {
		await spendWindow();
		const { output, error } = await updateParticipant(world, {
			accountSid: '',
			updateFields: { muted: true },
		});

		expect(error).toBeUndefined();
		expect(output[0].json.muted).toBe(true);
		const [limited, lookUp, update] = world.sandbox.requests;
		expect([limited.url, limited.status, lookUp.url, lookUp.status]).toEqual([
			'/v2/whoami',
			429,
			'/v2/whoami',
			200,
		]);
		expect(lookUp.receivedAt! - limited.receivedAt!).toBeGreaterThanOrEqual(1000);
		expect(update.status).toBe(200);
		expect(whoamiCalls(world)).toBe(2);
	});
});

describe('a 429 whose answer was not recorded', () => {
	// The answer can go missing (e.g. a slot taken by another request of the same item): the
	// status on the error alone must still hold the request back, or it is re-sent in a tight loop.
	test('pauses the key: sent twice in 1 s, not in a tight loop, then the wait bound ends it', async () => {
		const limiter = new Limiter(clock);
		const settings = { ...sendingSettings({}), maxRateLimitWaitMs: 300 };
		const sentAt: number[] = [];
		const node = { name: 'Telnyx TeXML', type: NODE_TYPE } as INode;
		const error: Error = await sendThrough<never>(
			{ limiter, settings },
			{ node, repeatable: true },
			async () => {
				sentAt.push(clock.now());
				return { error: Object.assign(new Error('Too Many Requests'), { httpCode: '429' }) };
			},
		).catch((e: unknown) => e as Error);

		expect(sentAt).toHaveLength(2);
		expect(sentAt[1] - sentAt[0]).toBeGreaterThanOrEqual(1000);
		expect(error.message).toContain('Waited ');
		expect(limiter.rate).toBeDefined(); // the 429 slowed the process down
	});
});

describe('the limits’ defaults', () => {
	test('the node’s Sending fields say the same as SENDING_DEFAULTS, which the credential uses', () => {
		const fields = sendingOptions.options as Array<{ name: string; default: unknown }>;
		for (const { name, default: value } of fields)
			expect([name, value]).toEqual([
				name,
				SENDING_DEFAULTS[name as keyof typeof SENDING_DEFAULTS],
			]);
	});
});
