import { startWorld, updateParticipant, type World } from '../support/fixtures';

/** POST /texml/Accounts/{account_sid}/Conferences/{conference_sid}/Participants/{call_sid_or_participant_label} */
describe('Conference Participant → Update: on the wire', () => {
	let world: World;
	beforeEach(async () => {
		world = await startWorld();
	});
	afterEach(() => world.close());

	const participantPath = (w: World, id: string) =>
		`/v2/texml/Accounts/${w.sandbox.account.sid}/Conferences/${w.conference.sid}/Participants/${id}`;

	it('POSTs a form body with PascalCase keys, bearer auth and the participant in the path', async () => {
		const { output, error } = await updateParticipant(world, { updateFields: { muted: true } });

		expect(error).toBeUndefined();
		expect(world.sandbox.requests).toHaveLength(1);
		const [request] = world.sandbox.requests;
		expect(request.method).toBe('POST');
		expect(request.url).toBe(participantPath(world, world.alice.callSid));
		expect(request.headers.authorization).toBe(`Bearer ${world.sandbox.account.apiKey}`);
		expect(request.headers['content-type']).toBe('application/x-www-form-urlencoded');
		expect(request.headers.accept).toBe('application/json');
		expect(request.body).toBe('Muted=true');
		expect(output).toHaveLength(1);
		expect(output[0].json).toMatchObject({
			call_sid: world.alice.callSid,
			muted: true,
			hold: false,
		});
	});

	it('sends every field of the spec in its wire form, in alphabetical order', async () => {
		await updateParticipant(world, {
			updateFields: {
				announceMethod: 'GET',
				announceUrl: 'https://example.com/announce.xml?lang=en&voice=a b',
				beepOnExit: true,
				callSidToCoach: world.bob.callSid,
				coaching: true,
				endConferenceOnExit: false,
				hold: true,
				holdMethod: 'POST',
				holdUrl: 'https://example.com/hold-music.xml',
				muted: false,
				waitUrl: 'http://example.com/wait.mp3',
			},
		});

		const sent = world.sandbox.requests[0].body;
		expect(sent).toBe(
			[
				'AnnounceMethod=GET',
				'AnnounceUrl=https%3A%2F%2Fexample.com%2Fannounce.xml%3Flang%3Den%26voice%3Da%20b',
				'BeepOnExit=true',
				`CallSidToCoach=${encodeURIComponent(world.bob.callSid)}`,
				'Coaching=true',
				'EndConferenceOnExit=false',
				'Hold=true',
				'HoldMethod=POST',
				'HoldUrl=https%3A%2F%2Fexample.com%2Fhold-music.xml',
				'Muted=false',
				'WaitUrl=http%3A%2F%2Fexample.com%2Fwait.mp3',
			].join('&'),
		);
		expect(world.sandbox.requests[0].status).toBe(200);
	});

	it('sends false as "false" rather than dropping it', async () => {
		world.alice.muted = true;
		world.alice.hold = true;
		await updateParticipant(world, { updateFields: { muted: false, hold: false } });
		expect(world.sandbox.requests[0].body).toBe('Hold=false&Muted=false');
		expect(world.alice).toMatchObject({ muted: false, hold: false });
	});

	it('sends only the fields the user added; an empty text field counts as not set', async () => {
		await updateParticipant(world, { updateFields: { holdUrl: '', waitUrl: '', hold: true } });
		await updateParticipant(world, { updateFields: {} });
		expect(world.sandbox.requests.map((r) => r.body)).toEqual(['Hold=true', '']);
		expect(world.sandbox.requests[1].headers['content-length']).toBe('0');
	});

	it('addresses a participant by label as well as by call SID', async () => {
		const { output } = await updateParticipant(world, {
			participant: { __rl: true, mode: 'id', value: 'coach' },
			updateFields: { muted: true },
		});
		expect(world.sandbox.requests[0].url).toBe(participantPath(world, 'coach'));
		expect(output[0].json.call_sid).toBe(world.carol.callSid);
		expect(world.carol.muted).toBe(true);
	});

	it('changes real state: hold with music, coaching, end on exit, announce', async () => {
		await updateParticipant(world, {
			updateFields: {
				hold: true,
				holdUrl: 'https://example.com/hold.mp3',
				coaching: true,
				callSidToCoach: world.bob.callSid,
				endConferenceOnExit: true,
				announceUrl: 'https://example.com/welcome.xml',
			},
		});
		expect(world.alice).toMatchObject({
			hold: true,
			holdUrl: 'https://example.com/hold.mp3',
			coaching: true,
			coachingCallSid: world.bob.callSid,
			endConferenceOnExit: true,
			announcements: [{ url: 'https://example.com/welcome.xml', method: 'POST' }],
		});
	});

	it('evaluates expressions per item and pairs each result with its input item', async () => {
		const items = [
			{ json: { who: world.alice.callSid, mute: 'true' } },
			{ json: { who: 'coach', mute: 'false' } },
			{ json: { who: world.bob.callSid, mute: true } },
		];
		const { output, error } = await updateParticipant(
			world,
			{
				participant: { __rl: true, mode: 'id', value: '={{ $json.who }}' },
				updateFields: { muted: '={{ $json.mute }}' },
			},
			{ items },
		);

		expect(error).toBeUndefined();
		expect(world.sandbox.requests.map((r) => [r.url.split('/').pop(), r.body]).sort()).toEqual(
			[
				[world.alice.callSid, 'Muted=true'],
				['coach', 'Muted=false'],
				[world.bob.callSid, 'Muted=true'],
			].sort(),
		);
		expect(output.map((o) => [o.json.call_sid, o.json.muted, o.pairedItem])).toEqual([
			[world.alice.callSid, true, { item: 0 }],
			[world.carol.callSid, false, { item: 1 }],
			[world.bob.callSid, true, { item: 2 }],
		]);
	});

	// coaching_call_sid and coaching_call_sid_legacy come only while the participant coaches.
	it('returns the participant exactly as Telnyx does (every ParticipantResource field)', async () => {
		const { output } = await updateParticipant(world, { updateFields: { muted: true } });
		expect(Object.keys(output[0].json).sort()).toEqual(
			[
				'account_sid',
				'api_version',
				'call_sid',
				'call_sid_legacy',
				'coaching',
				'conference_sid',
				'date_created',
				'date_updated',
				'end_conference_on_exit',
				'hold',
				'muted',
				'status',
				'uri',
			].sort(),
		);
	});
});

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
		));

	it('accepts "true"/"false" text (webhooks, sheets) and any letter case of a method', async () => {
		const { error } = await updateParticipant(world, {
			updateFields: {
				muted: '={{ "TRUE" }}',
				hold: '={{ " false " }}',
				holdMethod: '={{ "get" }}',
			},
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
