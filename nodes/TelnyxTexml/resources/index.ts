import type { INodeProperties } from 'n8n-workflow';

import { callDescription } from './call';
import { callRecordingDescription } from './callRecording';
import { conferenceDescription } from './conference';
import { conferenceParticipantDescription } from './conferenceParticipant';
import { conferenceRecordingDescription } from './conferenceRecording';
import { recordingDescription } from './recording';
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
];
