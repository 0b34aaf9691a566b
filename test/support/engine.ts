/**
 * Runs workflows through n8n's real engine: n8n-core's WorkflowExecute → RoutingNode →
 * httpRequestWithAuthentication → real HTTP. Only what the n8n server would provide around it
 * (node and credential registries, credential decryption, URLs) is supplied here.
 */
import {
	DirectoryLoader,
	ExecuteContext,
	ExecutionLifecycleHooks,
	LoadOptionsContext,
	RoutingNode,
	WorkflowExecute,
} from 'n8n-core';
import { createRunExecutionData, NodeConnectionTypes, NodeHelpers, Workflow } from 'n8n-workflow';
import type {
	ICredentialDataDecryptedObject,
	ICredentialType,
	IDataObject,
	IExecuteFunctions,
	INode,
	INodeCredentialTestResult,
	INodeExecutionData,
	INodeType,
	INodeTypes,
	IRun,
	IVersionedNodeType,
	IWorkflowExecuteAdditionalData,
	IConnections,
} from 'n8n-workflow';

import { TestCredentialsHelper } from './credentials-helper';

/** n8n-nodes-base's Manual Trigger, the start of the example workflows: emits one empty item. */
class ManualTrigger implements INodeType {
	description = {
		displayName: 'Manual Trigger',
		name: 'manualTrigger',
		group: ['trigger'],
		version: 1,
		description: 'Starts the workflow',
		defaults: { name: 'Manual Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		properties: [],
	} as INodeType['description'];

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return [[{ json: {} }]];
	}
}

export interface Package {
	/** Node types by their full type name, e.g. `n8n-nodes-telnyx-texml.telnyxTexml`. */
	nodes: Record<string, INodeType>;
	credentials: ICredentialType[];
}

/** Loads a built package the way n8n does (PackageDirectoryLoader reads package.json's `n8n`). */
export async function loadPackage(directory: string): Promise<Package> {
	const { PackageDirectoryLoader } = await import('n8n-core');
	const loader = new PackageDirectoryLoader(directory);
	await loader.loadAll();
	return {
		nodes: Object.fromEntries(
			Object.entries(loader.nodeTypes).map(([name, { type }]) => [
				`${loader.packageName}.${name}`,
				type as INodeType,
			]),
		),
		credentials: Object.values(loader.credentialTypes).map(({ type }) => type),
	};
}

class NodeTypes implements INodeTypes {
	constructor(private readonly types: Record<string, INodeType | IVersionedNodeType>) {
		for (const type of Object.values(types)) {
			// The n8n loader adds "Options" (batching, proxy, timeout) to every declarative node.
			if (!('nodeVersions' in type)) DirectoryLoader.applyDeclarativeNodeOptionParameters(type);
		}
	}

	getByName(type: string) {
		return this.types[type];
	}

	getByNameAndVersion(type: string, version?: number): INodeType {
		const found = this.types[type];
		if (!found) throw new Error(`Unknown node type "${type}"`);
		return NodeHelpers.getVersionedNodeType(found, version);
	}

	getKnownTypes(): IDataObject {
		return {};
	}
}

export interface Engine {
	package: Package;
	/** Credential data by credential type, e.g. `{ telnyxTexmlApi: { apiKey, baseUrl } }`. */
	credentials: Record<string, ICredentialDataDecryptedObject>;
}

export function additionalData(
	engine: Engine,
	hooks?: ExecutionLifecycleHooks,
): IWorkflowExecuteAdditionalData {
	const base = 'http://127.0.0.1:5678';
	return {
		credentialsHelper: new TestCredentialsHelper(
			Object.fromEntries(engine.package.credentials.map((c) => [c.name, c])),
			engine.credentials,
		),
		hooks,
		executionId: `exec-${Math.random().toString(36).slice(2)}`,
		currentNodeExecutionIndex: 0,
		restApiUrl: `${base}/rest`,
		instanceBaseUrl: `${base}/`,
		formWaitingBaseUrl: `${base}/form-waiting`,
		webhookBaseUrl: `${base}/webhook`,
		webhookWaitingBaseUrl: `${base}/webhook-waiting`,
		webhookTestBaseUrl: `${base}/webhook-test`,
		variables: {},
		logAiEvent: () => {},
	} as unknown as IWorkflowExecuteAdditionalData;
}

export interface WorkflowFile {
	name?: string;
	nodes: INode[];
	connections: IConnections;
	/** The workflow's static data; n8n loads it with the workflow and saves what nodes change. */
	staticData?: IDataObject;
}

export function workflowOf(engine: Engine, file: WorkflowFile) {
	const nodeTypes = new NodeTypes({
		'n8n-nodes-base.manualTrigger': new ManualTrigger(),
		...engine.package.nodes,
	});
	return new Workflow({
		id: 'wf',
		name: file.name ?? 'workflow',
		nodes: file.nodes,
		connections: file.connections,
		active: false,
		nodeTypes,
		settings: { executionOrder: 'v1' },
		staticData: file.staticData,
	});
}

/**
 * Runs a whole workflow (as exported from n8n) from its start node, or from `start` with `items`.
 * The credentials each node names are resolved by type from `engine.credentials`.
 */
