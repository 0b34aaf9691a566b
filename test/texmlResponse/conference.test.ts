/**
 * One writer for `<Dial><Conference>`: Call → Create's Join Conference and the response node's
 * Dial to a conference write the same bytes for the same name and Conference Options, refuse the
 * same values with the same words, and Call → Create writes what it wrote before the writer moved.
 */
import { conferenceTexml } from '../../nodes/TelnyxTexml/fields/texml';
import { runCall } from '../support/calls';
import { startWorld, type World } from '../support/fixtures';
import { texmlRequests } from '../support/texml';
import { build } from './run';

/** Call → Create's writer as it was before it moved to nodes/shared/texml, kept as the oracle. */
function before(name: string, attributes: Array<[string, string]>): string {
	const escape = (text: string) =>
		text
			.replace(/&/g, '&amp;')
			.replace(/</g, '&lt;')
			.replace(/>/g, '&gt;')
			.replace(/"/g, '&quot;')
			.replace(/'/g, '&apos;');
	const attrs = attributes.map(([key, value]) => ` ${key}="${escape(value)}"`).join('');
	return `<Response><Dial><Conference${attrs}>${escape(name)}</Conference></Dial></Response>`;
}

const OPTIONS = {
	beep: 'onExit',
	endConferenceOnExit: true,
	maxParticipants: 25,
	muted: true,
	participantLabel: `O'Brien & "Sons" <host>`,
	record: 'record-from-start',
	recordBeep: false,
	recordingStatusCallback: 'https://n8n.example.com/webhook/telnyx?x=1&y=2',
	recordingStatusCallbackEvent: ['in-progress', 'completed'],
	recordingStatusCallbackMethod: 'GET',
	recordingTimeout: 600,
	sendRecordingUrl: false,
	startConferenceOnEnter: false,
	statusCallback: 'https://n8n.example.com/webhook/telnyx',
	statusCallbackEvent: ['join', 'leave'],
	statusCallbackMethod: 'GET',
	trim: 'trim-silence',
	waitMethod: 'GET',
	waitUrl: 'https://example.com/wait.mp3',
};

let world: World;
beforeEach(async () => {
	world = await startWorld();
});
afterEach(async () => await world.close());

const conferenceOf = (texml: string) => /<Conference[ >].*<\/Conference>/.exec(texml)?.[0];

describe('one <Conference> writer for Call → Create and the response node', () => {
	test('Call → Create writes the same bytes as before the writer moved', () => {
		const names = ['weekly-sync', `a & b <c> "d" 'e'`, ']]>', 'Zoë 日本語'];
		const attributes: Array<Array<[string, string]>> = [
			[],
			[['participantLabel', `</Conference><Hangup/>`]],
			[
				['muted', 'true'],
				['statusCallbackEvent', 'join leave'],
				['waitUrl', 'https://example.com/wait.mp3?a=1&b=2'],
			],
		];
		for (const name of names)
			for (const attrs of attributes)
				expect(conferenceTexml(name, attrs)).toBe(before(name, attrs));
		// The one change: tabs and line breaks in an attribute are kept as character references
		// instead of being turned into spaces by whoever reads the TeXML.
		expect(conferenceTexml('x', [['participantLabel', 'a\nb']])).toBe(
			'<Response><Dial><Conference participantLabel="a&#10;b">x</Conference></Dial></Response>',
		);
	});

	test('the same name and Conference Options give the same <Conference> bytes in both nodes', async () => {
		const placed = await runCall(world, 'create', {
			from: '+13125550100',
			to: '+13125550123',
			conferenceName: 'weekly-sync',
			conferenceOptions: OPTIONS,
		});
		expect(placed.error).toBeUndefined();
		const sent = JSON.parse(texmlRequests(world)[0].body).Texml as string;

		const built = await build({
			verbs: [
				{
					verb: 'dial',
					dialTo: 'conference',
					conferenceName: 'weekly-sync',
					conferenceOptions: OPTIONS,
					dialAction: 'https://example.com/after',
				},
			],
		});
		expect(built.error).toBeUndefined();
		expect(conferenceOf(built.texml!)).toBe(conferenceOf(sent));
		expect(conferenceOf(sent)).toContain(
			'participantLabel="O&apos;Brien &amp; &quot;Sons&quot; &lt;host&gt;"',
		);
	});

	test.each([
		[
			{ maxParticipants: 251 },
			'the "Max Participants" field must be a whole number from 2 to 250, but it is 251. Enter a whole number from 2 to 250.',
		],
		[
			{ statusCallback: 'n8n.example.com/hook' },
			'the "Status Callback" field must be an absolute http(s) URL, but it is "n8n.example.com/hook". Enter a full address such as https://example.com/hold-music.xml.',
		],
		[
			{ statusCallbackEvent: '={{ "join hangup" }}' },
			'the "Status Callback Events" field may only contain end, join, leave, speaker, start, but it is "join hangup". Pick from the listed values, or make the expression return a list of them.',
		],
		[
			{ participantLabel: '={{ "a\\u0000b" }}' },
			'the "Participant Label" field contains a control character TeXML cannot carry. Remove it.',
		],
	])('both refuse %j in the same words', async (conferenceOptions, words) => {
		const placed = await runCall(world, 'create', {
			from: '+13125550100',
			to: '+13125550123',
			conferenceName: 'weekly-sync',
			conferenceOptions,
		});
		expect(placed.error?.message).toBe(`T${words.slice(1)}`);
		expect(texmlRequests(world)).toEqual([]);

		const built = await build({
			verbs: [
				{
					verb: 'dial',
					dialTo: 'conference',
					conferenceName: 'weekly-sync',
					conferenceOptions,
					dialAction: 'https://example.com/after',
				},
			],
		});
		expect(built.error?.message).toBe(`Verb 1 (Dial): ${words}`);
	});
});
