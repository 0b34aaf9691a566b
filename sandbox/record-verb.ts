import type { RecordingCallback } from './store';

/**
 * What a `<Record>` asks of the recordings, for a placed call and an incoming one alike: the caller
 * leaves a message of `maxLength` seconds at most (the sandbox takes 5); with transcription="true"
 * Telnyx makes its transcription (the sandbox hears no speech: a fixed text); the status callback
 * sends `completed` unless told otherwise.
 */
export function recordVerbOptions(attributes: Record<string, string>): {
	seconds: number;
	format: 'mp3' | 'wav';
	transcribe?: string;
	callback?: RecordingCallback;
} {
	const method = attributes.recordingStatusCallbackMethod?.toUpperCase();
	const events = (attributes.recordingStatusCallbackEvent ?? 'completed').split(/\s+/);
	return {
		seconds: Math.min(5, Number(attributes.maxLength) || 5),
		format: attributes.format === 'wav' ? 'wav' : 'mp3',
		transcribe:
			attributes.transcription === 'true'
				? 'This is a message left in the TeXML sandbox.'
				: undefined,
		callback: attributes.recordingStatusCallback
			? {
					url: attributes.recordingStatusCallback,
					method: method === 'GET' ? 'GET' : 'POST',
					events: events.filter(Boolean),
				}
			: undefined,
	};
}
