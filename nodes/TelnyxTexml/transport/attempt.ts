import type { IExecuteSingleFunctions } from 'n8n-workflow';

/**
 * What an item was trying to do, named with its IDs: an error message must stand on its own,
 * because an AI model calling the node as a tool is given the message and nothing else.
 */
export interface Attempt {
	/** e.g. `update participant "alice" in conference "CF…"` */
	action: string;
	/** For a 404: what was not found, and how to find the right one. */
	notFound?: { what: string; next: string };
	/** For a request that must not be repeated blindly (a dial): what to check when its fate is unknown. */
	checkBeforeRepeating?: string;
	/** Why such a request was not sent again, when it is not a dial (the default words). */
	notRepeated?: string;
}

const FIND_CONFERENCE = 'List the conferences to find the right conference SID.';
const FIND_PARTICIPANT =
	'List the participants of the conference to find the right call SID or label; the participant may have left already.';

const FIND_CALL =
	'Use the CallSid of a trigger event or the call_sid of a conference participant; the call may have ended.';
const FIND_RECORDING =
	'List the recordings to find the right recording SID; it may have been deleted.';
const FIND_TRANSCRIPTION =
	'List the transcriptions to find the right transcription SID; it may have been deleted.';

/** A list answered 404: the account SID is not the key's. */
const accountMissing = (what: string) => ({
	what: `Telnyx found no ${what} for this account SID`,
	next: 'Leave the Account SID empty to use the account of the API key.',
});
/** A 404 on the Calls API: most often an account SID that is not the key's organization. */
const CALL_ACCOUNT =
	'Check the Account SID: it must be the organization ID of the API key’s Telnyx account; leave it empty and the node looks it up.';

/** The item's resource, operation and IDs as an Attempt (IDs as the user gave them). */
export function attemptOf(context: IExecuteSingleFunctions): Attempt {
	const text = (name: string) => {
		try {
			const value = context.getNodeParameter(name, '', { extractValue: true });
			return typeof value === 'string' || typeof value === 'number' ? String(value).trim() : '';
		} catch {
			return ''; // the error being reported may be about this very parameter
		}
	};
	const conference = `conference "${text('conferenceSid')}"`;
	const participant = () => `participant "${text('participant')}"`;
	const conferenceMissing = {
		what: `Conference "${text('conferenceSid')}" was not found`,
		next: FIND_CONFERENCE,
	};
	const participantMissing = () => ({
		what: `Participant "${text('participant')}" was not found in ${conference}`,
		next: FIND_PARTICIPANT,
	});
	// Read only for a call's operations: every other item skips these parameters.
	const account = () =>
		text('accountSid') ? `account "${text('accountSid')}"` : 'the API key’s account';
	const call = () => `call "${text('callSid')}"`;
	const callMissing = () => ({
		what: `Call "${text('callSid')}" was not found in ${account()}`,
		next: `${CALL_ACCOUNT} Otherwise the call SID is wrong, or the call ended more than 30 days ago.`,
	});
	switch (`${text('resource')}.${text('operation')}`) {
		case 'call.create':
			return {
				action: `place a call from "${text('from')}" to "${text('to')}"`,
				notFound: { what: `Telnyx did not find ${account()}`, next: CALL_ACCOUNT },
				checkBeforeRepeating:
					'The call may have been placed: check the call status callback or list the calls before calling again.',
				notRepeated:
					'Not sent again: the call may have been placed. Check the call status callback or list the calls before calling again.',
			};
		case 'call.get':
			return { action: `get ${call()}`, notFound: callMissing() };
		case 'call.getAll':
			return {
				action: 'list the calls',
				notFound: { what: `Telnyx did not find ${account()}`, next: CALL_ACCOUNT },
			};
		case 'call.hangUp':
			return { action: `hang up ${call()}`, notFound: callMissing() };
		case 'call.redirect':
			return { action: `redirect ${call()}`, notFound: callMissing() };
		case 'conference.get':
			return { action: `get ${conference}`, notFound: conferenceMissing };
		case 'conference.getAll':
			return {
				action: 'list the conferences',
				notFound: {
					what: 'Telnyx found no conferences for this account SID',
					next: 'Leave the Account SID empty to use the account of the API key.',
				},
			};
		case 'conference.update':
			return { action: `update ${conference}`, notFound: conferenceMissing };
		case 'conferenceParticipant.create':
			return {
				action: `dial a new participant into ${conference}`,
				notFound: conferenceMissing,
				checkBeforeRepeating:
					'The dial may have reached Telnyx: list the participants of the conference to check before dialing again.',
			};
		case 'conferenceParticipant.delete':
			return {
				action: `remove ${participant()} from ${conference}`,
				notFound: participantMissing(),
			};
		case 'conferenceParticipant.get':
			return { action: `get ${participant()} in ${conference}`, notFound: participantMissing() };
		case 'conferenceParticipant.getAll':
			return { action: `list the participants of ${conference}`, notFound: conferenceMissing };
		case 'conferenceParticipant.update':
			return { action: `update ${participant()} in ${conference}`, notFound: participantMissing() };
		case 'callRecording.start':
			return {
				action: `start recording call "${text('callSid')}"`,
				notFound: { what: `Call "${text('callSid')}" was not found`, next: FIND_CALL },
				checkBeforeRepeating:
					'The recording may have started: list the recordings of the call before starting again.',
			};
		case 'callRecording.update':
			return {
				action: `set recording "${text('recordingSid')}" of call "${text('callSid')}" to ${text('status')}`,
				notFound: {
					what: `Recording "${text('recordingSid')}" of call "${text('callSid')}" was not found`,
					next: 'List the recordings of the call to find the right recording SID; the call may have ended.',
				},
			};
		case 'callRecording.getAll':
			return {
				action: `list the recordings of call "${text('callSid')}"`,
				notFound: { what: `Call "${text('callSid')}" was not found`, next: FIND_CALL },
			};
		case 'recording.delete':
		case 'recording.download':
		case 'recording.get': {
			const verb = { delete: 'delete', download: 'download', get: 'get' }[text('operation')];
			return {
				action: `${verb} recording "${text('recordingSid')}"`,
				notFound: {
					what: `Recording "${text('recordingSid')}" was not found`,
					next: FIND_RECORDING,
				},
			};
		}
		case 'recording.getAll':
			return { action: 'list the recordings', notFound: accountMissing('recordings') };
		case 'transcription.delete':
		case 'transcription.get':
			return {
				action: `${text('operation')} transcription "${text('transcriptionSid')}"`,
				notFound: {
					what: `Transcription "${text('transcriptionSid')}" was not found`,
					next: FIND_TRANSCRIPTION,
				},
			};
		case 'transcription.getAll':
			return { action: 'list the transcriptions', notFound: accountMissing('transcriptions') };
		case 'conferenceRecording.getAll':
			return { action: `list the recordings of ${conference}`, notFound: conferenceMissing };
		default:
			return endpointAttempt(text, account, callMissing);
	}
}

