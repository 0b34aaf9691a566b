import type { JsonRule } from '../json-fields';

export const METHOD: JsonRule = { oneOf: ['GET', 'POST'] };

/**
 * The fields of placing a call that Telnyx's InitiateCallRequest and InitiateAICallRequest both
 * document with the same type and range; each request adds its own.
 */
export const PLACING_FIELDS: Record<string, JsonRule> = {
	AsyncAmd: 'boolean',
	AsyncAmdStatusCallback: 'url',
	AsyncAmdStatusCallbackMethod: METHOD,
	CallerId: 'string',
	CustomHeaders: 'headers',
	DetectionMode: { oneOf: ['Premium', 'Regular', 'PremiumCallScreening'] },
	From: 'string',
	MachineDetection: { oneOf: ['Enable', 'Disable', 'DetectMessageEnd'] },
	MachineDetectionPromptEndTimeout: { integer: [1000, 120000] },
	MachineDetectionSilenceTimeout: { integer: [0, 600000] },
	MachineDetectionSpeechEndThreshold: { integer: [0, 600000] },
	MachineDetectionSpeechThreshold: { integer: [0, 600000] },
	MachineDetectionTimeout: { integer: [500, 60000] },
	PreferredCodecs: 'string',
	Record: 'boolean',
	RecordingChannels: { oneOf: ['mono', 'dual'] },
	RecordingStatusCallback: 'url',
	RecordingStatusCallbackEvent: { words: ['in-progress', 'completed', 'absent'] },
	RecordingStatusCallbackMethod: METHOD,
	RecordingTimeout: { integer: [0, 14400] },
	RecordingTrack: { oneOf: ['inbound', 'outbound', 'both'] },
	SendRecordingUrl: 'boolean',
	SipAuthPassword: 'string',
	SipAuthUsername: 'string',
	SipRegion: { oneOf: ['US', 'Europe', 'Canada', 'Australia', 'Middle East'] },
	StatusCallback: 'url',
	StatusCallbackMethod: METHOD,
	TimeLimit: { integer: [30, 14400] },
	Timeout: { integer: [5, 120] },
	To: 'string',
	Trim: { oneOf: ['trim-silence', 'do-not-trim'] },
};
