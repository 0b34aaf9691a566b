/**
 * Every value is checked before anything is answered: ranges, URLs (http(s), wss for a stream),
 * listed values, required fields, patterns. Errors name the verb's position, the verb and the
 * field; a refused item answers nothing.
 */
import { build, refused, verbsOf } from './run';

const say = { verb: 'say', sayText: 'Hello' };
const gather = (gatherOptions: object) => ({
	verb: 'gather',
	gatherAction: 'https://example.com/pin',
	gatherOptions,
});
const dial = (more: object) => ({
	verb: 'dial',
	dialTo: 'conference',
	conferenceName: 'weekly-sync',
	dialAction: 'https://example.com/after',
	...more,
});

describe('ranges', () => {
	test.each([
		[
			{ verb: 'pause', pauseLength: 0 },
			'Verb 2 (Pause): the "Length" field must be a whole number from 1 to 180, but it is 0. Enter a whole number from 1 to 180.',
		],
		[
			{ verb: 'pause', pauseLength: 181 },
			'Verb 2 (Pause): the "Length" field must be a whole number from 1 to 180, but it is 181.',
		],
		[
			{ verb: 'pause', pauseLength: 1.5 },
			'Verb 2 (Pause): the "Length" field must be a whole number from 1 to 180, but it is 1.5.',
		],
		[
			gather({ timeout: 121 }),
			'Verb 2 (Gather): the "Timeout" field must be a whole number from 1 to 120, but it is 121.',
		],
		[
			gather({ timeout: 0 }),
			'Verb 2 (Gather): the "Timeout" field must be a whole number from 1 to 120, but it is 0.',
		],
		[
			gather({ minDigits: 0 }),
			'Verb 2 (Gather): the "Min Digits" field must be a whole number from 1 to 128',
		],
		[
			gather({ maxDigits: 129 }),
			'Verb 2 (Gather): the "Max Digits" field must be a whole number from 1 to 128',
		],
		[
			gather({ numDigits: 0 }),
			'Verb 2 (Gather): the "Number of Digits" field must be a whole number of at least 1, but it is 0. Enter a whole number of at least 1.',
		],
		[
			{ verb: 'say', sayText: 'x', sayOptions: { loop: 11 } },
			'Verb 2 (Say): the "Loop" field must be a whole number from 0 to 10',
		],
		[
			dial({ dialOptions: { timeout: 4 } }),
			'Verb 2 (Dial): the "Timeout" field must be a whole number from 5 to 120, but it is 4.',
		],
		[
			dial({ dialOptions: { timeLimit: 59 } }),
			'Verb 2 (Dial): the "Time Limit" field must be a whole number from 60 to 14400',
		],
		[
			dial({ dialOptions: { recordMaxLength: 14401 } }),
			'Verb 2 (Dial): the "Record Max Length" field must be a whole number from 0 to 14400',
		],
		[
			dial({ conferenceOptions: { maxParticipants: 251 } }),
			'Verb 2 (Dial): the "Max Participants" field must be a whole number from 2 to 250, but it is 251.',
		],
		[
			{ verb: 'record', recordAction: 'https://example.com/r', recordOptions: { maxLength: -1 } },
			'Verb 2 (Record): the "Max Length" field must be a whole number from 0 to 14400',
		],
	])('%j', async (verb, message) => {
		expect(await refused([say, verb])).toContain(message);
	});

	test('a number mapped as text is read as the number; other text is refused', async () => {
		const built = await build({
			verbs: [gather({ timeout: '={{ $json.seconds }}' })],
			items: [{ json: { seconds: '15' } }],
		});
		expect(verbsOf(built.texml)[0].attributes?.timeout).toBe('15');
		expect(await refused([gather({ timeout: '=ten' })])).toBe(
			'Verb 1 (Gather): the "Timeout" field must be a whole number from 1 to 120, but it is "ten". Enter a whole number from 1 to 120.',
		);
	});
});

