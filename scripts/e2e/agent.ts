/**
 * n8n's AI Agent with the Telnyx tools and an OpenAI Chat Model whose Base URL is the scripted
 * model: a chat message goes in through the Chat Trigger's production URL, and the checks follow
 * the whole loop — what the model was offered, each tool call, the request it caused on the wire,
 * the tool result in the next model request, and the final answer.
 */
import type { Conference } from '../../sandbox/store';
import { TOOL_DESCRIPTIONS, type AiContext } from './ai-context';
import { expectEqual, expectTrue, type Checks } from './checks';
import {
	textOf,
	toolResultsOfTurn,
	type ChatMessage,
	type ChatRequest,
	type Script,
	type ToolCall,
} from './model';
import { conferencesIn, participantsIn, expectSimplified } from './records';
import { log } from './runtime';
import type { WorkflowFile } from './workflows';
import { WORLD } from './world';

const CHAT_TRIGGER = '@n8n/n8n-nodes-langchain.chatTrigger';

/** The `$fromAI` arguments of each agent tool (name → JSON type). */
const AGENT_TOOLS: Record<string, Record<string, string>> = {
	Call_into_conference: { to: 'string', conference_name: 'string', label: 'string' },
	Get_participant: { conference_sid: 'string', participant: 'string' },
	Hang_up_call: { call_sid: 'string' },
	List_live_conferences: {},
	List_participants: { conference_sid: 'string' },
	Mute_or_unmute_participant: { conference_sid: 'string', participant: 'string', muted: 'boolean' },
};

/** The tool results the model has for the current question, each with the tool that produced it. */
function namedResults(request: ChatRequest) {
	const names = new Map<string, string>();
	for (const message of request.messages) {
		for (const call of message.tool_calls ?? []) names.set(call.id, call.function.name);
	}
	return toolResultsOfTurn(request).map((m: ChatMessage) => ({
		tool: names.get(m.tool_call_id ?? '') ?? '?',
		text: textOf(m),
	}));
}

/**
 * A model that does what a capable one would with "mute everyone except the host in <name>":
 * find the conference, list its participants and look up the host by label, mute the others.
 * It reads only what the tool results say.
 */
function moderator(conferenceName: string): Script {
	return (request) => {
		const results = namedResults(request);
		const result = (tool: string) => results.find((r) => r.tool === tool)?.text ?? '';
		const had = (tool: string) => results.some((r) => r.tool === tool);
		if (!had('List_live_conferences'))
			return { toolCalls: [{ name: 'List_live_conferences', arguments: {} }] };
		const conference = conferencesIn(result('List_live_conferences')).find(
			(c) => c.friendly_name === conferenceName,
		);
		if (!conference)
			return { text: `I could not find ${conferenceName} among the live conferences.` };
		const conference_sid = String(conference.sid);
		if (!had('List_participants')) {
			return {
				toolCalls: [
					{ name: 'List_participants', arguments: { conference_sid } },
					{ name: 'Get_participant', arguments: { conference_sid, participant: 'host' } },
				],
			};
		}
		const mutes = results.filter((r) => r.tool === 'Mute_or_unmute_participant');
		if (mutes.length === 0) {
			const host = participantsIn(result('Get_participant'))[0];
			const everyone = participantsIn(result('List_participants'));
			const calls: ToolCall[] = everyone
				.filter((p) => p.call_sid !== host?.call_sid)
				.map((p) => ({
					name: 'Mute_or_unmute_participant',
					arguments: { conference_sid, participant: p.call_sid, muted: true },
				}));
			return calls.length
				? { toolCalls: calls }
				: { text: 'Nobody but the host is in the conference.' };
		}
		const muted = mutes.flatMap((r) => participantsIn(r.text)).filter((p) => p.muted === true);
		const failed = mutes.filter((r) => /error/i.test(r.text));
		return {
			text: `Muted ${muted.length} participants; the host stays unmuted.${failed.length ? ` ${failed.length} failed.` : ''}`,
		};
	};
}

function chatTriggerOf(workflow: WorkflowFile['workflow']) {
	return workflow.nodes.find((n) => n.type === CHAT_TRIGGER) as
		| { webhookId: string; parameters: { authentication?: string } }
		| undefined;
}

