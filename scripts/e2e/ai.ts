/**
 * The AI side of the e2e: the scripted chat model, the credentials the AI workflows name (OpenAI
 * pointed at that model, the MCP server's bearer token), and the MCP and AI Agent checks, which
 * run against the started n8n once its workflows are active.
 */
import path from 'node:path';

import { runAgentChecks } from './agent';
import { AI_CREDENTIALS, openAiCredential, type AiContext } from './ai-context';
import type { Checks } from './checks';
import { runMcpChecks } from './mcp';
import { startScriptedModel, type ScriptedModel } from './model';
import { cli, writeJson, type N8nHome } from './n8n';
import { activate } from './trigger';
import type { WorkflowFile } from './workflows';

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
			const { mcpBearer } = AI_CREDENTIALS;
			const file = path.join(scratch, 'ai-credentials.json');
			writeJson(file, [
				openAiCredential(model),
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
