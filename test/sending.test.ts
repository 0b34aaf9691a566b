import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';

import type { INodeProperties } from 'n8n-workflow';

import { setLimiterClock } from '../nodes/TelnyxTexml/transport/limiter';
import { startSandbox, VirtualClock, type RecordedRequest } from '../sandbox';
import type { Engine } from './support/engine';
import { NODE_TYPE, startWorld, updateParticipant, type World } from './support/fixtures';
import { crowd, muteAll } from './support/crowd';
import { locator, runTexml } from './support/texml';

/** Rate limits, safe retries and what each item ends as, against a sandbox that misbehaves on purpose. */

let world: World;

beforeEach(async () => {
	world = await startWorld();
});

afterEach(async () => {
	await world.close();
});

describe('a passing failure is sent again', () => {
	it('a 503 on the first attempt: the same request again, and the item succeeds', async () => {
		world.sandbox.faults.configure({ failFirst: true });
		const { output, error } = await updateParticipant(world, { updateFields: { muted: true } });

		expect(error).toBeUndefined();
		expect(output[0].json).toMatchObject({ call_sid: world.alice.callSid, muted: true });
		const [first, second] = world.sandbox.requests;
		expect(world.sandbox.requests.map((r) => r.status)).toEqual([503, 200]);
		expect([second.method, second.url, second.body]).toEqual([first.method, first.url, first.body]);
		expect(second.headers.authorization).toBe(`Bearer ${world.sandbox.account.apiKey}`);
	});

	it('a connection reset on the first attempt: sent again, and the item succeeds', async () => {
		world.sandbox.faults.configure({ resetFirst: true });
		const { output, error } = await updateParticipant(world, { updateFields: { hold: true } });

		expect(error).toBeUndefined();
		expect(output[0].json).toMatchObject({ hold: true });
		expect(world.sandbox.requests.map((r) => r.fault ?? r.status)).toEqual(['reset', 200]);
		expect(world.alice.hold).toBe(true);
	});
});

describe('the Sending option', () => {
	it('offers Max Attempts (3), Max Concurrent Requests (10) and Max Requests per Second (0: follow Telnyx)', () => {
		const sending = world.engine.package.nodes[NODE_TYPE].description.properties.find(
			(p) => p.name === 'sending',
		)!;
		expect(sending).toMatchObject({ displayName: 'Sending', type: 'collection', default: {} });
		expect(
			(sending.options as INodeProperties[]).map((o) => [o.displayName, o.name, o.default]),
		).toEqual([
			['Max Attempts', 'maxAttempts', 3],
			['Max Concurrent Requests', 'maxConcurrent', 10],
			['Max Requests per Second', 'maxPerSecond', 0],
		]);
	});

	it('Max Concurrent Requests 1: each request leaves only after the previous answer', async () => {
		world.sandbox.faults.configure({ latencyMs: 40 });
		const { conference, items } = crowd(world, 5);
		const { output } = await muteAll(world, conference, items, { maxConcurrent: 1 });

		expect(output.filter((o) => o.error)).toEqual([]);
		// The sandbox holds each answer 40 ms: without the limit the five would overlap.
		expect(world.sandbox.requests.map((r) => r.concurrent)).toEqual([1, 1, 1, 1, 1]);
	});
});

describe('lists', () => {
	it('every page of a list is retried on its own: no page lost or read twice', async () => {
		await world.close();
		world = await startWorld({ pageSize: 2, faults: { failFirst: true } });
		const { output, error } = await runTexml(world, {
			resource: 'conferenceParticipant',
			operation: 'getAll',
			returnAll: true,
		});

		expect(error).toBeUndefined();
		expect(output.map((o) => o.json.call_sid)).toEqual(
			world.conference.participants.map((p) => p.callSid),
		);
		expect(
			world.sandbox.requests.filter((r) => r.url.includes('/Participants')).map((r) => r.status),
		).toEqual([503, 200, 503, 200]);
	});
});

