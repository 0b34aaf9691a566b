/**
 * examples/ai-receptionist.workflow.json where the engine can run it: n8n's AI Agent, Switch, Set
 * and IF are not part of this package (the e2e runs the whole example in the real app). Here: its
 * nodes and credentials fit together and match the other AI examples; its Telnyx tool, run with a
 * model's (empty) arguments, lists the live conferences; and its first answer, built by the
 * example's own Response node behind the real answer trigger, asks for the meeting by speech and
 * sends the words — or the silence — back to the trigger.
 */
import type { INode } from 'n8n-workflow';

import moderator from '../examples/ai-conference-moderator.workflow.json';
import receptionist from '../examples/ai-receptionist.workflow.json';
import { TelnyxTexmlAnswerTrigger } from '../nodes/TelnyxTexmlAnswerTrigger/TelnyxTexmlAnswerTrigger.node';
import { answerTriggerProperties } from '../nodes/TelnyxTexmlAnswerTrigger/description';
import { DEMO, seedDemo, startSandbox, type TexmlSandbox } from '../sandbox';
import { startAnswerServer, type AnswerServer } from './support/answering';
import { runNode, type Engine, type WorkflowFile } from './support/engine';
import { ANSWER_TRIGGER_TYPE, sourcePackage } from './support/fixtures';
import { NODE_TYPE } from './support/texml';

interface ExampleNode extends Omit<INode, 'parameters'> {
	parameters: Record<string, unknown>;
}
interface ExampleFile {
	nodes: ExampleNode[];
	connections: Record<string, Record<string, Array<Array<{ node: string; type: string }>>>>;
}

const example = receptionist as unknown as ExampleFile;
const node = (name: string) => example.nodes.find((n) => n.name === name)!;
const ofType = (file: ExampleFile, type: string) => file.nodes.filter((n) => n.type === type);
const RESPONSE_TYPE = 'n8n-nodes-telnyx-texml.telnyxTexmlResponse';

describe('examples/ai-receptionist.workflow.json: its nodes fit together', () => {
	it('connects only nodes it has; every route of Route Call and Meeting Found? leads somewhere', () => {
		const names = new Set(example.nodes.map((n) => n.name));
		for (const [from, outputs] of Object.entries(example.connections)) {
			expect(names.has(from)).toBe(true);
			for (const target of Object.values(outputs).flat(2))
				expect(names.has(target.node)).toBe(true);
		}
		expect(example.connections['Route Call'].main.map((o) => o.map((c) => c.node))).toEqual([
			['Ask for Meeting'],
			['Receptionist'],
			['Ask Again'],
			['Goodbye'],
		]);
		expect(example.connections['Meeting Found?'].main.map((o) => o.map((c) => c.node))).toEqual([
			['Connect to Meeting'],
			['No Such Meeting'],
		]);
	});

	it('answers the Reception line within 15 seconds, a budget the trigger allows, and says why', () => {
		const trigger = node('Incoming Call');
		expect(trigger.type).toBe(ANSWER_TRIGGER_TYPE);
		expect(trigger.parameters.application).toMatchObject({ value: DEMO.reception.id });
		const budget = answerTriggerProperties.find((p) => p.name === 'budgetSeconds')!;
		expect(trigger.parameters.budgetSeconds).toBe(15);
		expect(15).toBeGreaterThan(budget.default as number);
		expect(15).toBeLessThanOrEqual(budget.typeOptions!.maxValue!);
		expect(String(node('Sticky Note').parameters.content)).toContain('**Answer Within (Seconds)**');
	});

	it('gives the agent the caller’s words, a chat model and the live-conference tool, with the AI examples’ credentials', () => {
		const agent = node('Receptionist');
		expect(agent.type).toBe('@n8n/n8n-nodes-langchain.agent');
		expect(agent.parameters).toMatchObject({
			promptType: 'define',
			text: '={{ $json.SpeechResult }}',
		});
		expect(String((agent.parameters.options as { systemMessage: string }).systemMessage)).toMatch(
			/exactly the friendly_name .* answer NONE\.$/s,
		);
		const models = ofType(example, '@n8n/n8n-nodes-langchain.lmChatOpenAi');
		const tools = ofType(example, `${NODE_TYPE}Tool`);
		expect(models.map((m) => m.name)).toEqual(['OpenAI Chat Model']);
		expect(tools.map((t) => t.name)).toEqual(['List live conferences']);
		expect(example.connections['OpenAI Chat Model']).toEqual({
			ai_languageModel: [[{ node: 'Receptionist', type: 'ai_languageModel', index: 0 }]],
		});
		expect(example.connections['List live conferences']).toEqual({
			ai_tool: [[{ node: 'Receptionist', type: 'ai_tool', index: 0 }]],
		});
		const theirs = moderator as unknown as ExampleFile;
		expect(models[0].credentials).toEqual(
			ofType(theirs, '@n8n/n8n-nodes-langchain.lmChatOpenAi')[0].credentials,
		);
		const telnyx = ofType(theirs, `${NODE_TYPE}Tool`)[0].credentials;
		for (const n of example.nodes.filter((x) => x.credentials?.telnyxTexmlApi))
			expect([n.name, n.credentials]).toEqual([n.name, telnyx]);
		expect(tools[0].parameters).toMatchObject({
			descriptionType: 'auto',
			resource: 'conference',
			operation: 'getAll',
			filters: { status: 'in-progress' },
			simplify: true,
		});
	});

	it('answers every route with a Telnyx TeXML Response; none leaves the caller in silence', () => {
		const responses = ofType(example, RESPONSE_TYPE);
		expect(responses.map((r) => r.name).sort()).toEqual(
			['Ask Again', 'Ask for Meeting', 'Connect to Meeting', 'Goodbye', 'No Such Meeting'].sort(),
		);
		for (const response of responses) {
			const verbs = (response.parameters.verbs as { verb: Array<{ verb: string }> }).verb;
			expect([response.name, verbs.some((v) => ['say', 'gather'].includes(v.verb))]).toEqual([
				response.name,
				true,
			]);
		}
	});
});

