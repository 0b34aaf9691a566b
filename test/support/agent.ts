/**
 * The node as an AI tool, run by n8n-core's own tool machinery: an agent node asks for its
 * `ai_tool` inputs (getInputConnectionData → createNodeAsTool → makeHandleToolInvocation), so the
 * tool's name, description and input schema, and the text the model gets back, are n8n's.
 * Only what the n8n server adds around it is built here: the `…Tool` node type (as n8n's
 * NodeTypes.getByNameAndVersion and convertNodeToAiTool make it) and a scripted agent.
 */
import { RoutingNode } from 'n8n-core';
import type { ExecuteContext } from 'n8n-core';
import type {
	IDataObject,
	IExecuteFunctions,
	INode,
	INodeExecutionData,
	INodeProperties,
	INodeType,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { runWorkflow, outputOf, type Engine } from './engine';
import { NODE_TYPE } from './texml';

export const TOOL_TYPE = `${NODE_TYPE}Tool`;
const AGENT_TYPE = 'test.scriptedAgent';

/** The tool variant of a declarative node, as the n8n server derives it from `usableAsTool`. */
export function toolVariant(base: INodeType): INodeType {
	const descriptionType: INodeProperties = {
		displayName: 'Tool Description',
		name: 'descriptionType',
		type: 'options',
		noDataExpression: true,
		options: [
			{ name: 'Set Automatically', value: 'auto' },
			{ name: 'Set Manually', value: 'manual' },
		],
		default: 'auto',
	};
	const toolDescription: INodeProperties = {
		displayName: 'Description',
		name: 'toolDescription',
		type: 'string',
		default: base.description.description,
		displayOptions: { show: { descriptionType: ['manual'] } },
	};
	const tool: INodeType = {
		methods: base.methods,
		description: {
			...base.description,
			name: `${base.description.name}Tool`,
			displayName: `${base.description.displayName} Tool`,
			inputs: [],
			outputs: [NodeConnectionTypes.AiTool],
			properties: [descriptionType, toolDescription, ...base.description.properties],
		},
		// n8n gives declarative nodes an execute() that runs RoutingNode.
		async execute(this: IExecuteFunctions) {
			return (await new RoutingNode(this as unknown as ExecuteContext, tool).runNode()) ?? [];
		},
	};
	delete tool.description.usableAsTool;
	return tool;
}

/** One scripted step of the model: call a tool by name with these arguments. */
export interface ToolCall {
	tool: string;
	args: IDataObject;
}

/** What the model saw and got: the tools offered (OpenAI function format) and each call's result. */
export interface AgentRun {
	offered: Array<{ name: string; description: string; parameters: IDataObject }>;
	results: Array<{ tool: string; result?: string; error?: string }>;
}

/** An agent whose "model" is a script: it lists the connected tools, then makes the given calls. */
class ScriptedAgent implements INodeType {
	description = {
		displayName: 'Scripted Agent',
		name: 'scriptedAgent',
		group: ['transform'],
		version: 1,
		description: 'Calls connected tools as a model would',
		defaults: { name: 'Agent' },
		inputs: [
			NodeConnectionTypes.Main,
			{ type: NodeConnectionTypes.AiTool, displayName: 'Tools', required: true },
		],
		outputs: [NodeConnectionTypes.Main],
		properties: [],
	} as INodeType['description'];

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const { convertToOpenAITool } = await import('@langchain/core/utils/function_calling');
		type Tool = { name: string; invoke(args: IDataObject): Promise<string> };
		const tools = (await this.getInputConnectionData(NodeConnectionTypes.AiTool, 0)) as Tool[];
		const offered = tools.map((tool) => {
			const { function: fn } = convertToOpenAITool(tool as never) as {
				function: { name: string; description: string; parameters: IDataObject };
			};
			return { name: fn.name, description: fn.description, parameters: fn.parameters };
		});
		const results: AgentRun['results'] = [];
		for (const call of this.getInputData()[0].json.calls as unknown as ToolCall[]) {
			const tool = tools.find((t) => t.name === call.tool);
			try {
				results.push({ tool: call.tool, result: await tool!.invoke(call.args) });
			} catch (error) {
				results.push({ tool: call.tool, error: (error as Error).message });
			}
		}
		return [[{ json: { offered, results } as unknown as IDataObject }]];
	}
}

/** A tool node: the node's parameters, where `$fromAI(…)` marks what the model fills in. */
export interface ToolNode {
	name: string;
	parameters: INode['parameters'];
	continueOnFail?: boolean;
}

/** Runs Manual Trigger → Agent with the tool nodes connected to it, and the agent's script. */
export async function runAgent(
	engine: Engine,
	toolNodes: ToolNode[],
	calls: ToolCall[],
): Promise<AgentRun> {
	const base = engine.package.nodes[NODE_TYPE];
	const withTools: Engine = {
		...engine,
		package: {
			...engine.package,
			nodes: {
				...engine.package.nodes,
				[TOOL_TYPE]: toolVariant(base),
				[AGENT_TYPE]: new ScriptedAgent(),
			},
		},
	};
	const credentialType = engine.package.credentials[0].name;
	const nodes: INode[] = [
		{
			id: 'agent',
			name: 'Agent',
			type: AGENT_TYPE,
			typeVersion: 1,
			position: [0, 0],
			parameters: {},
		},
		...toolNodes.map((tool, i) => ({
			id: `tool-${i}`,
			name: tool.name,
			type: TOOL_TYPE,
			typeVersion: 1,
			position: [0, 100 * (i + 1)] as [number, number],
			parameters: tool.parameters,
			credentials: { [credentialType]: { id: 'cred-1', name: 'Test credential' } },
			...(tool.continueOnFail ? { onError: 'continueRegularOutput' as const } : {}),
		})),
	];
	const connections = Object.fromEntries(
		toolNodes.map((tool) => [
			tool.name,
			{ ai_tool: [[{ node: 'Agent', type: 'ai_tool', index: 0 }]] },
		]),
	);
	const run = await runWorkflow(
		withTools,
		{ nodes, connections: connections as never },
		{
			node: 'Agent',
			items: [{ json: { calls } as unknown as IDataObject }],
		},
	);
	const error = run.data.resultData.error;
	if (error) throw error;
	return outputOf(run, 'Agent')[0].json as unknown as AgentRun;
}