describe('what Telnyx refuses is never sent again', () => {
	beforeEach(() => world.sandbox.faults.configure({}));

	it.each([
		[401, 'a wrong API key', { engine: 'bad key' }],
		[404, 'an unknown participant', { participant: 'nobody' }],
		[422, 'a refused value', { coach: 'v3:not-in-this-conference' }],
	])(
		'%i (%s): one request, one error item',
		async (status, _what, change: Record<string, string>) => {
			const engine: Engine =
				change.engine === undefined
					? world.engine
					: {
							...world.engine,
							credentials: {
								telnyxTexmlApi: { apiKey: 'KEYWRONG', baseUrl: world.sandbox.baseUrl },
							},
						};
			const { output } = await updateParticipant(
				world,
				{
					...(change.participant && {
						participant: { __rl: true, mode: 'id', value: change.participant },
					}),
					updateFields: change.coach
						? { coaching: true, callSidToCoach: change.coach }
						: { muted: true },
					sending: { maxAttempts: 5 },
				},
				{ engine, continueOnFail: true },
			);
			expect(world.sandbox.requests.map((r) => r.status)).toEqual([status]);
			expect(output).toHaveLength(1);
			expect((output[0].error as unknown as { httpCode: string }).httpCode).toBe(String(status));
		},
	);
});

describe('dial (create) is never sent twice', () => {
	const dial = (labels: string[], engine?: Engine, where: Record<string, unknown> = {}) =>
		runTexml(
			world,
			{
				resource: 'conferenceParticipant',
				operation: 'create',
				from: '+13125550100',
				to: '={{ $json.to }}',
				label: '={{ $json.label }}',
				...where,
			},
			{
				items: labels.map((label, i) => ({ json: { label, to: `+1312555${String(1000 + i)}` } })),
				continueOnFail: true,
				engine,
			},
		);
	const labelOf = (r: RecordedRequest) => new URLSearchParams(r.body).get('Label');

	it('under random faults: one request per item; a lost answer is an error item, not a second call', async () => {
		const { sandbox, conference } = world;
		sandbox.faults.configure({ faultRatio: 0.3, seed: 11 });
		const labels = Array.from({ length: 60 }, (_, i) => `guest-${i}`);
		const { output } = await dial(labels);

		expect(output).toHaveLength(60);
		const dials = sandbox.requests.filter((r) => r.method === 'POST');
		expect(dials.map(labelOf).sort()).toEqual([...labels].sort());
		labels.forEach((label, i) => {
			const [request] = dials.filter((r) => labelOf(r) === label);
			const joined = conference.participants.filter((p) => p.label === label);
			if (!request.fault) {
				expect(output[i].json.call_sid).toBe(joined[0].callSid);
			} else {
				expect(output[i].error).toBeDefined();
				// Only a request that was processed and then lost its answer left a participant.
				expect(joined).toHaveLength(request.fault === 'lost' ? 1 : 0);
			}
		});
		const lostOne = labels.findIndex((label) =>
			dials.some((r) => r.fault === 'lost' && labelOf(r) === label),
		);
		expect(lostOne).toBeGreaterThanOrEqual(0);
		expect(output[lostOne].error!.message).toMatch(
			/^Could not dial a new participant into conference ".+": Telnyx could not be reached, the connection was cut\. The dial may have reached Telnyx: list the participants of the conference to check before dialing again\.$/,
		);
		expect((output[lostOne].error as unknown as { description: string }).description).toContain(
			'Not sent again: the dial may have reached Telnyx.',
		);
	});

	it('is sent again when the connection was refused (the request cannot have reached Telnyx)', async () => {
		// A port nobody listens on yet; the sandbox opens it while the first attempt backs off (on a
		// virtual clock held still until then).
		const port = await new Promise<number>((resolve) => {
			const probe = createServer().listen(0, '127.0.0.1', () => {
				const { port: free } = probe.address() as AddressInfo;
				probe.close(() => resolve(free));
			});
		});
		const account = { sid: world.sandbox.account.sid, apiKey: 'KEYREFUSEDFIRST' };
		const conferenceSid = '0f3a5b1c-1111-4222-8333-944445555666';
		const engine: Engine = {
			...world.engine,
			credentials: {
				telnyxTexmlApi: { apiKey: account.apiKey, baseUrl: `http://127.0.0.1:${port}/v2` },
			},
		};
		const clock = new VirtualClock(undefined, false);
		const realClock = setLimiterClock(clock);
		const run = dial(['late'], engine, { conferenceSid: locator(conferenceSid) });
		// The first attempt was refused: the retry waits (the run ends early only if it went wrong).
		await Promise.race([clock.untilSleeping(), run]);
		const late = await startSandbox({ port, account });
		late.store.addConference(account.sid, { sid: conferenceSid });
		clock.start();
		try {
			const { output } = await run;
			expect(output[0].error).toBeUndefined();
			expect(late.requests).toHaveLength(1);
			expect(
				late.store.conference(account.sid, conferenceSid)!.participants.map((p) => p.label),
			).toEqual(['late']);
		} finally {
			setLimiterClock(realClock);
			await late.close();
		}
	});
});