describe('URLs are checked before anything is answered', () => {
	test.each([
		[
			{ verb: 'play', playUrl: 'ftp://example.com/a.mp3' },
			'Verb 1 (Play): the "Audio URL" field must be an absolute http(s) URL, but it is "ftp://example.com/a.mp3". Enter a full address such as https://example.com/hold-music.xml.',
		],
		[
			{ verb: 'play', playUrl: 'welcome.mp3' },
			'Verb 1 (Play): the "Audio URL" field must be an absolute http(s) URL',
		],
		[
			{ verb: 'redirect', redirectUrl: 'example.com/menu.xml' },
			'Verb 1 (Redirect): the "URL" field must be an absolute http(s) URL',
		],
		[
			gather({}) && { ...gather({}), gatherAction: 'javascript:alert(1)' },
			'Verb 1 (Gather): the "Action URL" field must be an absolute http(s) URL',
		],
		[
			gather({ partialResultCallback: '/relative' }),
			'Verb 1 (Gather): the "Partial Result Callback" field must be an absolute http(s) URL',
		],
		[
			gather({ invalidDigitsAction: 'nope' }),
			'Verb 1 (Gather): the "Invalid Digits Action" field must be an absolute http(s) URL',
		],
		[
			dial({ conferenceOptions: { statusCallback: 'n8n.example.com/hook' } }),
			'Verb 1 (Dial): the "Status Callback" field must be an absolute http(s) URL',
		],
		[
			dial({ conferenceOptions: { waitUrl: 'wait.mp3' } }),
			'Verb 1 (Dial): the "Wait URL" field must be an absolute http(s) URL',
		],
		[
			dial({ dialAction: 'after' }),
			'Verb 1 (Dial): the "Action URL" field must be an absolute http(s) URL',
		],
		[
			{
				verb: 'dial',
				dialTo: 'queue',
				dialQueue: 'q',
				dialAction: 'https://e.com/a',
				queueOptions: { url: 'x' },
			},
			'Verb 1 (Dial): the "URL" field must be an absolute http(s) URL',
		],
		[
			{
				verb: 'enqueue',
				enqueueName: 'q',
				enqueueAction: 'https://e.com/a',
				enqueueOptions: { waitUrl: 'hold' },
			},
			'Verb 1 (Enqueue): the "Wait URL" field must be an absolute http(s) URL',
		],
		[
			{ verb: 'start', startWhat: 'stream', streamUrl: 'https://example.com/audio' },
			'Verb 1 (Start): the "Stream URL" field must be an absolute wss:// URL, but it is "https://example.com/audio". Enter a full address such as wss://example.com/stream.',
		],
		[
			{ verb: 'start', startWhat: 'transcription', transcriptionCallback: 'hook' },
			'Verb 1 (Start): the "Transcription Callback" field must be an absolute http(s) URL',
		],
		[
			{ verb: 'start', startWhat: 'recording', recordingOptions: { recordingStatusCallback: 'x' } },
			'Verb 1 (Start): the "Recording Status Callback" field must be an absolute http(s) URL',
		],
	])('%j', async (verb, message) => {
		expect(await refused([verb])).toContain(message);
	});
});