/** Sends one chat message to the workflow's Chat Trigger (production URL) and returns the agent's answer. */
async function chat(ai: AiContext, workflow: WorkflowFile['workflow'], message: string) {
	const trigger = chatTriggerOf(workflow);
	expectTrue(trigger, `${workflow.name} has no Chat Trigger`);
	const headers: Record<string, string> = { 'content-type': 'application/json' };
	if (trigger.parameters.authentication === 'n8nUserAuth') headers.cookie = ai.editor.cookieHeader;
	const res = await fetch(`${ai.url}/webhook/${trigger.webhookId}/chat`, {
		method: 'POST',
		headers,
		body: JSON.stringify({
			action: 'sendMessage',
			sessionId: `e2e-${Date.now()}`,
			chatInput: message,
		}),
	});
	const text = await res.text();
	expectEqual(res.status, 200, `chat answer status (${text.slice(0, 500)})`);
	return (JSON.parse(text) as { output?: string }).output;
}

/** A fresh conference for one conversation: a host and two guests, nobody muted. */
function addConference(ai: AiContext, name: string): Conference {
	return ai.sandbox.store.addConference(WORLD.accountSid, {
		friendlyName: name,
		participants: ['host', 'guest-a', 'guest-b'].map((label) => ({
			label,
			callSid: `v3:${name}-${label}`,
		})),
	});
}

/** Runs "mute everyone except the host" through a workflow and checks the loop end to end. */
async function moderate(ai: AiContext, workflow: WorkflowFile['workflow'], conferenceName: string) {
	const conference = addConference(ai, conferenceName);
	const participants = `/v2/texml/Accounts/${WORLD.accountSid}/Conferences/${conference.sid}/Participants`;
	ai.model.requests.length = 0;
	ai.model.script = moderator(conferenceName);
	ai.sandbox.requests.length = 0;
	const answer = await chat(ai, workflow, `In ${conferenceName}, mute everyone except the host.`);

	expectEqual(answer, 'Muted 2 participants; the host stays unmuted.', 'final answer');
	const requests = ai.model.requests;
	expectEqual(
		requests.length,
		4,
		'model requests (conferences, participants + host, mutes, answer)',
	);
	// Each request carries every result so far; what is new in each is what the last tool calls returned.
	const turns = requests.slice(1).map((r, i) =>
		namedResults(r)
			.slice(namedResults(requests[i]).length)
			.map((x) => x.tool)
			.sort(),
	);
	expectEqual(
		turns,
		[
			['List_live_conferences'],
			['Get_participant', 'List_participants'],
			['Mute_or_unmute_participant', 'Mute_or_unmute_participant'],
		],
		'tool results the model got back, turn by turn',
	);
	const telnyx = ai.sandbox.requests.filter((r) => r.url !== '/v2/whoami');
	expectEqual(
		telnyx
			.map((r) => [r.method, r.url.split('?')[0], r.body, r.headers.authorization, r.status])
			.sort(),
		[
			[
				'GET',
				`/v2/texml/Accounts/${WORLD.accountSid}/Conferences`,
				'',
				`Bearer ${WORLD.apiKey}`,
				200,
			],
			['GET', participants, '', `Bearer ${WORLD.apiKey}`, 200],
			['GET', `${participants}/host`, '', `Bearer ${WORLD.apiKey}`, 200],
			[
				'POST',
				`${participants}/v3:${conferenceName}-guest-a`,
				'Muted=true',
				`Bearer ${WORLD.apiKey}`,
				200,
			],
			[
				'POST',
				`${participants}/v3:${conferenceName}-guest-b`,
				'Muted=true',
				`Bearer ${WORLD.apiKey}`,
				200,
			],
		].sort(),
		'requests on the wire',
	);
	expectEqual(
		conference.participants.map((p) => [p.label, p.muted]),
		[
			['host', false],
			['guest-a', true],
			['guest-b', true],
		],
		'sandbox state',
	);
	const listResult =
		namedResults(requests[2]).find((r) => r.tool === 'List_participants')?.text ?? '';
	expectEqual(participantsIn(listResult).length, 3, 'participants in the List participants result');
	for (const request of requests) {
		expectTrue(!JSON.stringify(request).includes(WORLD.apiKey), 'the API key reached the model');
	}
	return { requests, listResult, whoami: ai.sandbox.requests.length - telnyx.length };
}

