import { startWorld, updateParticipant, type World } from './support/fixtures';

/** Bad input gets a clear error naming the field, and no request leaves for that item. */
describe('Conference Participant → Update: checks before sending', () => {
	let world: World;
	beforeEach(async () => {
		world = await startWorld();
	});
	afterEach(() => world.close());

	/** The message alone says what is wrong and what to do (an AI model calling the tool sees only it). */
	async function expectRefused(updateFields: Record<string, unknown>, message: string) {
		const { error, output } = await updateParticipant(world, { updateFields });
		expect(world.sandbox.requests).toHaveLength(0);
		expect(output).toEqual([]);
		expect(error?.message).toBe(message);
		expect(error?.description).toBe('Nothing was sent to Telnyx for this item.');
	}

	it('Coaching on without a call SID to coach', () =>
		expectRefused(
			{ coaching: true },
			'"Call SID To Coach" is needed when "Coaching" is true. Add "Call SID To Coach" with the call SID of the participant to coach, or turn Coaching off.',
		));

	it('a method that is not GET or POST', () =>
		expectRefused(
			{ holdMethod: '={{ "PUT" }}' },
			'The "Hold Method" field must be one of GET, POST, but it is "PUT". Pick one of the listed values, or make the expression return one of them.',
		));

	it.each([
		['ftp://example.com/music.mp3'],
		['example.com/music.mp3'],
		['/hold.xml'],
		['https://'],
	])('a URL field that is not an absolute http(s) URL: %s', (url) =>
		expectRefused(
			{ holdUrl: url },
			`The "Hold URL" field must be an absolute http(s) URL, but it is "${url}". Enter a full address such as https://example.com/hold-music.xml.`,
		),
	);

	it.each([['yes'], ['1'], ['on']])('a boolean expression that yields %j', (value) =>
		expectRefused(
			{ muted: `={{ ${JSON.stringify(value)} }}` },
			`The "Muted" field must be true or false, but it is "${value}". Use a boolean, or the text "true" or "false".`,
		),
	);

	it('a boolean expression that yields a number', () =>
		expectRefused(
			{ endConferenceOnExit: '={{ 1 }}' },
			'The "End Conference On Exit" field must be true or false, but it is 1. Use a boolean, or the text "true" or "false".',
		),
	);

	it('accepts "true"/"false" text (webhooks, sheets) and any letter case of a method', async () => {
		const { error } = await updateParticipant(world, {
			updateFields: { muted: '={{ "TRUE" }}', hold: '={{ " false " }}', holdMethod: '={{ "get" }}' },
		});
		expect(error).toBeUndefined();
		expect(world.sandbox.requests[0].body).toBe('Hold=false&HoldMethod=GET&Muted=true');
	});

	it('refuses only the bad item; the others are sent (continue on fail)', async () => {
		const items = [{ json: { url: 'https://example.com/a.mp3' } }, { json: { url: 'not a url' } }];
		const { output, error } = await updateParticipant(
			world,
			{ updateFields: { holdUrl: '={{ $json.url }}' } },
			{ items, continueOnFail: true },
		);
		expect(error).toBeUndefined();
		expect(world.sandbox.requests).toHaveLength(1);
		expect(output[0].json.call_sid).toBe(world.alice.callSid);
		expect(output[1].json).toEqual({
			error:
				'The "Hold URL" field must be an absolute http(s) URL, but it is "not a url". Enter a full address such as https://example.com/hold-music.xml.',
		});
		expect(output.map((o) => o.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
	});
});