describe('listed values, patterns and required fields', () => {
	test.each([
		[
			{ verb: 'gather', gatherInput: 'voice', gatherAction: 'https://e.com/a' },
			'Verb 1 (Gather): the "Input" field must be one of dtmf, dtmf speech, speech, but it is "voice".',
		],
		[
			{ verb: 'reject', rejectReason: 'nope' },
			'Verb 1 (Reject): the "Reason" field must be one of busy, rejected',
		],
		[
			dial({ conferenceOptions: { beep: 'loud' } }),
			'Verb 1 (Dial): the "Beep" field must be one of true, false, onEnter, onExit',
		],
		[
			dial({ conferenceOptions: { statusCallbackEvent: '={{ "join hangup" }}' } }),
			'Verb 1 (Dial): the "Status Callback Events" field may only contain end, join, leave, speaker, start',
		],
		[
			dial({ dialOptions: { hangupOnStar: 'maybe' } }),
			'Verb 1 (Dial): the "Hang Up On Star" field must be true or false',
		],
		[
			dial({ dialOptions: { fromDisplayName: 'x'.repeat(129) } }),
			'Verb 1 (Dial): the "From Display Name" field must be at most 128 characters long',
		],
		[
			{ verb: 'dial', dialTo: 'fax', dialAction: 'https://e.com/a' },
			'Verb 1 (Dial): the "Dial To" field must be one of conference, number, queue, sip',
		],
		[
			gather({ finishOnKey: '##' }),
			'Verb 1 (Gather): the "Finish On Key" field must be one of 0–9, * and #, but it is "##".',
		],
		[
			gather({ validDigits: '12a' }),
			'Verb 1 (Gather): the "Valid Digits" field may only contain 0–9, * and #',
		],
		[
			gather({ speechTimeout: 'soon' }),
			'Verb 1 (Gather): the "Speech Timeout" field must be a whole number of seconds or "auto"',
		],
		[
			{ verb: 'play', playUrl: 'https://e.com/a.mp3', playOptions: { digits: '12x' } },
			'Verb 1 (Play): the "Digits" field may only contain 0–9, *, # and w',
		],
		[
			{ verb: 'dial', dialTo: 'number', dialNumber: '555-CALL-NOW', dialAction: 'https://e.com/a' },
			'Verb 1 (Dial): the "Phone Number" field must be a phone number in E.164 format',
		],
		[
			{
				verb: 'dial',
				dialTo: 'sip',
				dialSip: 'support@example.com',
				dialAction: 'https://e.com/a',
			},
			'Verb 1 (Dial): the "SIP Address" field must be a SIP URI',
		],
		[
			{ verb: 'record', recordAction: 'https://e.com/a', recordOptions: { finishOnKey: 'x' } },
			'Verb 1 (Record): the "Finish On Key" field may only contain 0–9, * and #',
		],
		[{ verb: 'say', sayText: '  ' }, 'Verb 1 (Say): the "Text" field is empty. Fill it in.'],
		[{ verb: 'play' }, 'Verb 1 (Play): the "Audio URL" field is empty. Fill it in.'],
		[
			{ verb: 'redirect', redirectUrl: '={{ "" }}' },
			'Verb 1 (Redirect): the "URL" field is empty, and no Telnyx TeXML Answer Trigger that started this run comes before this node. Enter the URL Telnyx should fetch the next TeXML from',
		],
		[dial({ conferenceName: '={{ "" }}' }), 'Verb 1 (Dial): the "Conference Name" field is empty.'],
		[
			{ verb: 'enqueue', enqueueName: '={{ "" }}', enqueueAction: 'https://e.com/a' },
			'Verb 1 (Enqueue): the "Queue Name" field is empty.',
		],
		[
			{ verb: 'connectAiAssistant', aiAssistantId: '={{ "" }}' },
			'Verb 1 (Connect to AI Assistant): the "AI Assistant ID" field is empty.',
		],
		[
			{ verb: 'start', startWhat: 'stream', streamUrl: '={{ "" }}' },
			'Verb 1 (Start): the "Stream URL" field is empty.',
		],
		[
			{ verb: 'start', startWhat: 'transcription', transcriptionCallback: '={{ "" }}' },
			'Verb 1 (Start): the "Transcription Callback" field is empty.',
		],
		[
			{ verb: 'stop', stopWhat: 'stream', stopStreamName: '={{ "" }}' },
			'Verb 1 (Stop): the "Stream Name" field is empty.',
		],
		[
			{ verb: 'shout' },
			'Verb 1: the "Verb" field must be one of connectAiAssistant, dial, enqueue, gather, hangup, leave, pause, play, record, redirect, reject, say, start, stop, but it is "shout".',
		],
	])('%j', async (verb, message) => {
		expect(await refused([verb])).toContain(message);
	});

	test('a required field left empty, or never added, is refused with the verb and the field', async () => {
		for (const verbs of [[{ verb: 'say', sayText: '' }], [{ verb: 'say' }]])
			expect(await refused(verbs)).toBe('Verb 1 (Say): the "Text" field is empty. Fill it in.');
	});

	test('an empty list is refused', async () => {
		expect(await refused([])).toBe(
			'The "Verbs" list is empty. Add at least one verb, e.g. Say or Gather.',
		);
	});
});
