import type { INodeProperties } from 'n8n-workflow';

import type { VerbSpec } from './spec';
import { forVerbs } from './spec';

/** Say, Play and Pause: what the caller hears. Say and Play are also Gather's prompts. */

const sayText: INodeProperties = {
	displayName: 'Text',
	name: 'sayText',
	type: 'string',
	typeOptions: { rows: 2 },
	required: true,
	displayOptions: forVerbs(['say']),
	default: '',
	placeholder: 'e.g. Please enter your PIN, followed by the pound key.',
	description:
		'What the caller hears, read by a text-to-speech voice. Any text, caller data included: it is written escaped and cannot change the TeXML.',
};

const sayOptions: INodeProperties = {
	displayName: 'Say Options',
	name: 'sayOptions',
	type: 'collection',
	placeholder: 'Add Option',
	displayOptions: forVerbs(['say']),
	default: {},
	options: [
		{
			displayName: 'Language',
			name: 'language',
			type: 'string',
			default: '',
			placeholder: 'e.g. en-US',
			description: 'The language of the text; Telnyx uses it with the voice alice',
		},
		{
			displayName: 'Loop',
			name: 'loop',
			type: 'number',
			typeOptions: { minValue: 0, maxValue: 10 },
			default: 1,
			description: 'How many times the text is said; 0 repeats it until the call moves on',
		},
		{
			displayName: 'Voice',
			name: 'voice',
			type: 'string',
			default: 'man',
			placeholder: 'e.g. Polly.Joanna-Neural',
			description:
				'The voice: man, woman (en-US only), alice, Polly.&lt;name&gt; or Polly.&lt;name&gt;-Neural, ElevenLabs.&lt;model&gt;.&lt;voice&gt;, and the other providers Telnyx lists for Say',
		},
	],
};

export const say: VerbSpec = {
	value: 'say',
	name: 'Say',
	description: 'Read text to the caller with a text-to-speech voice',
	fields: [sayText, sayOptions],
	build: (entry) => ({
		name: 'Say',
		attributes: entry.options(sayOptions),
		text: entry.text(sayText, { required: true }),
	}),
};

const playUrl: INodeProperties = {
	displayName: 'Audio URL',
	name: 'playUrl',
	type: 'string',
	displayOptions: forVerbs(['play']),
	default: '',
	placeholder: 'e.g. https://example.com/welcome.mp3',
	description:
		'The audio file to play (MP3 or WAV); with Media Storage on, the name of a file in Telnyx Media Storage. May be empty when Digits are set.',
};

const playOptions: INodeProperties = {
	displayName: 'Play Options',
	name: 'playOptions',
	type: 'collection',
	placeholder: 'Add Option',
	displayOptions: forVerbs(['play']),
	default: {},
	options: [
		{
			displayName: 'Digits',
			name: 'digits',
			type: 'string',
			default: '',
			placeholder: 'e.g. ww1234#',
			description: 'DTMF tones to play: 0–9, * and #, and w for a half-second pause',
		},
		{
			displayName: 'Loop',
			name: 'loop',
			type: 'number',
			typeOptions: { minValue: 0 },
			default: 1,
			description: 'How many times the audio plays; 0 repeats it until the call moves on',
		},
		{
			displayName: 'Media Storage',
			name: 'mediaStorage',
			type: 'boolean',
			default: false,
			description:
				'Whether the Audio URL is the name of a file in Telnyx Media Storage (Telnyx only)',
		},
	],
};

const DIGITS = {
	test: /^[0-9*#wW]+$/,
	problem: 'may only contain 0–9, *, # and w',
	fix: 'Remove the other characters.',
};

export const play: VerbSpec = {
	value: 'play',
	name: 'Play',
	description: 'Play an audio file or DTMF tones to the caller',
	fields: [playUrl, playOptions],
	build: (entry) => {
		const attributes = entry.options(playOptions, { digits: { pattern: DIGITS } });
		const stored = attributes.some(([name, value]) => name === 'mediaStorage' && value === 'true');
		const digits = attributes.some(([name]) => name === 'digits');
		const text = entry.text(playUrl, { kind: stored ? 'text' : 'url', required: !digits });
		return { name: 'Play', attributes, text };
	},
};

const pauseLength: INodeProperties = {
	displayName: 'Length',
	name: 'pauseLength',
	type: 'number',
	typeOptions: { minValue: 1, maxValue: 180 },
	displayOptions: forVerbs(['pause']),
	default: 1,
	description: 'How long to wait in silence, in seconds',
};

export const pause: VerbSpec = {
	value: 'pause',
	name: 'Pause',
	description: 'Wait in silence',
	fields: [pauseLength],
	build: (entry) => ({ name: 'Pause', attributes: entry.attribute(pauseLength, 'length') }),
};
