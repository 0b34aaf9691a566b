import type { INodeProperties } from 'n8n-workflow';

import { ANY_EVENT, eventOptions } from './events';

/** The trigger's panel: where to paste the URL, what to start on, and the signature check. */
export const triggerProperties: INodeProperties[] = [
	{
		displayName:
			'Telnyx has no API to register this URL: paste the <b>Production URL</b> above where the conference is set up. ' +
			'In TeXML: <code>&lt;Conference statusCallback="URL" statusCallbackMethod="POST" statusCallbackEvent="start end join leave speaker"&gt;</code>. ' +
			'When dialing a participant over the REST API: ConferenceStatusCallback = URL, ConferenceStatusCallbackMethod = POST, ConferenceStatusCallbackEvent = the same tokens. ' +
			'For a call’s status events: StatusCallback = URL, StatusCallbackMethod = POST, StatusCallbackEvent = initiated ringing answered completed (the Call Options of Telnyx TeXML → Call → Create). ' +
			'For recordings, the same URL as the recording status callback: <code>&lt;Conference record="record-from-start" recordingStatusCallback="URL" recordingStatusCallbackEvent="in-progress completed absent"&gt;</code> (also on <code>&lt;Dial&gt;</code> and <code>&lt;Record&gt;</code>), or ConferenceRecordingStatusCallback / RecordingStatusCallback when dialing or starting a call recording. ' +
			'For media streams, SIPREC sessions, real-time transcriptions and AI assistant calls: the same URL as their status callback, <code>transcriptionCallback</code> or conversation callback. ' +
			'One URL can take them all. Ask only for the events chosen below. The Test URL works only while the editor is listening for a test event.',
		name: 'setupNotice',
		type: 'notice',
		default: '',
	},
	{
		displayName: 'Events',
		name: 'events',
		type: 'multiOptions',
		options: eventOptions,
		default: [ANY_EVENT],
		required: true,
		description:
			'The conference, call and recording events that start the workflow; others get a 200 reply and start nothing',
	},
	{
		displayName: 'Conference Name',
		name: 'conferenceName',
		type: 'string',
		default: '',
		placeholder: 'e.g. weekly-sync',
		description:
			'Start only for the conference with this friendly name (FriendlyName, exact match). Leave empty for every conference. Call and recording events carry no conference name and are not filtered by it.',
	},
	{
		displayName: 'Verify Signature',
		name: 'verifySignature',
		type: 'boolean',
		default: true,
		description:
			'Whether to accept only callbacks signed by Telnyx (Ed25519, checked with the Public Key of the credential, at most 5 minutes old); anything else gets a 401',
	},
	{
		displayName:
			'Signature verification is off: anyone who learns this URL can start the workflow with made-up conference, call or recording events. Turn it on for production.',
		name: 'unverifiedNotice',
		type: 'notice',
		default: '',
		displayOptions: { show: { verifySignature: [false] } },
	},
];
