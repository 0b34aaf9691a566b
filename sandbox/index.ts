export { startSandbox, type SandboxOptions, type TexmlSandbox } from './server';
export {
	Store,
	participantResource,
	type Account,
	type Conference,
	type ConferenceCallback,
	type Participant,
	type StoreEvent,
} from './store';
export type { RecordedRequest } from './http';
export { DEMO, seedDemo } from './demo-data';
export { newSigningKey, startStatusCallbacks, type Delivery, type SigningKey, type StatusCallbacks } from './events';
