/**
 * The shipped MCP example, live: n8n's MCP Server Trigger (streamable HTTP, bearer token) serves
 * the Telnyx tools, and the official MCP TypeScript SDK client lists and calls them the way a
 * desktop assistant does. Each call is checked on the sandbox's wire and in the result the
 * client got.
 */
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';

import type { RecordedRequest } from '../../sandbox';
import { AI_CREDENTIALS, TOOL_DESCRIPTIONS, type AiContext } from './ai-context';
import { expectEqual, expectTrue, type Checks } from './checks';
import { conferencesIn, participantsIn, expectSimplified } from './records';
import { log } from './runtime';
import { WORLD } from './world';

const MCP_TRIGGER = '@n8n/n8n-nodes-langchain.mcpTrigger';

/** The tools the example exposes and the `$fromAI` arguments each one takes (name → JSON type). */
const EXPECTED_TOOLS: Record<string, Record<string, string>> = {
	List_live_conferences: {},
	List_participants: { conference_sid: 'string' },
	Mute_or_unmute_participant: { conference_sid: 'string', participant: 'string', muted: 'boolean' },
	Hold_or_resume_participant: { conference_sid: 'string', participant: 'string', hold: 'boolean' },
	Remove_participant: { conference_sid: 'string', participant: 'string' },
	Call_into_conference: { to: 'string', conference_name: 'string', label: 'string' },
	Hang_up_call: { call_sid: 'string' },
};

interface ToolResult {
	isError?: boolean;
	content?: Array<{ type: string; text?: string }>;
}

const textOf = (result: ToolResult) => (result.content ?? []).map((c) => c.text ?? '').join('\n');

/** The requests a step sent, without the account look-up (`GET /v2/whoami`), which is checked apart. */
function telnyxCalls(requests: RecordedRequest[]) {
	const whoami = requests.filter((r) => r.url === '/v2/whoami');
	for (const r of whoami) {
		expectEqual(
			[r.method, r.headers.authorization, r.status],
			['GET', `Bearer ${WORLD.apiKey}`, 200],
			'account look-up',
		);
	}
	return requests.filter((r) => r.url !== '/v2/whoami');
}

/** Waits until n8n has registered the production MCP endpoint (newer n8n does so after activation answers). */
async function waitForEndpoint(url: string) {
	const deadline = Date.now() + 20_000;
	for (;;) {
		const res = await fetch(url, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: '{}',
		});
		if (res.status !== 404 || Date.now() > deadline) return res;
		await new Promise((resolve) => setTimeout(resolve, 250));
	}
}