describe('examples/ai-receptionist.workflow.json: the tool and the first answer, run by the engine', () => {
	let sandbox: TexmlSandbox;
	let server: AnswerServer | undefined;
	let engine: Engine;
	beforeEach(async () => {
		sandbox = await startSandbox({ account: DEMO.account });
		seedDemo(sandbox.store);
		const pkg = sourcePackage();
		engine = {
			package: {
				...pkg,
				nodes: { ...pkg.nodes, [ANSWER_TRIGGER_TYPE]: new TelnyxTexmlAnswerTrigger() },
			},
			credentials: {
				telnyxTexmlApi: {
					apiKey: DEMO.account.apiKey,
					baseUrl: sandbox.baseUrl,
					publicKey: sandbox.publicKey,
				},
			},
		};
	});
	afterEach(async () => {
		await server?.close();
		server = undefined;
		await sandbox.close();
	});

	it('List live conferences, called with no arguments, asks Telnyx for the in-progress conferences', async () => {
		const tool = node('List live conferences');
		const { output, error } = await runNode(
			engine,
			{ type: NODE_TYPE, name: tool.name, parameters: tool.parameters as never },
			[{ json: {} }],
		);

		expect(error).toBeUndefined();
		expect(
			sandbox.requests.filter((r) => r.url !== '/v2/whoami').map((r) => [r.method, r.url]),
		).toEqual([['GET', `/v2/texml/Accounts/${DEMO.account.sid}/Conferences?Status=in-progress`]]);
		expect(output.map((o) => o.json.friendly_name)).toEqual([DEMO.conference.friendlyName]);
		for (const item of output) expect(item.json).not.toHaveProperty('uri');
	});

	/** The Reception line answered by the example's trigger and its Ask for Meeting node. */
	async function ringReception(inputs: Array<{ speech: string } | { silence: true }>) {
		const file = {
			nodes: [node('Incoming Call'), node('Ask for Meeting')],
			connections: {
				'Incoming Call': { main: [[{ node: 'Ask for Meeting', type: 'main', index: 0 }]] },
			},
		} as unknown as WorkflowFile;
		server = await startAnswerServer(engine, file, 'Incoming Call');
		const reception = sandbox.store.calls.application(DEMO.account.sid, DEMO.reception.id)!;
		// What activation does in n8n: the application's Voice URL is the trigger's.
		reception.voiceUrl = server.url;
		reception.voiceMethod = 'post';
		// Two requests: the call, then what the Gather heard (or the Redirect after silence).
		return sandbox.ring({
			applicationId: DEMO.reception.id,
			from: '+13125550131',
			to: '+13125550100',
			inputs,
			maxRequests: 2,
		});
	}

	it('asks "Which meeting would you like to join?" by speech; the words go back to the trigger as a gather', async () => {
		const call = await ringReception([{ speech: 'the weekly sync please' }]);
		const url = server!.url;
		expect(call.requests.map((r) => [r.reason, r.url, r.status, r.contentType])).toEqual([
			['voice', url, 200, 'application/xml; charset=utf-8'],
			['gather', `${url}?event=gather`, 200, 'application/xml; charset=utf-8'],
		]);
		expect(call.requests[0].answer).toBe(
			'<?xml version="1.0" encoding="UTF-8"?><Response>' +
				`<Gather action="${url}?event=gather" input="speech" speechTimeout="auto" timeout="5">` +
				'<Say>Which meeting would you like to join?</Say></Gather>' +
				`<Redirect method="POST">${url}?event=redirect&amp;attempt=1</Redirect></Response>`,
		);
		expect(call.requests[1].fields).toMatchObject({
			SpeechResult: 'the weekly sync please',
			From: '+13125550131',
		});
		const [first] = await Promise.all(server!.answered.map((a) => a.run));
		expect(first?.data.resultData.error).toBeUndefined();
	});

	it('after silence the call is redirected back to the trigger with attempt=1 (then asked again)', async () => {
		const call = await ringReception([{ silence: true }]);
		expect(call.requests.map((r) => [r.reason, r.url.replace(server!.url, 'TRIGGER')])).toEqual([
			['voice', 'TRIGGER'],
			['redirect', 'TRIGGER?event=redirect&attempt=1'],
		]);
		expect(call.played.filter((p) => p.verb === 'Gather').map((p) => p.heard)).toEqual([
			undefined,
			undefined,
		]);
	});
});
