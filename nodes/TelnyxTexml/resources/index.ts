import type { INodeProperties } from 'n8n-workflow';

import { aiCallDescription } from './aiCall';
import { callDescription } from './call';
import { callRecordingDescription } from './callRecording';
import { callSiprecDescription } from './callSiprec';
import { callStreamDescription } from './callStream';
import { conferenceDescription } from './conference';
import { conferenceParticipantDescription } from './conferenceParticipant';
import { conferenceRecordingDescription } from './conferenceRecording';
import { queueDescription } from './queue';
import { recordingDescription } from './recording';
import { texmlApplicationDescription } from './texmlApplication';
import { texmlSecretDescription } from './texmlSecret';
import { transcriptionDescription } from './transcription';

/**
 * The Resource selector and every resource's fields, each declared as if it were alone; the node
 * shows the fields several resources define alike once (fields/merge.ts).
 */
export const resourceProperties: INodeProperties[] = [
	{
		displayName: 'Resource',
		name: 'resource',
		type: 'options',
		noDataExpression: true,
		options: [
			{ name: 'AI Call', value: 'aiCall' },
			{ name: 'Call', value: 'call' },
			{ name: 'Call Recording', value: 'callRecording' },
			{ name: 'Call SIPREC Session', value: 'callSiprec' },
			{ name: 'Call Stream', value: 'callStream' },
			{ name: 'Conference', value: 'conference' },
			{ name: 'Conference Participant', value: 'conferenceParticipant' },
			{ name: 'Conference Recording', value: 'conferenceRecording' },
			{ name: 'Queue', value: 'queue' },
			{ name: 'Recording', value: 'recording' },
			{ name: 'TeXML Application', value: 'texmlApplication' },
			{ name: 'TeXML Secret', value: 'texmlSecret' },
			{ name: 'Transcription', value: 'transcription' },
		],
		default: 'conferenceParticipant',
	},
	...aiCallDescription,
	...callDescription,
	...callRecordingDescription,
	...callSiprecDescription,
	...callStreamDescription,
	...conferenceDescription,
	...conferenceParticipantDescription,
	...conferenceRecordingDescription,
	...queueDescription,
	...recordingDescription,
	...texmlApplicationDescription,
	...texmlSecretDescription,
	...transcriptionDescription,
];
