import type { Call } from '../../sandbox';
import type { World } from './fixtures';
import { placeLiveCall } from './sandbox-http';
import { locator, runTexml } from './texml';

/** Runs Telnyx TeXML → Call → `operation`; Create gets the sandbox's TeXML application unless given. */
export function runCall(
	world: World,
	operation: 'create' | 'get' | 'getAll' | 'hangUp' | 'redirect',
	parameters: Record<string, unknown>,
	options: Parameters<typeof runTexml>[2] = {},
) {
	return runTexml(
		world,
		{
			resource: 'call',
			operation,
			...(operation === 'create' ? { application: locator(world.sandbox.application.id) } : {}),
			...parameters,
		},
		options,
	);
}

/** Places a call in the sandbox directly (as if another system had), joining `conference` by name. */
export function placeCall(world: World, to: string, conference?: string): Call {
	return placeLiveCall(
		world.sandbox,
		conference
			? `<Response><Dial><Conference>${conference}</Conference></Dial></Response>`
			: '<Response><Pause length="60"/></Response>',
		to,
	);
}

/** The Calls path of the world's account. */
export const callsPath = (world: World) => `/v2/texml/Accounts/${world.sandbox.account.sid}/Calls`;

/** Every Call, Recording and Answering Machine Detection option of Call → Create, set. */
export const CALL_OPTIONS_EVERYTHING = {
	callOptions: {
		callerId: 'Support Desk',
		customHeaders: { header: [{ name: 'X-Ticket', value: '4711' }] },
		mediaEncryption: 'SRTP',
		preferredCodecs: 'PCMA,PCMU',
		sipAuthPassword: 'secret',
		sipAuthUsername: 'agent',
		sipRegion: 'Europe',
		statusCallback: 'https://example.com/call',
		statusCallbackEvent: ['initiated', 'answered', 'completed'],
		statusCallbackMethod: 'POST',
		superviseCallSid: 'v3:abc',
		supervisingRole: 'whisper',
		timeLimit: 600,
		timeout: 45,
	},
	recordingOptions: {
		record: true,
		recordingChannels: 'dual',
		recordingStatusCallback: 'https://example.com/rec',
		recordingStatusCallbackEvent: ['completed', 'absent'],
		recordingStatusCallbackMethod: 'GET',
		recordingTimeout: 5,
		recordingTrack: 'inbound',
		sendRecordingUrl: false,
		trim: 'do-not-trim',
	},
	machineDetectionOptions: {
		asyncAmd: true,
		asyncAmdStatusCallback: 'https://example.com/amd',
		asyncAmdStatusCallbackMethod: 'GET',
		cancelPlaybackOnDetectMessageEnd: false,
		cancelPlaybackOnMachineDetection: false,
		deepfakeDetection: 'Enable',
		deepfakeDetectionCallbackMethod: 'POST',
		deepfakeDetectionCallbackUrl: 'https://example.com/deepfake',
		detectionMode: 'PremiumCallScreening',
		machineDetection: 'DetectMessageEnd',
		machineDetectionPromptEndTimeout: 5000,
		machineDetectionSilenceTimeout: 2000,
		machineDetectionSpeechEndThreshold: 900,
		machineDetectionSpeechThreshold: 3000,
		machineDetectionTimeout: 20000,
	},
};
