import { isoSeconds, type CallbackEvent } from './callback-event';

/**
 * Calls handed to a Telnyx AI assistant (`POST /texml/ai_calls/{connection_id}`): the call itself
 * is in the call book; this keeps what the assistant was given and where its conversation
 * callbacks go. The conversation is created when the call is answered and ends with the call.
 * Telnyx names the events (`conversation_created`, `conversation_ended`) but not the fields: the
 * sandbox sends them form-encoded and PascalCase, like every other callback.
 */

export interface AiCall {
	callSid: string;
	accountSid: string;
	connectionId: string;
	from: string;
	to: string;
	assistantId: string;
	assistantVersion?: string;
	dynamicVariables: Record<string, string>;
	conversationCallbacks: string[];
	conversationCallbackMethod: 'GET' | 'POST';
	conversation: 'created' | 'ended';
}

export class AiCallBook {
	readonly calls: AiCall[] = [];

	constructor(private readonly emit: (event: CallbackEvent) => void) {}

	find(accountSid: string, callSid: string): AiCall | undefined {
		return this.calls.find((c) => c.accountSid === accountSid && c.callSid === callSid);
	}

	/** The assistant takes the call: its conversation is created. */
	start(call: Omit<AiCall, 'conversation'>): AiCall {
		const created: AiCall = { ...call, conversation: 'created' };
		this.calls.push(created);
		this.notify(created, 'conversation_created');
		return created;
	}

	/** The call ended: so did its conversation. */
	endCall(accountSid: string, callSid: string) {
		const call = this.find(accountSid, callSid);
		if (!call || call.conversation === 'ended') return;
		call.conversation = 'ended';
		this.notify(call, 'conversation_ended');
	}

	private notify(call: AiCall, event: 'conversation_created' | 'conversation_ended') {
		for (const url of call.conversationCallbacks) {
			this.emit({
				type: 'callback',
				callback: { url, method: call.conversationCallbackMethod },
				fields: {
					AccountSid: call.accountSid,
					CallSid: call.callSid,
					ConnectionId: call.connectionId,
					AIAssistantId: call.assistantId,
					...(call.assistantVersion ? { AIAssistantVersion: call.assistantVersion } : {}),
					From: call.from,
					To: call.to,
					ConversationEvent: event,
					Timestamp: isoSeconds(new Date()),
				},
			});
		}
	}
}
