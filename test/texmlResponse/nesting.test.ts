/**
 * Nesting and order as Telnyx documents them: Gather holds only Say and Play, Dial one noun,
 * Start/Stop one of Recording, Stream, Transcription, Connect an AIAssistant; Reject must be the
 * first verb; nothing follows Hang Up, Redirect or Reject.
 */
import { build, one, refused, verbsOf } from './run';

const gatherWith = (prompt: object[]) => ({
	verb: 'gather',
	gatherAction: 'https://example.com/pin',
	gatherPrompts: { prompt },
});

describe('nesting', () => {
	test('Gather holds its Say and Play prompts, and nothing else', async () => {
		const gather = await one(
			gatherWith([
				{ verb: 'say', sayText: 'Welcome.' },
				{ verb: 'play', playUrl: 'https://example.com/beep.mp3' },
				{ verb: 'say', sayText: 'Enter your PIN.' },
			]),
		);
		expect(gather.children?.map((c) => c.name)).toEqual(['Say', 'Play', 'Say']);
		// The Prompt field offers Say and Play only; an expression naming another verb is refused.
		expect(await refused([gatherWith([{ verb: '={{ "pause" }}', sayText: 'x' }])])).toBe(
			'Verb 1 (Gather): prompt 1: the "Prompt" field must be one of play, say, but it is "pause". Pick one of the listed values, or make the expression return one of them.',
		);
		expect(
			await refused([
				gatherWith([
					{ verb: 'say', sayText: 'ok' },
					{ verb: 'play', playUrl: 'beep.mp3' },
				]),
			]),
		).toBe(
			'Verb 1 (Gather): prompt 2: the "Audio URL" field must be an absolute http(s) URL, but it is "beep.mp3". Enter a full address such as https://example.com/hold-music.xml.',
		);
	});

	test('a Gather without prompts is empty; other verbs keep their children to themselves', async () => {
		expect(await one(gatherWith([]))).toEqual({
			name: 'Gather',
			attributes: { action: 'https://example.com/pin', input: 'dtmf' },
		});
		const built = await build({
			verbs: [
				{ verb: 'dial', dialTo: 'queue', dialQueue: 'support', dialAction: 'https://e.com/a' },
				{ verb: 'connectAiAssistant', aiAssistantId: 'a-1' },
				{ verb: 'start', startWhat: 'transcription', transcriptionCallback: 'https://e.com/t' },
			],
		});
		expect(
			verbsOf(built.texml).map((verb) => [verb.name, verb.children?.map((c) => c.name)]),
		).toEqual([
			['Dial', ['Queue']],
			['Connect', ['AIAssistant']],
			['Start', ['Transcription']],
		]);
	});
});

describe('order', () => {
	test('Reject first is written; Reject anywhere else is refused', async () => {
		const built = await build({ verbs: [{ verb: 'reject', rejectReason: 'busy' }] });
		expect(verbsOf(built.texml)).toEqual([{ name: 'Reject', attributes: { reason: 'busy' } }]);

		expect(await refused([{ verb: 'say', sayText: 'Sorry' }, { verb: 'reject' }])).toBe(
			'Verb 2 (Reject): Reject must be the first verb, since Telnyx can refuse a call only before anything else happens on it. Move it to the top of the list, or use Hang Up.',
		);
	});

	test.each([
		['hangup', 'Hang Up', {}],
		['redirect', 'Redirect', { redirectUrl: 'https://example.com/menu.xml' }],
		['reject', 'Reject', {}],
	])('a verb after %s would never run, so it is refused', async (verb, name, fields) => {
		expect(
			await refused([
				{ verb, ...fields },
				{ verb: 'say', sayText: 'Bye' },
			]),
		).toBe(
			`Verb 2 (Say) comes after ${name} (verb 1) and would never run. Remove it, or move it before ${name}.`,
		);
	});
});
