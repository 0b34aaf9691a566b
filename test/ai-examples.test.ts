import type { INode } from 'n8n-workflow';

import moderator from '../examples/ai-conference-moderator.workflow.json';
import mcp from '../examples/mcp-conference-control.workflow.json';
import { DEMO, seedDemo, startSandbox, type TexmlSandbox } from '../sandbox';
import { runNode, type Engine } from './support/engine';
import { sourcePackage } from './support/fixtures';
import { NODE_TYPE } from './support/texml';

/**
 * The AI examples: n8n runs each Telnyx tool as the plain node, with `$fromAI(...)` read from the
 * arguments the model sent. So the tools are checked here the same way: their parameters, run by
 * the engine on an item that holds a model's arguments, against the demo sandbox.
 */
const TOOL_TYPE = `${NODE_TYPE}Tool`;

interface WorkflowJson {
	nodes: Array<Omit<INode, 'parameters'> & { parameters: Record<string, unknown> }>;
	connections: Record<string, Record<string, Array<Array<{ node: string; type: string }>>>>;
}

const EXAMPLES: Array<[string, WorkflowJson, string, string[]]> = [
	[
		'mcp-conference-control',
		mcp as unknown as WorkflowJson,
		'MCP Server Trigger',
		[
			'call_sid',
			'conference_name',
			'conference_sid',
			'hold',
			'label',
			'muted',
			'participant',
			'to',
		],
	],
	[
		'ai-conference-moderator',
		moderator as unknown as WorkflowJson,
		'Conference moderator',
		['call_sid', 'conference_name', 'conference_sid', 'label', 'muted', 'participant', 'to'],
	],
];

const toolsOf = (workflow: WorkflowJson) => workflow.nodes.filter((n) => n.type === TOOL_TYPE);

/** Every `$fromAI('key', 'description', 'type')` in a node's parameters. */
function fromAiCalls(
	parameters: unknown,
): Array<{ key: string; description: string; type: string }> {
	const text = JSON.stringify(parameters);
	return [...text.matchAll(/\$fromAI\('([^']*)', '([^']*)', '([^']*)'\)/g)].map(
		([, key, description, type]) => ({
			key,
			description,
			type,
		}),
	);
}

describe.each(EXAMPLES)('examples/%s.workflow.json', (_name, workflow, target, keys) => {
	it('connects every Telnyx tool to its MCP server or agent, with the Telnyx credential', () => {
		const tools = toolsOf(workflow);
		expect(tools.length).toBeGreaterThanOrEqual(4);
		for (const tool of tools) {
			expect(workflow.connections[tool.name]).toEqual({
				ai_tool: [[{ node: target, type: 'ai_tool', index: 0 }]],
			});
			expect(Object.keys(tool.credentials ?? {})).toEqual(['telnyxTexmlApi']);
		}
	});

	it('simplifies every tool result, so a model gets the fields it acts on instead of ~20 per record', () => {
		for (const tool of toolsOf(workflow).filter((t) => t.parameters.operation !== 'delete')) {
			expect([tool.name, tool.parameters.simplify]).toEqual([tool.name, true]);
		}
	});

	it('uses valid $fromAI keys of one type each, and only operations the node has', () => {
		const node = sourcePackage().nodes[NODE_TYPE];
		const properties = node.description.properties;
		const types = new Map<string, string>();
		for (const tool of toolsOf(workflow)) {
			const { resource, operation } = tool.parameters as { resource: string; operation: string };
			const operations = properties.find(
				(p) => p.name === 'operation' && p.displayOptions?.show?.resource?.includes(resource),
			);
			expect(operations?.options?.map((o) => (o as { value: string }).value)).toContain(operation);
			for (const call of fromAiCalls(tool.parameters)) {
				expect(call.key).toMatch(/^[a-zA-Z0-9_-]{1,64}$/);
				expect(['string', 'number', 'boolean', 'json']).toContain(call.type);
				expect(call.description.length).toBeGreaterThan(10);
				expect(types.get(call.key) ?? call.type).toBe(call.type);
				types.set(call.key, call.type);
			}
		}
		expect([...types.keys()].sort()).toEqual(keys);
	});
});

