import type { INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { searchConferences, searchParticipants, searchTexmlApplications } from './listSearch';
import { callDescription } from './resources/call';
import { callRecordingDescription } from './resources/callRecording';
import { conferenceDescription } from './resources/conference';
import { conferenceParticipantDescription } from './resources/conferenceParticipant';
import { conferenceRecordingDescription } from './resources/conferenceRecording';
import { recordingDescription } from './resources/recording';
import { transcriptionDescription } from './resources/transcription';
import { TELNYX_API_BASE_URL } from '../shared/constants';
import { sendingOptions } from './transport/sending';
import { simplifyField } from './routing/simplify';

export class TelnyxTexml implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Telnyx TeXML',
		name: 'telnyxTexml',
		icon: { light: 'file:telnyx.svg', dark: 'file:telnyx.dark.svg' },
		group: ['output'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description: 'Start and control Telnyx TeXML conferences: calls, participants, recordings',
		defaults: { name: 'Telnyx TeXML' },
		// What a model is told with Set Automatically comes from each operation's `action`; this text
		// is the tool's default description when set manually.
		usableAsTool: {
			replacements: {
				description:
					'Run a live Telnyx conference call: list who is in a conference, mute or unmute, hold, coach, announce to or remove a participant, dial someone in, call people into a conference by name, move or hang up a call, end the conference, get its recordings, download a recording as audio or read a transcription',
			},
		},
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'telnyxTexmlApi', required: true }],
		requestDefaults: {
			baseURL: `={{ ($credentials.baseUrl || "${TELNYX_API_BASE_URL}").replace(/\\/+$/, "") }}`,
			headers: { Accept: 'application/json' },
		},
		properties: [
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				options: [
					{ name: 'Call', value: 'call' },
					{ name: 'Call Recording', value: 'callRecording' },
					{ name: 'Conference', value: 'conference' },
					{ name: 'Conference Participant', value: 'conferenceParticipant' },
					{ name: 'Conference Recording', value: 'conferenceRecording' },
					{ name: 'Recording', value: 'recording' },
					{ name: 'Transcription', value: 'transcription' },
				],
				default: 'conferenceParticipant',
			},
			...callDescription,
			...callRecordingDescription,
			...conferenceDescription,
			...conferenceParticipantDescription,
			...conferenceRecordingDescription,
			...recordingDescription,
			...transcriptionDescription,
			simplifyField,
			sendingOptions,
		],
	};

	methods = { listSearch: { searchConferences, searchParticipants, searchTexmlApplications } };
}
