import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { httpMethodOptions } from '../../fields/descriptions';
import { texmlRouting } from '../../routing/routing';
import { simplifyResponse } from '../../routing/simplify';
import { sendStreamUrl } from './fields';

const send = (property: string) => ({ send: { type: 'body' as const, property } });

export const streamOptions: INodeProperties = {
	displayName: 'Options',
	name: 'streamOptions',
	type: 'collection',
	placeholder: 'Add Option',
	default: {},
	options: [
		{
			displayName: 'Bidirectional Codec',
			name: 'bidirectionalCodec',
			type: 'options',
			options: [
				{ name: 'G722', value: 'G722' },
				{ name: 'PCMA', value: 'PCMA' },
				{ name: 'PCMU', value: 'PCMU' },
			],
			default: 'PCMU',
			description: 'The codec of the audio the server sends back over RTP',
			routing: send('BidirectionalCodec'),
		},
		{
			displayName: 'Bidirectional Mode',
			name: 'bidirectionalMode',
			type: 'options',
			options: [
				{ name: 'MP3', value: 'mp3' },
				{ name: 'RTP', value: 'rtp' },
			],
			default: 'mp3',
			description: 'How the server sends audio back into the call',
			routing: send('BidirectionalMode'),
		},
		{
			displayName: 'Name',
			name: 'name',
			type: 'string',
			default: '',
			placeholder: 'e.g. transcriber',
			description: 'A name for the stream, e.g. to stop it from TeXML',
			routing: send('Name'),
		},
		{
			displayName: 'Status Callback',
			name: 'statusCallback',
			type: 'string',
			default: '',
			placeholder: 'e.g. https://n8n.example.com/webhook/telnyx',
			description: 'Where Telnyx sends the stream’s status events',
			routing: send('StatusCallback'),
		},
		{
			displayName: 'Status Callback Method',
			name: 'statusCallbackMethod',
			type: 'options',
			options: httpMethodOptions,
			default: 'POST',
			description: 'The HTTP method Telnyx uses for the Status Callback',
			routing: send('StatusCallbackMethod'),
		},
		{
			displayName: 'Track',
			name: 'track',
			type: 'options',
			options: [
				{ name: 'Both Tracks', value: 'both_tracks' },
				{ name: 'Inbound Track', value: 'inbound_track' },
				{ name: 'Outbound Track', value: 'outbound_track' },
			],
			default: 'inbound_track',
			description: 'Which side of the call is streamed',
			routing: send('Track'),
		},
	],
};

export const startOperation: INodePropertyOptions = {
	name: 'Start',
	value: 'start',
	description: 'Stream a live call’s audio to a WebSocket server, e.g. a speech engine',
	action: 'Start streaming the audio of a call',
	// A second start would open a second stream: sent again only when Telnyx cannot have processed it.
	routing: texmlRouting({
		method: 'POST',
		path: '/Calls/{callSid}/Streams.json',
		checks: [sendStreamUrl],
		form: { properties: [streamOptions] },
		postReceive: [simplifyResponse],
		repeatable: false,
	}),
};
