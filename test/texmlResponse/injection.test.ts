/**
 * Caller-controlled text (From, CallerName, SpeechResult) mapped by expression into every kind of
 * place a verb writes it (Say text, a Gather prompt, a conference name, a participant label, a
 * queue name) comes back exactly and never changes the document's structure.
 */
import { build, verbsOf } from './run';

const NASTY = [
	'</Say><Hangup/>',
	'"/><Hangup/><Conference x="',
	"' participantLabel='boss",
	']]></Say><Hangup/><Say><![CDATA[',
	'&amp; &lt;Hangup/&gt; &#60;Hangup/&#62;',
	'<!-- --><Reject/><!-- -->',
	'<?xml version="1.0"?><Response><Redirect>https://evil.example.com</Redirect></Response>',
	'{{ $json.secret }} ${process.env.HOME}',
	'Zoë “quoted” 日本語 😀',
	'two\nlines\tand a tab',
];

const caller = (value: string) => ({
	From: value,
	CallerName: value,
	SpeechResult: value,
	secret: 'must not appear',
});

const verbs = [
	{ verb: 'say', sayText: '=Hello {{ $json.CallerName }}' },
	{
		verb: 'gather',
		gatherAction: 'https://example.com/next',
		gatherPrompts: { prompt: [{ verb: 'say', sayText: '={{ $json.SpeechResult }}' }] },
	},
	{
		verb: 'dial',
		dialTo: 'conference',
		conferenceName: '=room {{ $json.SpeechResult }}',
		dialAction: 'https://example.com/after',
		conferenceOptions: { participantLabel: '={{ $json.From }}' },
	},
	{ verb: 'enqueue', enqueueName: '={{ $json.From }}', enqueueAction: 'https://example.com/q' },
];

describe('caller text cannot change the TeXML', () => {
	test.each(NASTY)('%j stays text wherever it is mapped', async (value) => {
		const { texml, error, output } = await build({ verbs, items: [{ json: caller(value) }] });

		expect(error).toBeUndefined();
		expect(verbsOf(texml)).toEqual([
			{ name: 'Say', text: `Hello ${value}` },
			{
				name: 'Gather',
				attributes: { action: 'https://example.com/next', input: 'dtmf' },
				children: [{ name: 'Say', text: value }],
			},
			{
				name: 'Dial',
				attributes: { action: 'https://example.com/after' },
				children: [
					{
						name: 'Conference',
						attributes: { participantLabel: value },
						text: `room ${value}`,
					},
				],
			},
			{ name: 'Enqueue', attributes: { action: 'https://example.com/q' }, text: value },
		]);
		expect(texml).not.toContain('must not appear');
		expect(output[0].json.texml).toBe(texml);
	});

	test('a control character in caller text is refused, naming the verb and the field', async () => {
		const escapeKey = await build({ verbs, items: [{ json: caller('beep\u001b[0m') }] });
		expect(escapeKey.error?.message).toBe(
			'Verb 1 (Say): the "Text" field contains a control character TeXML cannot carry. Remove it.',
		);
		expect(escapeKey.responses).toEqual([]);

		const inLabel = await build({
			verbs: [verbs[2]],
			items: [{ json: caller('nul\u0000') }],
		});
		expect(inLabel.error?.message).toBe(
			'Verb 1 (Dial): the "Conference Name" field contains a control character TeXML cannot carry. Remove it.',
		);

		const inPrompt = await build({ verbs: [verbs[1]], items: [{ json: caller('\u0007') }] });
		expect(inPrompt.error?.message).toBe(
			'Verb 1 (Gather): prompt 1: the "Text" field contains a control character TeXML cannot carry. Remove it.',
		);
	});

	test('an object mapped where text belongs is refused, not written as [object Object]', async () => {
		const { error } = await build({
			verbs: [{ verb: 'say', sayText: '={{ $json.person }}' }],
			items: [{ json: { person: { name: '</Say>' } } }],
		});
		expect(error?.message).toBe(
			'Verb 1 (Say): the "Text" field must be text, but it is {"name":"</Say>"}. Map a single text value, not an object or a list.',
		);
	});
});
