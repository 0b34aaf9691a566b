export { startSandbox, type SandboxOptions, type TexmlSandbox } from './server';
export {
	Store,
	participantResource,
	type Account,
	type Conference,
	type ConferenceCallback,
	type Participant,
	type Recording,
	type RecordingCallback,
	type StoreEvent,
	type Transcription,
} from './store';
export {
	callRecordingResource,
	callRecordingStartResource,
	conferenceResource,
	recordingResource,
	texmlRecordingResource,
	transcriptionResource,
} from './resources';
export { audioOf, type Audio } from './audio';
export { startMediaHost, type MediaHost, type Served } from './media';
export type { RecordedRequest } from './http';
export { CallBook, callResource, type Call, type CallStatus, type TexmlApplication } from './calls';
export { parseXml, readTexml, TexmlError, type XmlElement } from './texml';
export { QueueBook, type EnqueueResult, type Queue, type QueueMember } from './queues';
export { CallSessions, type MediaStream, type SiprecSession } from './sessions';
export { AiCallBook, type AiCall } from './ai-calls';
export { SecretBook } from './secrets';
export { DEMO, seedDemo } from './demo-data';
export {
	newSigningKey,
	startStatusCallbacks,
	type Delivery,
	type SigningKey,
	type StatusCallbacks,
} from './events';
export { Faults, type FaultOptions, type FaultKind } from './faults';
export { VirtualClock, realClock, type Clock } from './clock';
export {
	RateWindow,
	SlidingWindow,
	TokenBucket,
	rateModel,
	type RateModel,
	type RateModelName,
} from './rate-window';
export { applicationResource, readApplicationBody } from './applications';
export {
	ring,
	type Played,
	type RingEnd,
	type RingInput,
	type RingOptions,
	type RingRequest,
	type RingResult,
} from './incoming';
