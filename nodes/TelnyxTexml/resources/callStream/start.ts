import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import {
	mediaStatusCallbackOption,
	streamBidirectionalCodecOption,
	streamBidirectionalModeOption,
	streamTrackOption,
} from '../../../shared/mediaFields';
import { statusCallbackMethodField } from '../../fields/callFields';
import { callMediaStart } from '../../fields/callMedia';
import { sentAs } from '../../fields/descriptions';
import { sendStreamUrl } from './fields';

export const streamOptions: INodeProperties = {
	displayName: 'Options',
	name: 'streamOptions',
	type: 'collection',
	placeholder: 'Add Option',
	default: {},
	options: [
		{ ...streamBidirectionalCodecOption, ...sentAs('BidirectionalCodec') },
		{ ...streamBidirectionalModeOption, ...sentAs('BidirectionalMode') },
		{
			displayName: 'Name',
			name: 'name',
			type: 'string',
			default: '',
			placeholder: 'e.g. transcriber',
			description: 'A name for the stream, e.g. to stop it from TeXML',
			...sentAs('Name'),
		},
		{ ...mediaStatusCallbackOption('stream'), ...sentAs('StatusCallback') },
		statusCallbackMethodField,
		{ ...streamTrackOption, ...sentAs('Track') },
	],
};

export const startOperation: INodePropertyOptions = {
	name: 'Start',
	value: 'start',
	description: 'Stream a live call’s audio to a WebSocket server, e.g. a speech engine',
	action: 'Start streaming the audio of a call',
	routing: callMediaStart('/Calls/{callSid}/Streams.json', [streamOptions], [sendStreamUrl]),
};
