import { encodePathSegment } from '../nodes/TelnyxTexml/routing/path';
import { startWorld, updateParticipant, type World } from './support/fixtures';

const EMPTY_PARTICIPANT =
	'The "Participant" field is empty. Enter the participant’s call SID or label, or map one from the input data; list the participants of the conference to find it.';

describe('path segments are encoded like the official Telnyx SDK', () => {
	it('keeps RFC 3986 segment characters (unreserved, sub-delims, ":" and "@") literal', () => {
		expect(encodePathSegment("v3:AZaz09-._~!$&'()*+,;=@")).toBe("v3:AZaz09-._~!$&'()*+,;=@");
	});

	it('encodes everything else, UTF-8 included', () => {
		expect(encodePathSegment('a b/c?d#e%f\\g')).toBe('a%20b%2Fc%3Fd%23e%25f%5Cg');
		expect(encodePathSegment('ü€')).toBe('%C3%BC%E2%82%AC');
	});

	describe('through the engine', () => {
		let world: World;
		beforeEach(async () => {
			world = await startWorld();
		});
		afterEach(() => world.close());

		const run = (participant: string, conference?: string) =>
			updateParticipant(world, {
				participant: { __rl: true, mode: 'id', value: participant },
				...(conference ? { conferenceSid: { __rl: true, mode: 'id', value: conference } } : {}),
				updateFields: { muted: true },
			});

		it('sends a v3 call SID with a literal colon', async () => {
			const { error } = await run(world.alice.callSid);
			expect(error).toBeUndefined();
			expect(world.sandbox.requests[0].url.endsWith(`/Participants/${world.alice.callSid}`)).toBe(
				true,
			);
			expect(world.alice.callSid).toContain(':');
		});

		it('keeps "a b/c?d#e" inside one segment: no extra path level, no query, no fragment', async () => {
			world.sandbox.store.addParticipant(world.conference, { label: 'a b/c?d#e' });
			const { output, error } = await run('a b/c?d#e');
			expect(error).toBeUndefined();
			expect(world.sandbox.requests[0].url).toBe(
				`/v2/texml/Accounts/${world.sandbox.account.sid}/Conferences/${world.conference.sid}/Participants/a%20b%2Fc%3Fd%23e`,
			);
			expect(output[0].json.muted).toBe(true);
		});

		it('trims white space around IDs pasted with a stray space or newline', async () => {
			await run(` ${world.alice.callSid}\n`);
			expect(world.sandbox.requests[0].url.endsWith(`/Participants/${world.alice.callSid}`)).toBe(
				true,
			);
		});

		it.each([
			['..', 'The "Participant" field cannot be "..". Enter the ID or label itself.'],
			['.', 'The "Participant" field cannot be ".". Enter the ID or label itself.'],
			['   ', EMPTY_PARTICIPANT],
			['={{ $json.callSid }}', EMPTY_PARTICIPANT],
		])('refuses the participant %j before anything is sent', async (value, message) => {
			const { error, output } = await run(value);
			expect(world.sandbox.requests).toHaveLength(0);
			expect(output).toEqual([]);
			expect(error?.message).toBe(message);
		});

		it('refuses a participant that resolves to an object', async () => {
			const { error } = await run('={{ { id: 1 } }}');
			expect(world.sandbox.requests).toHaveLength(0);
			expect(error?.message).toBe(
				'The "Participant" field must be text, but it is {"id":1}. Map a single ID or label, not an object or a list.',
			);
		});

		it('refuses a conference of ".." (it would climb to /Conferences)', async () => {
			const { error } = await run(world.alice.callSid, '..');
			expect(world.sandbox.requests).toHaveLength(0);
			expect(error?.message).toBe(
				'The "Conference" field cannot be "..". Enter the ID or label itself.',
			);
		});

		it('refuses an account SID that is a dot segment', async () => {
			const { error } = await updateParticipant(world, {
				accountSid: '.',
				updateFields: { muted: true },
			});
			expect(world.sandbox.requests).toHaveLength(0);
			expect(error?.message).toBe(
				'The "Account SID" field cannot be ".". Enter the ID or label itself.',
			);
		});
	});
});