export async function runAgentChecks(checks: Checks, ai: AiContext) {
	const agents = ai.workflows.filter((w) => chatTriggerOf(w.workflow));
	const example = agents.find((w) => w.example)?.workflow;
	const raw = agents.find((w) => !w.example)?.workflow;
	if (!example || !raw) return;
	const seen: Record<string, number> = {};

	await checks.check(
		'agent (example): the model is offered the Telnyx tools with descriptions and JSON schemas',
		async () => {
			const { requests } = await moderate(ai, example, 'ai-standup');
			const tools = requests[0].tools ?? [];
			expectEqual(tools.map((t) => t.function.name).sort(), Object.keys(AGENT_TOOLS), 'tool names');
			for (const { function: tool } of tools) {
				const schema = tool.parameters as {
					properties?: Record<string, { type?: string }>;
					required?: string[];
				};
				const types = Object.fromEntries(
					Object.entries(schema.properties ?? {}).map(([k, v]) => [k, v.type]),
				);
				expectEqual(types, AGENT_TOOLS[tool.name], `${tool.name} parameters`);
				expectEqual(tool.description, TOOL_DESCRIPTIONS[tool.name], `${tool.name} description`);
				log(
					`model saw tool ${tool.name}: "${tool.description}" ${JSON.stringify(tool.parameters)}`,
				);
			}
			const system = requests[0].messages.find((m) => m.role === 'system');
			expectTrue(
				system && textOf(system).includes('moderate live Telnyx conferences'),
				'the system message did not reach the model',
			);
		},
	);

	await checks.check(
		'agent (example, Simplify on): "mute everyone except the host" lists, looks up the host and mutes the others',
		async () => {
			const { listResult, whoami } = await moderate(ai, example, 'ai-weekly');
			seen.example = listResult.length;
			for (const participant of participantsIn(listResult)) {
				expectSimplified(participant);
			}
			log(
				`agent loop (example): List participants result ${listResult.length} characters for 3 participants; ${whoami} account look-up(s)`,
			);
		},
	);

	await checks.check(
		"agent (Simplify off): the same loop; the model gets Telnyx's full participant records",
		async () => {
			const { listResult } = await moderate(ai, raw, 'ai-raw');
			seen.raw = listResult.length;
			const [first] = participantsIn(listResult);
			expectTrue(
				'uri' in first && 'date_created' in first,
				`raw participant lacks Telnyx fields: ${JSON.stringify(first)}`,
			);
			log(
				`agent loop (Simplify off): List participants result ${listResult.length} characters for 3 participants`,
			);
		},
	);

	await checks.check(
		'agent: an unknown participant reaches the model as an error (On Error: Continue), the run goes on',
		async () => {
			const conference = addConference(ai, 'ai-missing');
			ai.model.requests.length = 0;
			ai.sandbox.requests.length = 0;
			const wanted = {
				conference_sid: conference.sid,
				participant: 'v3:ai-missing-nobody',
				muted: true,
			};
			ai.model.script = (request) => {
				const results = namedResults(request);
				if (results.length === 0)
					return { toolCalls: [{ name: 'Mute_or_unmute_participant', arguments: wanted }] };
				return { text: `The mute failed: ${results[0].text}` };
			};
			const answer = await chat(ai, raw, 'Mute v3:ai-missing-nobody in ai-missing.');
			expectEqual(ai.model.requests.length, 2, 'model requests');
			const [result] = namedResults(ai.model.requests[1]);
			expectEqual(
				result?.tool,
				'Mute_or_unmute_participant',
				'the tool result in the second request',
			);
			expectTrue(
				/not found/i.test(result.text),
				`the tool result lacks "not found": ${result.text}`,
			);
			expectTrue(!result.text.includes(WORLD.apiKey), 'the error contains the API key');
			expectEqual(
				ai.sandbox.requests
					.filter((r) => r.url !== '/v2/whoami')
					.map((r) => [r.method, r.url, r.status]),
				[
					[
						'POST',
						`/v2/texml/Accounts/${WORLD.accountSid}/Conferences/${conference.sid}/Participants/v3:ai-missing-nobody`,
						404,
					],
				],
				'requests on the wire',
			);
			expectTrue(answer?.includes('not found'), `final answer: ${answer}`);
			log(`agent tool error as the model saw it: ${result.text}`);
		},
	);

	await checks.check(
		'agent: "call the supervisor into ai-escalation, then hang up" places the call, finds it by label and ends it',
		async () => {
			const name = 'ai-escalation';
			const conference = addConference(ai, name);
			ai.model.requests.length = 0;
			ai.sandbox.requests.length = 0;
			ai.model.script = (request) => {
				const results = namedResults(request);
				const result = (tool: string) => results.find((r) => r.tool === tool)?.text ?? '';
				const had = (tool: string) => results.some((r) => r.tool === tool);
				if (!had('Call_into_conference')) {
					const args = { to: '+13125550188', conference_name: name, label: 'supervisor' };
					return { toolCalls: [{ name: 'Call_into_conference', arguments: args }] };
				}
				if (!had('List_live_conferences'))
					return { toolCalls: [{ name: 'List_live_conferences', arguments: {} }] };
				const found = conferencesIn(result('List_live_conferences')).find(
					(c) => c.friendly_name === name,
				);
				if (!had('Get_participant')) {
					const args = { conference_sid: String(found?.sid), participant: 'supervisor' };
					return { toolCalls: [{ name: 'Get_participant', arguments: args }] };
				}
				const supervisor = participantsIn(result('Get_participant'))[0];
				if (!had('Hang_up_call')) {
					const args = { call_sid: String(supervisor?.call_sid) };
					return { toolCalls: [{ name: 'Hang_up_call', arguments: args }] };
				}
				return { text: `Called the supervisor in and hung up ${String(supervisor?.call_sid)}.` };
			};
			const answer = await chat(
				ai,
				example,
				`Call the supervisor at +13125550188 into ${name}, then hang up their call.`,
			);

			const supervisorCall = ai.sandbox.store.calls.calls.find((c) => c.to === '+13125550188');
			expectTrue(supervisorCall, 'no call was placed to the supervisor');
			expectEqual(
				answer,
				`Called the supervisor in and hung up ${supervisorCall.sid}.`,
				'final answer',
			);
			const telnyx = ai.sandbox.requests.filter((r) => r.url !== '/v2/whoami');
			const calls = `/v2/texml/Accounts/${WORLD.accountSid}/Calls`;
			expectEqual(
				telnyx.map((r) => [r.method, r.url.split('?')[0], r.status]),
				[
					['POST', calls, 200],
					['GET', `/v2/texml/Accounts/${WORLD.accountSid}/Conferences`, 200],
					[
						'GET',
						`/v2/texml/Accounts/${WORLD.accountSid}/Conferences/${conference.sid}/Participants/supervisor`,
						200,
					],
					['POST', `${calls}/${supervisorCall.sid}`, 200],
				],
				'requests on the wire',
			);
			expectEqual(telnyx[3].body, 'Status=completed', 'the hang-up body');
			expectEqual(supervisorCall.status, 'completed', 'the supervisor’s call ended');
			expectEqual(
				conference.participants.map((p) => p.label),
				['host', 'guest-a', 'guest-b'],
				'the conference after the hang-up',
			);
		},
	);

	await checks.check(
		'agent: a 200-participant list as the model gets it, Simplify on and off',
		async () => {
			const webinar = ai.sandbox.store.addConference(WORLD.accountSid, {
				friendlyName: 'ai-webinar',
				participants: Array.from({ length: 200 }, (_, i) => ({
					callSid: `v3:ai-webinar-${String(i).padStart(3, '0')}`,
				})),
			});
			ai.model.script = (request) => {
				const results = namedResults(request);
				if (results.length === 0)
					return {
						toolCalls: [{ name: 'List_participants', arguments: { conference_sid: webinar.sid } }],
					};
				return {
					text: `${participantsIn(results[0].text).length} participants are in ai-webinar.`,
				};
			};
			const sizes: number[] = [];
			for (const workflow of [example, raw]) {
				ai.model.requests.length = 0;
				const answer = await chat(ai, workflow, 'How many people are in ai-webinar?');
				expectEqual(
					answer,
					'200 participants are in ai-webinar.',
					`${workflow.name}: final answer`,
				);
				sizes.push(namedResults(ai.model.requests[1])[0].text.length);
			}
			expectTrue(
				sizes[0] * 3 < sizes[1],
				`Simplify should cut the result to under a third: on ${sizes[0]}, off ${sizes[1]}`,
			);
			log(
				`List participants result as the model got it, 200 participants: Simplify on ${sizes[0]} characters, off ${sizes[1]}`,
			);
		},
	);

	if (seen.example && seen.raw) {
		log(
			`List participants result as the model got it, 3 participants: Simplify on ${seen.example} characters, off ${seen.raw}`,
		);
	}
}