export async function runWorkflow(
	engine: Engine,
	file: WorkflowFile,
	/** `items` on the first output, or `main`: one list per output (a trigger with several). */
	start?: { node: string; items?: INodeExecutionData[]; main?: INodeExecutionData[][] },
	/** Adds handlers to the run's hooks, e.g. `sendResponse` as n8n's webhook server does. */
	withHooks?: (hooks: ExecutionLifecycleHooks) => void,
	/** `webhook` for a run a webhook started (n8n's webhook server runs it so). */
	mode: 'manual' | 'webhook' = 'manual',
): Promise<IRun> {
	const workflow = workflowOf(engine, file);
	const hooks = new ExecutionLifecycleHooks(mode, 'wf', {
		id: 'wf',
		name: workflow.name ?? 'workflow',
		active: false,
		activeVersionId: null,
		isArchived: false,
		createdAt: new Date(),
		updatedAt: new Date(),
		nodes: file.nodes,
		connections: file.connections,
	});
	withHooks?.(hooks);
	const startNode = start
		? workflow.getNode(start.node)!
		: file.nodes.find((n) => workflow.getParentNodes(n.name).length === 0)!;
	const runData = createRunExecutionData({
		executionData: {
			nodeExecutionStack: [
				{
					node: startNode,
					data: { main: start?.main ?? [start?.items ?? [{ json: {} }]] },
					source: null,
				},
			],
		},
	});
	return await new WorkflowExecute(
		additionalData(engine, hooks),
		mode,
		runData,
	).processRunExecutionData(workflow);
}

/** The output items of one node in a run (first run, first output). */
export function outputOf(run: IRun, nodeName: string): INodeExecutionData[] {
	return run.data.resultData.runData[nodeName]?.[0]?.data?.main?.[0] ?? [];
}

export interface SingleNode {
	type: string;
	parameters: INode['parameters'];
	credentialType?: string;
	continueOnFail?: boolean;
	name?: string;
}

/** Runs one node on the given input items, as if an upstream node had produced them. */
export async function runNode(
	engine: Engine,
	spec: SingleNode,
	items: INodeExecutionData[] = [{ json: {} }],
) {
	const name = spec.name ?? 'Node';
	const credentialType = spec.credentialType ?? engine.package.credentials[0].name;
	const node: INode = {
		id: 'node-1',
		name,
		type: spec.type,
		typeVersion: 1,
		position: [0, 0],
		parameters: spec.parameters,
		credentials: { [credentialType]: { id: 'cred-1', name: 'Test credential' } },
		...(spec.continueOnFail ? { onError: 'continueRegularOutput' as const } : {}),
	};
	const run = await runWorkflow(engine, { nodes: [node], connections: {} }, { node: name, items });
	return { run, output: outputOf(run, name), error: run.data.resultData.error };
}

/**
 * The credential test exactly as n8n's CredentialsTester runs it: the credential's `test.request`
 * as the routing of a copy of the node that uses it, through RoutingNode, mapped to OK / Error.
 */
export async function testCredential(
	engine: Engine,
	credentialType: string,
	nodeTypeName: string,
): Promise<INodeCredentialTestResult> {
	const credential = engine.package.credentials.find((c) => c.name === credentialType)!;
	const test = credential.test!;
	const nodeType = engine.package.nodes[nodeTypeName];
	const copy: INodeType = {
		description: {
			...nodeType.description,
			credentials: [{ name: credentialType, required: true }],
			properties: [
				{
					displayName: 'Temp',
					name: 'temp',
					type: 'string',
					routing: { request: test.request },
					default: '',
				},
			],
		},
	};
	const node: INode = {
		id: 'temp',
		name: 'Temp-Node',
		type: nodeTypeName,
		typeVersion: 1,
		position: [0, 0],
		parameters: {},
		credentials: { [credentialType]: { id: 'cred-1', name: 'Test credential' } },
	};
	const workflow = new Workflow({
		nodes: [node],
		connections: {},
		active: false,
		nodeTypes: new NodeTypes({ [nodeTypeName]: copy }),
	});
	const context = new ExecuteContext(
		workflow,
		node,
		additionalData(engine),
		'internal',
		createRunExecutionData({}),
		0,
		[],
		{ main: [[{ json: {} }]] },
		{ node, data: {}, source: null },
		[],
	);
	const decrypted = {
		id: 'cred-1',
		name: 'Test credential',
		type: credentialType,
		data: engine.credentials[credentialType],
	};
	try {
		await new RoutingNode(context, copy, decrypted).runNode();
	} catch (error) {
		const status = error.cause?.response?.status as number | undefined;
		if (status !== undefined) {
			const rule = test.rules?.find(
				(r) => r.type === 'responseCode' && r.properties.value === status,
			);
			if (rule && rule.type === 'responseCode')
				return { status: 'Error', message: rule.properties.message };
			return {
				status: 'Error',
				message: error.cause.response.statusText || `Received HTTP status code: ${status}`,
			};
		}
		return { status: 'Error', message: error.cause?.code ?? String(error.message) };
	}
	return { status: 'OK', message: 'Connection successful!' };
}

/**
 * What the n8n server builds to answer a resource locator's "From List" search: a LoadOptionsContext
 * for the node as currently edited (its parameters are `currentNodeParameters`).
 */
export function loadOptionsContext(
	engine: Engine,
	spec: SingleNode,
	path = 'parameters',
): LoadOptionsContext {
	const credentialType = spec.credentialType ?? engine.package.credentials[0].name;
	const node: INode = {
		id: 'node-1',
		name: spec.name ?? 'Node',
		type: spec.type,
		typeVersion: 1,
		position: [0, 0],
		parameters: spec.parameters,
		credentials: { [credentialType]: { id: 'cred-1', name: 'Test credential' } },
	};
	const workflow = workflowOf(engine, { nodes: [node], connections: {} });
	const data = { ...additionalData(engine), currentNodeParameters: spec.parameters };
	return new LoadOptionsContext(workflow, node, data, path);
}
