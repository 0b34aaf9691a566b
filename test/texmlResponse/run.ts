/**
 * Runs the Telnyx TeXML Response node through n8n-core's real WorkflowExecute, alone or behind a
 * Telnyx TeXML Answer Trigger whose item starts the run (as n8n runs a webhook's items), with the
 * execution's `sendResponse` hook recorded: what n8n's webhook server would answer the call with.
 */
import type {
	IDataObject,
	IExecuteResponsePromiseData,
	INode,
	INodeExecutionData,
	IRun,
} from 'n8n-workflow';

import { TelnyxTexmlAnswerTrigger } from '../../nodes/TelnyxTexmlAnswerTrigger/TelnyxTexmlAnswerTrigger.node';
import { parseXml, type XmlElement } from '../../sandbox';
import { outputOf, runWorkflow, type Engine } from '../support/engine';
import {
	ANSWER_TRIGGER_TYPE,
	answerTriggerNode,
	RESPONSE_NODE_TYPE,
	sourcePackage,
} from '../support/fixtures';

export { ANSWER_TRIGGER_TYPE };

export const TRIGGER_URL =
	'https://n8n.example.com/webhook/3f6c0d3e-8d7a-4f0e-9d38-1b2c3d4e5f60/voice';

export function responseEngine(): Engine {
	const { nodes, credentials } = sourcePackage();
	return {
		package: {
			nodes: { ...nodes, [ANSWER_TRIGGER_TYPE]: new TelnyxTexmlAnswerTrigger() },
			credentials,
		},
		credentials: {},
	};
}

/** A verb entry with its fields next to the Verb (the tests' shorthand). */
export type Verb = { verb: string } & IDataObject;

/** An entry as the editor stores it: the verb's fields in the holder named after the verb. */
export function stored({ verb, ...fields }: Verb): IDataObject {
	return Object.keys(fields).length ? { verb, [verb]: { fields } } : { verb };
}

export interface Build {
	/** The Verbs list; a plain array is wrapped as `{ verb: [...] }`. */
	verbs: Verb[] | IDataObject;
	items?: INodeExecutionData[];
	continueOnFail?: boolean;
	respondToCall?: boolean;
	options?: IDataObject;
	/** Starts the run at a Telnyx TeXML Answer Trigger with this item, the node behind it. */
	trigger?: IDataObject;
	/** Extra nodes and connections, e.g. a second trigger or a node between. */
	name?: string;
}

export interface Built {
	run: IRun;
	output: INodeExecutionData[];
	error?: Error;
	responses: IExecuteResponsePromiseData[];
	/** The first item's texml. */
	texml?: string;
}

const RESPONSE = 'Telnyx TeXML Response';
const TRIGGER = 'Answer Trigger';

export function responseNode(build: Build, name = RESPONSE): INode {
	return {
		id: 'response',
		name,
		type: RESPONSE_NODE_TYPE,
		typeVersion: 1,
		position: [200, 0],
		parameters: {
			verbs: (Array.isArray(build.verbs)
				? { verb: build.verbs.map(stored) }
				: build.verbs) as never,
			...(build.respondToCall === undefined ? {} : { respondToCall: build.respondToCall }),
			...(build.options ? { options: build.options as never } : {}),
		},
		...(build.continueOnFail ? { onError: 'continueRegularOutput' as const } : {}),
	};
}

export const triggerNode = (name = TRIGGER): INode =>
	answerTriggerNode('1568109700606592442', '3f6c0d3e-8d7a-4f0e-9d38-1b2c3d4e5f60', { name });

/** Runs `nodes` from `start` with `items`, recording what the run answers through sendResponse. */
export async function runRecorded(
	engine: Engine,
	file: { nodes: INode[]; connections: IDataObject },
	start: { node: string; items: INodeExecutionData[] },
): Promise<{ run: IRun; responses: IExecuteResponsePromiseData[] }> {
	const responses: IExecuteResponsePromiseData[] = [];
	const run = await runWorkflow(
		engine,
		file as never,
		start,
		(hooks) =>
			hooks.addHandler('sendResponse', async (response) => {
				responses.push(response);
			}),
		'webhook',
	);
	return { run, responses };
}

/** Builds TeXML with the node: alone on `items`, or behind an answer trigger that got `trigger`. */
export async function build(build: Build, engine = responseEngine()): Promise<Built> {
	const node = responseNode(build);
	const nodes = build.trigger ? [triggerNode(), node] : [node];
	const connections = build.trigger
		? { [TRIGGER]: { main: [[{ node: node.name, type: 'main', index: 0 }]] } }
		: {};
	const start = build.trigger
		? { node: TRIGGER, items: [{ json: build.trigger }] }
		: { node: node.name, items: build.items ?? [{ json: {} }] };
	const { run, responses } = await runRecorded(engine, { nodes, connections }, start);
	const output = outputOf(run, node.name);
	const first = output[0]?.json.texml;
	return {
		run,
		output,
		error: run.data.resultData.error,
		responses,
		texml: typeof first === 'string' ? first : undefined,
	};
}

/** An element as compact data: name, attributes, text, children; what the tests compare. */
export interface Shape {
	name: string;
	attributes?: Record<string, string>;
	text?: string;
	children?: Shape[];
}

export function shapeOf(element: XmlElement): Shape {
	return {
		name: element.name,
		...(Object.keys(element.attributes).length ? { attributes: element.attributes } : {}),
		...(element.text !== '' ? { text: element.text } : {}),
		...(element.children.length ? { children: element.children.map(shapeOf) } : {}),
	};
}

/**
 * The verbs of a TeXML document read by the sandbox's own XML reader (not the node's writer), after
 * checking the UTF-8 declaration and the single Response root.
 */
export function verbsOf(texml: string | undefined): Shape[] {
	expect(texml).toMatch(/^<\?xml version="1\.0" encoding="UTF-8"\?><Response[ />]/);
	const root = parseXml(texml!);
	expect(root.name).toBe('Response');
	return root.children.map(shapeOf);
}

/** Builds one verb and returns its element, as the sandbox reads it. */
export async function one(verb: Verb, more: Partial<Build> = {}): Promise<Shape> {
	const built = await build({ verbs: [verb], ...more });
	expect(built.error).toBeUndefined();
	const verbs = verbsOf(built.texml);
	expect(verbs).toHaveLength(1);
	return verbs[0];
}

/** Builds the verbs and returns the error message the run ended with. */
export async function refused(verbs: Verb[], more: Partial<Build> = {}): Promise<string> {
	const built = await build({ verbs, ...more });
	expect(built.output).toEqual([]);
	expect(built.responses).toEqual([]);
	return built.error?.message ?? '(no error)';
}
