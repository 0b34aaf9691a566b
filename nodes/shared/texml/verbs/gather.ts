import type { INodeProperties } from 'n8n-workflow';

import { play, say } from './say';
import type { VerbSpec } from './spec';
import { forVerbs, methodField } from './spec';

/** Gather: collects digits (DTMF) or speech while its Say and Play prompts run. */

const gatherInput: INodeProperties = {
	displayName: 'Input',
	name: 'gatherInput',
	type: 'options',
	options: [
		{ name: 'DTMF', value: 'dtmf', description: 'Digits pressed on the keypad' },
		{ name: 'DTMF and Speech', value: 'dtmf speech', description: 'Whichever comes first' },
		{ name: 'Speech', value: 'speech', description: 'What the caller says, transcribed' },
	],
	displayOptions: forVerbs(['gather']),
	default: 'dtmf',
	description: 'What the caller answers with',
};

const gatherAction: INodeProperties = {
	displayName: 'Action URL',
	name: 'gatherAction',
	type: 'string',
	displayOptions: forVerbs(['gather']),
	default: '',
	placeholder: 'e.g. https://n8n.example.com/webhook/…/voice',
	description:
		'Where Telnyx sends the result (Digits, or SpeechResult and Confidence) and fetches the next TeXML, with the TeXML application’s method. Leave empty to send it to the Telnyx TeXML Answer Trigger this workflow starts from, with ?event=gather.',
};

/** A prompt is a Say or a Play: the only verbs Telnyx documents inside Gather. */
const promptVerb: INodeProperties = {
	displayName: 'Prompt',
	name: 'verb',
	type: 'options',
	options: [
		{ name: 'Play', value: 'play', description: play.description },
		{ name: 'Say', value: 'say', description: say.description },
	],
	default: 'say',
	description: 'What the caller hears while Gather waits for the answer',
};

const gatherPrompts: INodeProperties = {
	displayName: 'Prompts',
	name: 'gatherPrompts',
	type: 'fixedCollection',
	typeOptions: { multipleValues: true, sortable: true },
	placeholder: 'Add Prompt',
	displayOptions: forVerbs(['gather']),
	default: {},
	description: 'Say and Play verbs run inside Gather, in order; the caller may answer during them',
	options: [
		{
			displayName: 'Prompt',
			name: 'prompt',
			values: [promptVerb, ...say.fields, ...play.fields],
		},
	],
};

const TELNYX_ONLY = '(Telnyx only)';