export async function runMcpChecks(checks: Checks, ai: AiContext) {
	const example = ai.workflows.find(
		(w) => w.example && w.workflow.nodes.some((n) => n.type === MCP_TRIGGER),
	);
	if (!example) return;
	const trigger = example.workflow.nodes.find((n) => n.type === MCP_TRIGGER) as {
		parameters?: { path?: string };
	};
	const endpoint = `${ai.url}/mcp/${trigger.parameters?.path}`;
	const { sandbox } = ai;
	const client = new Client({ name: 'e2e-desktop-assistant', version: '1.0.0' });
	const results: string[] = [];
	const call = async (name: string, args: Record<string, unknown>) => {
		sandbox.requests.length = 0;
		const result = (await client.callTool({ name, arguments: args })) as ToolResult;
		results.push(textOf(result));
		return { result, requests: telnyxCalls([...sandbox.requests]) };
	};

	// A conference of its own, so the checks do not depend on what earlier cases did to the demo one.
	const conference = sandbox.store.addConference(WORLD.accountSid, {
		friendlyName: 'mcp-standup',
		participants: [
			{ label: 'host', callSid: 'v3:mcp-host-4hQ7wZ' },
			{ label: 'dana', callSid: 'v3:mcp-dana-8kP2xR' },
			{ label: 'eli', callSid: 'v3:mcp-eli-3nV6tY' },
		],
	});
	const participants = `/v2/texml/Accounts/${WORLD.accountSid}/Conferences/${conference.sid}/Participants`;
	const state = (label: string) => conference.participants.find((p) => p.label === label);

	await checks.check('mcp: the endpoint refuses a client without the bearer token', async () => {
		const res = await waitForEndpoint(endpoint);
		expectTrue(res.status === 401 || res.status === 403, `answer without a token: ${res.status}`);
	});

	const connected = await checks.check(
		'mcp: the SDK client connects over streamable HTTP',
		async () => {
			const transport = new StreamableHTTPClientTransport(new URL(endpoint), {
				requestInit: { headers: { Authorization: `Bearer ${AI_CREDENTIALS.mcpBearer.token}` } },
			});
			await client.connect(transport);
		},
	);
	if (!connected) return;

	try {
		await checks.check(
			'mcp: tools/list offers the Telnyx tools with descriptions and $fromAI schemas',
			async () => {
				const { tools } = await client.listTools();
				expectEqual(
					tools.map((t) => t.name).sort(),
					Object.keys(EXPECTED_TOOLS).sort(),
					'tool names',
				);
				for (const tool of tools) {
					const schema = tool.inputSchema as {
						properties?: Record<string, { type?: string }>;
						required?: string[];
					};
					const types = Object.fromEntries(
						Object.entries(schema.properties ?? {}).map(([k, v]) => [k, v.type]),
					);
					expectEqual(types, EXPECTED_TOOLS[tool.name], `${tool.name} input schema`);
					expectEqual(
						[...(schema.required ?? [])].sort(),
						Object.keys(EXPECTED_TOOLS[tool.name]).sort(),
						`${tool.name} required`,
					);
					expectEqual(tool.description, TOOL_DESCRIPTIONS[tool.name], `${tool.name} description`);
					log(
						`MCP tool ${tool.name}: "${tool.description}" ${JSON.stringify(schema.properties ?? {})}`,
					);
				}
			},
		);

		await checks.check('mcp: list live conferences, then the participants of one', async () => {
			const live = await call('List_live_conferences', {});
			expectTrue(!live.result.isError, `tool error: ${textOf(live.result)}`);
			expectEqual(
				live.requests.map((r) => [r.method, r.url.split('?')[0], r.status]),
				[['GET', `/v2/texml/Accounts/${WORLD.accountSid}/Conferences`, 200]],
				'requests',
			);
			expectEqual(
				new URLSearchParams(live.requests[0].url.split('?')[1]).get('Status'),
				'in-progress',
				'Status filter',
			);
			const found = conferencesIn(textOf(live.result)).find(
				(c) => c.friendly_name === 'mcp-standup',
			);
			expectEqual(found?.sid, conference.sid, 'the conference in the result');

			const listed = await call('List_participants', { conference_sid: conference.sid });
			expectTrue(!listed.result.isError, `tool error: ${textOf(listed.result)}`);
			expectEqual(
				listed.requests.map((r) => [r.method, r.url.split('?')[0], r.status]),
				[['GET', participants, 200]],
				'requests',
			);
			const records = participantsIn(textOf(listed.result));
			expectEqual(
				records.map((p) => p.call_sid),
				conference.participants.map((p) => p.callSid),
				'participants in the result',
			);
			for (const record of records) {
				expectSimplified(record);
			}
			log(
				`MCP List_participants result: ${textOf(listed.result).length} characters for ${conference.participants.length} participants`,
			);
		});

		await checks.check(
			'mcp: mute, unmute, hold and remove send exactly the expected requests',
			async () => {
				const dana = state('dana')?.callSid ?? '';
				const eli = state('eli')?.callSid ?? '';
				const steps: Array<[string, Record<string, unknown>, string, string, string]> = [
					['Mute_or_unmute_participant', { muted: true }, dana, 'POST', 'Muted=true'],
					['Mute_or_unmute_participant', { muted: false }, dana, 'POST', 'Muted=false'],
					[
						'Hold_or_resume_participant',
						{ hold: true },
						eli,
						'POST',
						'Hold=true&HoldMethod=GET&HoldUrl=https%3A%2F%2Fexample.com%2Fhold-music.mp3',
					],
					['Remove_participant', {}, 'eli', 'DELETE', ''],
				];
				for (const [tool, args, who, method, body] of steps) {
					const { result, requests } = await call(tool, {
						conference_sid: conference.sid,
						participant: who,
						...args,
					});
					expectTrue(!result.isError, `${tool} tool error: ${textOf(result)}`);
					expectEqual(
						requests.map((r) => [r.method, r.url, r.body, r.headers.authorization, r.status]),
						[
							[
								method,
								`${participants}/${who}`,
								body,
								`Bearer ${WORLD.apiKey}`,
								method === 'DELETE' ? 204 : 200,
							],
						],
						`${tool} ${JSON.stringify(args)} on the wire`,
					);
					if (method === 'POST')
						expectEqual(participantsIn(textOf(result))[0]?.call_sid, who, `${tool} result`);
				}
				expectEqual(
					conference.participants.map((p) => [p.label, p.muted, p.hold]),
					[
						['host', false, false],
						['dana', false, false],
					],
					'sandbox state (eli removed)',
				);
			},
		);

		await checks.check(
			'mcp: call the supervisor into the conference by name, then hang up that call',
			async () => {
				const before = conference.participants.map((p) => p.callSid);
				const placed = await call('Call_into_conference', {
					to: '+13125550177',
					conference_name: 'mcp-standup',
					label: 'supervisor',
				});
				expectTrue(!placed.result.isError, `tool error: ${textOf(placed.result)}`);
				expectEqual(
					placed.requests.map((r) => [r.method, r.url, r.headers['content-type'], r.status]),
					[['POST', `/v2/texml/Accounts/${WORLD.accountSid}/Calls`, 'application/json', 200]],
					'requests',
				);
				expectEqual(
					JSON.parse(placed.requests[0].body).Texml,
					'<Response><Dial><Conference participantLabel="supervisor">mcp-standup</Conference></Dial></Response>',
					'the TeXML the node wrote',
				);
				const supervisor = state('supervisor');
				expectTrue(supervisor, 'the supervisor is not in mcp-standup');
				expectEqual(supervisor.dial?.to, '+13125550177', 'the number called');

				const listed = await call('List_participants', { conference_sid: conference.sid });
				const newcomer = participantsIn(textOf(listed.result)).find(
					(p) => !before.includes(String(p.call_sid)),
				);
				expectEqual(newcomer?.call_sid, supervisor.callSid, 'the new participant in the list');
				const ended = await call('Hang_up_call', { call_sid: newcomer?.call_sid });
				expectTrue(!ended.result.isError, `tool error: ${textOf(ended.result)}`);
				expectEqual(
					ended.requests.map((r) => [r.method, r.url, r.body, r.status]),
					[
						[
							'POST',
							`/v2/texml/Accounts/${WORLD.accountSid}/Calls/${supervisor.callSid}`,
							'Status=completed',
							200,
						],
					],
					'requests',
				);
				expectEqual(state('supervisor'), undefined, 'the supervisor left the conference');
				log(`MCP Call_into_conference result: ${textOf(placed.result)}`);
			},
		);

		await checks.check(
			'mcp: an unknown participant is a tool error with Telnyx\'s "not found"; the next call works',
			async () => {
				const missing = await call('Mute_or_unmute_participant', {
					conference_sid: conference.sid,
					participant: 'v3:mcp-nobody',
					muted: true,
				});
				expectEqual(missing.result.isError, true, `isError (result: ${textOf(missing.result)})`);
				expectTrue(
					/not found/i.test(textOf(missing.result)),
					`the error lacks "not found": ${textOf(missing.result)}`,
				);
				expectEqual(
					missing.requests.map((r) => [r.url, r.status]),
					[[`${participants}/v3:mcp-nobody`, 404]],
					'requests',
				);
				// n8n 2.8 appends the stack trace; the log keeps what precedes it.
				log(`MCP tool error text: ${textOf(missing.result).split('\n    at ')[0]}`);

				const next = await call('Mute_or_unmute_participant', {
					conference_sid: conference.sid,
					participant: 'host',
					muted: true,
				});
				expectTrue(!next.result.isError, `the next call failed: ${textOf(next.result)}`);
				expectEqual(state('host')?.muted, true, 'the host is muted after the next call');
			},
		);

		await checks.check('mcp: the API key appears in no tool result', () => {
			expectTrue(results.length >= 7, `only ${results.length} results were collected`);
			for (const text of results)
				expectTrue(
					!text.includes(WORLD.apiKey),
					`a tool result contains the API key: ${text.slice(0, 200)}`,
				);
		});
	} finally {
		await client.close();
	}
}
