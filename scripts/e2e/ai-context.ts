/**
 * What the AI checks share (ai.ts starts them; agent.ts and mcp.ts run them): the credentials the
 * AI workflows name, the tool descriptions a model reads, and the context each check gets. Its own
 * module, so that the checks and the file that runs them do not import each other.
 */
import type { TexmlSandbox } from '../../sandbox';
import type { ScriptedModel } from './model';
import type { EditorSession } from './rest';
import type { WorkflowFile } from './workflows';

/** The credentials the AI examples name; the e2e imports them under these ids. */
export const AI_CREDENTIALS = {
	openAi: { id: 'openai-account', name: 'OpenAI account', apiKey: 'sk-e2e-scripted-model-key' },
	mcpBearer: { id: 'mcp-bearer-token', name: 'MCP bearer token', token: 'e2e-mcp-bearer-8f3a1c' },
} as const;

/** The OpenAI credential the AI examples name, pointed at the scripted model (for `import:credentials`). */
export function openAiCredential(model: ScriptedModel) {
	const { openAi } = AI_CREDENTIALS;
	return {
		id: openAi.id,
		name: openAi.name,
		type: 'openAiApi',
		data: { apiKey: openAi.apiKey, url: model.baseUrl },
	};
}

/**
 * What a model reads about each tool the examples expose ("Set Automatically": the operation's
 * action plus "in Telnyx TeXML"). Each names the conference it acts in.
 */
export const TOOL_DESCRIPTIONS: Record<string, string> = {
	List_live_conferences: 'Get many conferences to find one by name or status in Telnyx TeXML',
	List_participants: 'Get many participants to list who is in a conference in Telnyx TeXML',
	Get_participant: 'Get a conference participant to check if muted or on hold in Telnyx TeXML',
	Mute_or_unmute_participant:
		'Mute or hold or coach or announce to a conference caller in Telnyx TeXML',
	Hold_or_resume_participant:
		'Mute or hold or coach or announce to a conference caller in Telnyx TeXML',
	Remove_participant: 'Remove a participant from a conference and hang up in Telnyx TeXML',
	Call_into_conference: 'Place a call that joins a conference in Telnyx TeXML',
	Hang_up_call: 'Hang up a call and take it out of its conference in Telnyx TeXML',
};

export interface AiContext {
	url: string;
	editor: EditorSession;
	sandbox: TexmlSandbox;
	model: ScriptedModel;
	workflows: WorkflowFile[];
}