describe('the AI examples’ tools run with a model’s arguments', () => {
	let sandbox: TexmlSandbox;
	let engine: Engine;
	beforeEach(async () => {
		sandbox = await startSandbox({ account: DEMO.account });
		seedDemo(sandbox.store);
		engine = {
			package: sourcePackage(),
			credentials: { telnyxTexmlApi: { apiKey: DEMO.account.apiKey, baseUrl: sandbox.baseUrl } },
		};
	});
	afterEach(() => sandbox.close());

	const participants = `/v2/texml/Accounts/${DEMO.account.sid}/Conferences/${DEMO.conference.sid}/Participants`;
	const guest = DEMO.participants[1].callSid;
	const cases: Array<[string, Record<string, unknown>, WorkflowJson, string, string]> = [
		[
			'List live conferences',
			{},
			mcp as unknown as WorkflowJson,
			'GET',
			`/v2/texml/Accounts/${DEMO.account.sid}/Conferences?Status=in-progress`,
		],
		[
			'List participants',
			{ conference_sid: DEMO.conference.sid },
			mcp as unknown as WorkflowJson,
			'GET',
			participants,
		],
		[
			'Mute or unmute participant',
			{ conference_sid: DEMO.conference.sid, participant: guest, muted: true },
			mcp as unknown as WorkflowJson,
			'POST',
			`${participants}/${guest} Muted=true`,
		],
		[
			'Mute or unmute participant',
			{ conference_sid: DEMO.conference.sid, participant: guest, muted: false },
			mcp as unknown as WorkflowJson,
			'POST',
			`${participants}/${guest} Muted=false`,
		],
		[
			'Hold or resume participant',
			{ conference_sid: DEMO.conference.sid, participant: 'guest-2', hold: true },
			mcp as unknown as WorkflowJson,
			'POST',
			`${participants}/guest-2 Hold=true&HoldMethod=GET&HoldUrl=https%3A%2F%2Fexample.com%2Fhold-music.mp3`,
		],
		[
			'Remove participant',
			{ conference_sid: DEMO.conference.sid, participant: 'guest-2' },
			mcp as unknown as WorkflowJson,
			'DELETE',
			`${participants}/guest-2`,
		],
		[
			'Call into conference',
			{ to: '+13125550177', conference_name: DEMO.conference.friendlyName, label: 'supervisor' },
			mcp as unknown as WorkflowJson,
			'POST',
			`/v2/texml/Accounts/${DEMO.account.sid}/Calls ${JSON.stringify({
				From: '+13125550100',
				To: '+13125550177',
				ApplicationSid: DEMO.application.id,
				Texml: `<Response><Dial><Conference participantLabel="supervisor">${DEMO.conference.friendlyName}</Conference></Dial></Response>`,
			})}`,
		],
		[
			'Get participant',
			{ conference_sid: DEMO.conference.sid, participant: 'host' },
			moderator as unknown as WorkflowJson,
			'GET',
			`${participants}/host`,
		],
	];

	it.each(cases)(
		'%s %j sends the request the arguments ask for',
		async (toolName, args, workflow, method, expected) => {
			const tool = toolsOf(workflow).find((t) => t.name === toolName);
			expect(tool).toBeDefined();
			const { output, error } = await runNode(
				engine,
				{ type: NODE_TYPE, name: toolName, parameters: tool!.parameters as never },
				[{ json: args as never }],
			);

			expect(error).toBeUndefined();
			const texml = sandbox.requests.filter((r) => r.url !== '/v2/whoami');
			expect(texml.map((r) => `${r.method} ${[r.url, r.body].filter(Boolean).join(' ')}`)).toEqual([
				`${method} ${expected}`,
			]);
			expect(texml[0].status).toBeLessThan(300);
			expect(output.length).toBeGreaterThan(0);
			// Simplified records: no Telnyx URIs or account data reach the model.
			for (const item of output) expect(item.json).not.toHaveProperty('uri');
		},
	);
});

describe('the Hang up call tool ends the call a model names by call_sid', () => {
	let sandbox: TexmlSandbox;
	beforeEach(async () => {
		sandbox = await startSandbox({ account: DEMO.account });
		seedDemo(sandbox.store);
	});
	afterEach(() => sandbox.close());

	it.each([
		['mcp-conference-control', mcp as unknown as WorkflowJson],
		['ai-conference-moderator', moderator as unknown as WorkflowJson],
	])(
		'%s: the supervisor called in is hung up and leaves the conference',
		async (_name, workflow) => {
			const engine: Engine = {
				package: sourcePackage(),
				credentials: { telnyxTexmlApi: { apiKey: DEMO.account.apiKey, baseUrl: sandbox.baseUrl } },
			};
			const tool = (name: string) => toolsOf(workflow).find((t) => t.name === name)!;
			const called = await runNode(
				engine,
				{
					type: NODE_TYPE,
					name: 'Call into conference',
					parameters: tool('Call into conference').parameters as never,
				},
				[
					{
						json: {
							to: '+13125550177',
							conference_name: 'escalation',
							label: 'supervisor',
						} as never,
					},
				],
			);
			expect(called.error).toBeUndefined();
			const conference = sandbox.store.conferences.find((c) => c.friendlyName === 'escalation')!;
			const supervisor = conference.participants.find((p) => p.label === 'supervisor')!;

			const { output, error } = await runNode(
				engine,
				{
					type: NODE_TYPE,
					name: 'Hang up call',
					parameters: tool('Hang up call').parameters as never,
				},
				[{ json: { call_sid: supervisor.callSid } as never }],
			);

			expect(error).toBeUndefined();
			const last = sandbox.requests[sandbox.requests.length - 1];
			expect([last.method, last.url, last.body]).toEqual([
				'POST',
				`/v2/texml/Accounts/${DEMO.account.sid}/Calls/${supervisor.callSid}`,
				'Status=completed',
			]);
			expect(output[0].json).toMatchObject({ sid: supervisor.callSid, status: 'completed' });
			expect(output[0].json).not.toHaveProperty('uri');
			expect(conference.participants).toEqual([]);
		},
	);
});
