/**
 * The AI side of the e2e: the scripted chat model, the credentials the AI workflows name (OpenAI
 * pointed at that model, the MCP server's bearer token), and the MCP and AI Agent checks, which
 * run against the started n8n once its workflows are active.
 */
import path from 'node:path';

import type { TexmlSandbox } from '../../sandbox';
import { runAgentChecks } from './agent';
import type { Checks } from './checks';
import { runMcpChecks } from './mcp';
import { startScriptedModel, type ScriptedModel } from './model';
import { cli, writeJson, type N8nHome } from './n8n';
import type { EditorSession } from './rest';
import { activate } from './trigger';
import type { WorkflowFile } from './workflows';

/** The credentials the AI examples name; the e2e imports them under these ids. */
export const AI_CREDENTIALS = {
	openAi: { id: 'openai-account', name: 'OpenAI account', apiKey: 'sk-e2e-scripted-model-key' },
	mcpBearer: { id: 'mcp-bearer-token', name: 'MCP bearer token', token: 'e2e-mcp-bearer-8f3a1c' },
} as const;

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

export interface AiSetup {
	model: ScriptedModel;
	close(): Promise<void>;
}

/** Starts the scripted model and imports the two credentials (before `n8n start`, like the others). */
export async function prepareAi(checks: Checks, home: N8nHome, scratch: string): Promise<AiSetup> {
	const model = await startScriptedModel();
	await checks.check(
		'n8n imports the OpenAI credential (scripted model) and the MCP bearer token',
		async () => {
			const { openAi, mcpBearer } = AI_CREDENTIALS;
			const file = path.join(scratch, 'ai-credentials.json');
			writeJson(file, [
				{
					id: openAi.id,
					name: openAi.name,
					type: 'openAiApi',
					data: { apiKey: openAi.apiKey, url: model.baseUrl },
				},
				{
					id: mcpBearer.id,
					name: mcpBearer.name,
					type: 'httpBearerAuth',
					data: { token: mcpBearer.token },
				},
			]);
			await cli(home, ['import:credentials', `--input=${file}`]);
		},
	);
	return {
		model,
		close: async () => {
			// What the model was sent, for a look after a run with --keep.
			writeJson(path.join(scratch, 'model-requests.json'), model.history);
			await model.close();
		},
	};
}

/** Workflows that use n8n's AI nodes: the AI examples and the AI fixtures in `test/e2e/`. */
export function aiWorkflows(workflows: WorkflowFile[]) {
	return workflows.filter((w) =>
		w.workflow.nodes.some((n) => n.type.startsWith('@n8n/n8n-nodes-langchain.')),
	);
}

export async function runAiChecks(
	checks: Checks,
	context: Omit<AiContext, 'model'>,
	setup: AiSetup,
) {
	const ai: AiContext = { ...context, model: setup.model };
	await checks.check('ai: the MCP and AI Agent workflows activate', async () => {
		for (const { workflow } of aiWorkflows(ai.workflows)) await activate(ai.editor, workflow.id);
	});
	await runMcpChecks(checks, ai);
	await runAgentChecks(checks, ai);
}
