import type { INodePropertyOptions } from 'n8n-workflow';

/**
 * Callbacks caused by TeXML verbs and by the calls the node places, apart from call, conference and
 * recording status: a media stream or SIPREC session started or stopped (`<Start><Stream>`,
 * `<Start><Siprec>`, Call Stream / SIPREC operations), a real-time transcription's text
 * (`<Start><Transcription transcriptionCallback>`), an AI assistant call's conversation events.
 * Telnyx names these callbacks but documents none of their fields, so each is recognised by any of
 * the keys such a callback can carry (Telnyx's TwiML-compatible names), and passed on whole.
 */
export const MEDIA_EVENTS = ['ai-conversation', 'media-stream', 'siprec', 'transcription'] as const;
export type MediaEvent = (typeof MEDIA_EVENTS)[number];

const KEYS: Record<MediaEvent, string[]> = {
	'ai-conversation': ['ConversationEvent', 'ConversationId'],
	'media-stream': ['StreamSid', 'StreamEvent'],
	siprec: ['SiprecSid', 'SiprecStatus'],
	transcription: [
		'TranscriptionEvent',
		'TranscriptionData',
		'TranscriptionText',
		'TranscriptionSid',
	],
};

export function mediaEventOf(body: Record<string, unknown>): MediaEvent | undefined {
	return MEDIA_EVENTS.find((event) => KEYS[event].some((key) => body[key] !== undefined));
}

export const mediaEventOptions: INodePropertyOptions[] = [
	{
		name: 'AI Conversation',
		value: 'ai-conversation',
		description:
			'An AI assistant call’s conversation was created or ended (its Conversation Callback)',
	},
	{
		name: 'Media Stream',
		value: 'media-stream',
		description: 'A media stream of a call started, stopped or failed (its status callback)',
	},
	{
		name: 'SIPREC Session',
		value: 'siprec',
		description: 'A SIPREC session of a call started or stopped (its status callback)',
	},
	{
		name: 'Transcription',
		value: 'transcription',
		description:
			'Text of a real-time transcription (the Transcription Callback of a Start Transcription)',
	},
];
