import { inspect } from 'node:util';

import { NodeApiError } from 'n8n-workflow';

import { sendingSummary } from '../nodes/TelnyxTexml/transport/errors';
import { REFUSING_ORIGIN, startWorld, updateParticipant, type World } from './support/fixtures';

/**
 * Every message stands alone — what failed, for which conference and participant, Telnyx's own
 * words, the next step — because an AI model calling the node as a tool gets the message only.
 * Telnyx's `errors[]` (title, field, code) are in the description; the key is never anywhere.
 */
describe('Telnyx errors', () => {
	let world: World;
	beforeEach(async () => {
		world = await startWorld();
	});
	afterEach(() => world.close());

	const withKey = (w: World, apiKey: string) => ({
		...w.engine,
		credentials: { telnyxTexmlApi: { apiKey, baseUrl: w.sandbox.baseUrl } },
	});

	const where = (w: World) =>
		`participant "${w.alice.callSid}" in conference "${w.conference.sid}"`;

	it('401: sent once, tells the user to check the API key, never shows the key', async () => {
		const badKey = 'KEY_WRONG_0123456789_secret';
		const { run, error } = await updateParticipant(
			world,
			{ updateFields: { muted: true } },
			{ engine: withKey(world, badKey) },
		);

		expect(world.sandbox.requests).toHaveLength(1);
		expect(world.sandbox.requests[0].status).toBe(401);
		expect(error).toMatchObject({
			name: 'NodeApiError',
			httpCode: '401',
			message: `Could not update ${where(world)}: Telnyx rejected the API key (Telnyx: The API key looks malformed or is not valid. Check that you copied it correctly). The API key in the Telnyx TeXML API credential must be corrected; trying again will not help.`,
		});
		expect(error?.description).toBe('Authentication failed [Telnyx code 10009]');
		expect(JSON.stringify(run)).not.toContain(badKey);
	});

	it('404 on a participant: names it and the conference, and says how to find the right one', async () => {
		const { error } = await updateParticipant(world, {
			participant: { __rl: true, mode: 'id', value: 'nobody' },
			updateFields: { muted: true },
		});
		expect(error).toMatchObject({
			httpCode: '404',
			message: `Participant "nobody" was not found in conference "${world.conference.sid}" (Telnyx: Resource not found). List the participants of the conference to find the right call SID or label; the participant may have left already.`,
		});
		expect(error?.description).toBe(
			'Telnyx also answers 404 when the account SID is not the one that owns the API key (leave Account SID empty to use the key’s own).',
		);
	});

	it('404 for an account SID that is not the key’s own', async () => {
		const { error } = await updateParticipant(world, {
			accountSid: '00000000-0000-0000-0000-000000000000',
			updateFields: { muted: true },
		});
		expect(world.sandbox.requests[0].status).toBe(404);
		expect(error).toMatchObject({
			httpCode: '404',
			message: expect.stringMatching(/^Participant "v3:.+" was not found in conference/),
		});
		expect(error?.description).toContain('the account SID is not the one that owns the API key');
	});

	it('422: Telnyx’s detail is in the message; title, field and code are in the description', async () => {
		const { error } = await updateParticipant(world, {
			updateFields: { coaching: true, callSidToCoach: 'v3:not-in-this-conference' },
		});
		expect(error).toMatchObject({
			httpCode: '422',
			message: `Could not update ${where(world)}: Telnyx refused the request (Telnyx: CallSidToCoach is not a participant of this conference). Nothing was changed; sending the same request again will fail the same way.`,
		});
		expect(error?.description).toContain(
			'Invalid parameter (field: CallSidToCoach) [Telnyx code 10015]',
		);
	});

	it('continue on fail: an error item for the failing item, results for the rest, in order', async () => {
		const items = [
			{ json: { who: world.alice.callSid } },
			{ json: { who: 'gone' } },
			{ json: { who: 'coach' } },
		];
		const { output, error, run } = await updateParticipant(
			world,
			{
				participant: { __rl: true, mode: 'id', value: '={{ $json.who }}' },
				updateFields: { hold: true },
			},
			{ items, continueOnFail: true },
		);

		expect(error).toBeUndefined();
		expect(run.status).toBe('success');
		expect(output).toHaveLength(3);
		expect(output[0].json.call_sid).toBe(world.alice.callSid);
		expect(output[1].json).toEqual({
			error: `Participant "gone" was not found in conference "${world.conference.sid}" (Telnyx: Resource not found). List the participants of the conference to find the right call SID or label; the participant may have left already.`,
		});
		expect(output[1].error).toBeInstanceOf(NodeApiError);
		expect((output[1].error as NodeApiError).httpCode).toBe('404');
		expect(output[2].json.call_sid).toBe(world.carol.callSid);
		expect(output.map((o) => o.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
	});

	it('a Telnyx that cannot be reached: the key is not in the error either', async () => {
		const secret = world.sandbox.account.apiKey;
		const { error, run } = await updateParticipant(
			world,
			{ updateFields: { muted: true } },
			{
				engine: {
					...world.engine,
					credentials: { telnyxTexmlApi: { apiKey: secret, baseUrl: `${REFUSING_ORIGIN}/v2` } },
				},
			},
		);
		expect(error?.message).toBe(
			`Could not update ${where(world)}: Telnyx could not be reached, the connection was refused. Check the Base URL of the credential, or try again later.`,
		);
		expect(error?.description).toBe(
			'Network error ECONNREFUSED\n' +
				'Sent 3 times: connection refused (ECONNREFUSED), connection refused (ECONNREFUSED), connection refused (ECONNREFUSED).',
		);
		expect(JSON.stringify(run)).not.toContain(secret);

		const { output } = await updateParticipant(
			world,
			{ updateFields: { muted: true } },
			{
				continueOnFail: true,
				engine: {
					...world.engine,
					credentials: { telnyxTexmlApi: { apiKey: secret, baseUrl: `${REFUSING_ORIGIN}/v2` } },
				},
			},
		);
		// The item's error object keeps no request configuration (that held the Authorization header).
		expect(inspect(output[0].error, { depth: 10 })).not.toContain(secret);
	});
});

describe('the summary of a long rate-limit wait', () => {
	test('names repeats once: "HTTP 429 ×297", while a short list stays as it was', () => {
		const long = ['HTTP 503', ...Array<string>(297).fill('HTTP 429'), 'HTTP 503', 'HTTP 429'];
		expect(sendingSummary(long, false)).toBe(
			'Sent 300 times: HTTP 503, HTTP 429 ×297, HTTP 503, HTTP 429.',
		);
		expect(sendingSummary(Array<string>(4).fill('HTTP 429'), false)).toBe(
			'Sent 4 times: HTTP 429, HTTP 429, HTTP 429, HTTP 429.',
		);
	});
});