const FIND_QUEUE = 'List the queues to find the right queue SID; it may have been deleted.';
const FIND_APPLICATION =
	'Pick the application from the list, or list the TeXML applications to find its ID.';

/** The queues, streams, SIPREC sessions, AI calls, applications and secrets. */
function endpointAttempt(
	text: (name: string) => string,
	account: () => string,
	callMissing: () => Attempt['notFound'],
): Attempt {
	const queue = `queue "${text('queueSid')}"`;
	const queueMissing = { what: `Queue "${text('queueSid')}" was not found`, next: FIND_QUEUE };
	const application = `TeXML application "${text('application')}"`;
	const applicationMissing = {
		what: `TeXML application "${text('application')}" was not found`,
		next: FIND_APPLICATION,
	};
	const call = `call "${text('callSid')}"`;
	switch (`${text('resource')}.${text('operation')}`) {
		case 'queue.create':
			return {
				action: `create queue "${text('friendlyName')}"`,
				notFound: { what: `Telnyx did not find ${account()}`, next: CALL_ACCOUNT },
				checkBeforeRepeating:
					'The queue may have been created: list the queues before creating it again.',
			};
		case 'queue.getAll':
			return { action: 'list the queues', notFound: accountMissing('queues') };
		case 'queue.get':
		case 'queue.update':
		case 'queue.delete':
			return { action: `${text('operation')} ${queue}`, notFound: queueMissing };
		case 'callStream.start':
			return {
				action: `start streaming ${call}`,
				notFound: callMissing(),
				checkBeforeRepeating:
					'The stream may have started: check the stream’s status callback before starting it again.',
			};
		case 'callStream.stop':
			return {
				action: `stop stream "${text('streamSid')}" of ${call}`,
				notFound: {
					what: `Stream "${text('streamSid')}" of ${call} was not found`,
					next: 'Use the sid Call Stream → Start answered; the call may have ended.',
				},
			};
		case 'callSiprec.start':
			return {
				action: `start a SIPREC session for ${call}`,
				notFound: callMissing(),
				checkBeforeRepeating:
					'The session may have started: check its status callback before starting it again.',
			};
		case 'callSiprec.stop':
			return {
				action: `stop SIPREC session "${text('siprecSid')}" of ${call}`,
				notFound: {
					what: `SIPREC session "${text('siprecSid')}" of ${call} was not found`,
					next: 'Use the sid Call SIPREC Session → Start answered; the call may have ended.',
				},
			};
		case 'aiCall.create':
			return {
				action: `place an AI assistant call from "${text('from')}" to "${text('to')}"`,
				notFound: applicationMissing,
				checkBeforeRepeating:
					'The call may have been placed: check the call status callback or list the calls before calling again.',
				notRepeated:
					'Not sent again: the call may have been placed. Check the call status callback or list the calls before calling again.',
			};
		case 'texmlApplication.create':
			return {
				action: `create TeXML application "${text('friendlyName')}"`,
				checkBeforeRepeating:
					'The application may have been created: list the TeXML applications before creating it again.',
			};
		case 'texmlApplication.getAll':
			return { action: 'list the TeXML applications' };
		case 'texmlApplication.get':
		case 'texmlApplication.update':
		case 'texmlApplication.delete':
			return { action: `${text('operation')} ${application}`, notFound: applicationMissing };
		case 'texmlSecret.create':
			// The name only: the value never appears in a message.
			return { action: `store TeXML secret "${text('referenceName')}"` };
		default:
			return { action: 'send the request to Telnyx' };
	}
}