const gatherOptions: INodeProperties = {
	displayName: 'Gather Options',
	name: 'gatherOptions',
	type: 'collection',
	placeholder: 'Add Option',
	displayOptions: forVerbs(['gather']),
	default: {},
	options: [
		{
			displayName: 'API Key Reference',
			name: 'apiKeyRef',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			description: `The name of the Telnyx secret holding the Azure key, for the Azure engine ${TELNYX_ONLY}`,
		},
		{
			displayName: 'Finish On Key',
			name: 'finishOnKey',
			type: 'string',
			default: '#',
			placeholder: 'e.g. #',
			description: 'The key that ends the digits early: one of 0–9, * and #',
		},
		{
			displayName: 'Hints',
			name: 'hints',
			type: 'string',
			default: '',
			placeholder: 'e.g. sales, support, weekly sync',
			description: 'Words or phrases the caller is likely to say, comma-separated',
		},
		{
			displayName: 'Invalid Digits Action',
			name: 'invalidDigitsAction',
			type: 'string',
			default: '',
			placeholder: 'e.g. https://example.com/invalid.xml',
			description: 'Where Telnyx fetches TeXML when the digits are not among the Valid Digits',
		},
		{
			displayName: 'Language',
			name: 'language',
			type: 'string',
			default: 'en-US',
			placeholder: 'e.g. en-US',
			description: 'The language of the speech to recognise',
		},
		{
			displayName: 'Max Digits',
			name: 'maxDigits',
			type: 'number',
			typeOptions: { minValue: 1, maxValue: 128 },
			default: 128,
			description: 'The most digits the caller may enter',
		},
		methodField(
			'method',
			'Method',
			'The HTTP method of the Action URL. Telnyx’s Gather page lists no such attribute and uses the TeXML application’s method; written only when set.',
		),
		{
			displayName: 'Min Digits',
			name: 'minDigits',
			type: 'number',
			typeOptions: { minValue: 1, maxValue: 128 },
			default: 1,
			description: 'The fewest digits the caller must enter',
		},
		{
			displayName: 'Number of Digits',
			name: 'numDigits',
			type: 'number',
			typeOptions: { minValue: 1 },
			default: 1,
			description: 'Gather ends as soon as the caller has entered this many digits',
		},
		{
			displayName: 'Partial Result Callback',
			name: 'partialResultCallback',
			type: 'string',
			default: '',
			placeholder: 'e.g. https://n8n.example.com/webhook/telnyx',
			description: 'Where Telnyx sends partial speech results while the caller speaks',
		},
		methodField(
			'partialResultCallbackMethod',
			'Partial Result Callback Method',
			'The HTTP method of the Partial Result Callback',
		),
		{
			displayName: 'Profanity Filter',
			name: 'profanityFilter',
			type: 'boolean',
			default: false,
			description: 'Whether profanity in the speech result is masked',
		},
		{
			displayName: 'Region',
			name: 'region',
			type: 'string',
			default: '',
			placeholder: 'e.g. eastus',
			description: `The Azure region, for the Azure engine ${TELNYX_ONLY}`,
		},
		{
			displayName: 'Speech Timeout',
			name: 'speechTimeout',
			type: 'string',
			default: '',
			placeholder: 'e.g. auto',
			description:
				'Seconds of silence after speech that end Gather, or "auto" to end at the first pause',
		},
		{
			displayName: 'Timeout',
			name: 'timeout',
			type: 'number',
			typeOptions: { minValue: 1, maxValue: 120 },
			default: 5,
			description: 'Seconds to wait for the next digit or for speech to start',
		},
		{
			displayName: 'Transcription Engine',
			name: 'transcriptionEngine',
			type: 'string',
			default: '',
			placeholder: 'e.g. Google',
			description:
				'The speech engine: Google (Telnyx’s default), Telnyx, Azure, Deepgram and others Telnyx lists for Gather',
		},
		{
			displayName: 'Use Enhanced',
			name: 'useEnhanced',
			type: 'boolean',
			default: false,
			description: 'Whether the enhanced speech model is used',
		},
		{
			displayName: 'Valid Digits',
			name: 'validDigits',
			type: 'string',
			default: '',
			placeholder: 'e.g. 0123456789#',
			description: 'The keys the caller may press: 0–9, * and #',
		},
	],
};

const KEYS = (problem: string) => ({
	test: /^[0-9*#]+$/,
	problem,
	fix: 'Use only 0–9, * and #.',
});

export const gather: VerbSpec = {
	value: 'gather',
	name: 'Gather',
	description: 'Collect digits or speech from the caller while Say and Play prompts run',
	fields: [gatherInput, gatherAction, gatherPrompts, gatherOptions],
	build: (entry) => ({
		name: 'Gather',
		attributes: [
			...entry.action(gatherAction, 'gather'),
			...entry.attribute(gatherInput, 'input'),
			...entry.options(gatherOptions, {
				finishOnKey: { pattern: { ...KEYS('must be one of 0–9, * and #'), test: /^[0-9*#]$/ } },
				validDigits: { pattern: KEYS('may only contain 0–9, * and #') },
				speechTimeout: {
					pattern: {
						test: /^(auto|\d+)$/,
						problem: 'must be a whole number of seconds or "auto"',
						fix: 'Enter e.g. 3 or auto.',
					},
				},
			}),
		],
		children: entry.list(gatherPrompts, 'prompt', 'Prompt').map((prompt) => {
			// Only Say and Play may sit in Gather: an expression giving another verb is refused.
			const kind = prompt.text(promptVerb, { kind: 'choice', choices: ['play', 'say'] });
			return (kind === 'play' ? play : say).build(prompt);
		}),
	}),
};
