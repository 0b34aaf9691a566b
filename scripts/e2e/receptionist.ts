/**
 * The AI receptionist example in the real app: activation points the Reception line at n8n; the
 * sandbox rings it and says a meeting's name at the speech Gather; n8n's AI Agent asks the
 * scripted model, which calls the live-conference tool (a real request to the sandbox) and names
 * the conference; the caller is dialled into it, or hears a polite sorry and is hung up. Silence
 * is asked once more, then goodbye. Deactivation puts the old Voice URL back.
 */
import type { TexmlSandbox } from '../../sandbox';
import { DEMO } from '../../sandbox/demo-data';
import type { RingResult } from '../../sandbox/incoming';
import { ANSWER_TRIGGER, deactivate, expectAnswered, ring, said } from './answering';
import { expectEqual, expectTrue, type Checks } from './checks';
import {
	textOf,
	toolResultsOfTurn,
	type Answer,
	type ChatRequest,
	type Script,
	type ScriptedModel,
} from './model';
import { conferencesIn } from './records';
import type { EditorSession } from './rest';
import { log } from './runtime';
import { activate } from './trigger';
import type { WorkflowFile } from './workflows';
import { WORLD } from './world';

export const RECEPTIONIST = 'ai-receptionist.workflow.json';
const QUESTION = 'Which meeting would you like to join?';
/** The one tool the agent has, and what a model reads about it ("Set Automatically"). */
const TOOL = 'List_live_conferences';
const TOOL_DESCRIPTION = 'Get many conferences to find one by name or status in Telnyx TeXML';

export interface ReceptionistContext {
	/** Where n8n's production webhooks are. */
	webhookOrigin: string;
	editor: EditorSession;
	sandbox: TexmlSandbox;
	workflows: WorkflowFile[];
	model: ScriptedModel;
	/** Told of every call rung (the queue-mode suite matches the requests to executions). */
	onCall?: (call: RingResult) => void;
	/** What the n8n server printed so far, shown when a request is dropped. */
	serverOutput?: () => string;
}

/** Letters and digits only, lower case: "the Weekly Sync" and "weekly-sync" compare alike. */
const squash = (text: string) => text.toLowerCase().replace(/[^a-z0-9]/g, '');

const lastUserText = (request: ChatRequest) =>
	textOf([...request.messages].reverse().find((m) => m.role === 'user') ?? { role: 'user' });

/**
 * A model that does what the system message asks, reading only what it is told: first the
 * live-conference tool, then the one conference whose name the caller said, else NONE.
 */
const receptionist: Script = (request) => {
	const results = toolResultsOfTurn(request);
	if (results.length === 0) return { toolCalls: [{ name: TOOL, arguments: {} }] };
	const heard = squash(lastUserText(request));
	const live = results.flatMap((r) => conferencesIn(textOf(r))).map((c) => String(c.friendly_name));
	const matches = [...new Set(live)].filter((name) => heard.includes(squash(name)));
	return { text: matches.length === 1 ? matches[0] : 'NONE' };
};

/** The Gathers' prompts with the input each took. */
const gathers = (call: RingResult) =>
	call.played.filter((p) => p.verb === 'Gather').map((p) => p.attributes.input);

/** The requests the call's run sent to Telnyx (the account look-up aside). */
const telnyxRequests = (sandbox: TexmlSandbox) =>
	sandbox.requests
		.filter((r) => r.url !== '/v2/whoami')
		.map((r) => [r.method, r.url, r.status, r.headers.authorization]);

/** A caller says `speech`; the model is asked twice (the tool, the answer) with the caller's words. */
async function askFor(
	context: ReceptionistContext,
	applicationId: string,
	from: string,
	speech: string,
) {
	const { model, sandbox } = context;
	model.requests.length = 0;
	const answers: Answer[] = [];
	model.script = (request) => {
		const answer = receptionist(request);
		answers.push(answer);
		return answer;
	};
	sandbox.requests.length = 0;
	const call = await ring(context, applicationId, from, [{ speech, confidence: 0.91 }]);
	expectAnswered(call);
	expectEqual(
		call.requests.map((r) => [r.reason, new URL(r.url).search, r.fields.SpeechResult]),
		[
			['voice', '', undefined],
			['gather', '?event=gather', speech],
		],
		'requests for TeXML (the call, the speech result)',
	);
	expectEqual(gathers(call), ['speech'], 'the Gathers played and their input');
	expectEqual(
		call.played.filter((p) => p.inGather).map((p) => p.text),
		[QUESTION],
		'the Gather’s prompt',
	);

	const requests = model.requests;
	expectEqual(requests.length, 2, 'model requests (the tool call, the answer)');
	for (const request of requests)
		expectEqual(lastUserText(request), speech, 'the user message the model got');
	const system = requests[0].messages.find((m) => m.role === 'system');
	expectTrue(
		system && textOf(system).includes('exactly the friendly_name'),
		'the system message did not reach the model',
	);
	expectEqual(
		(requests[0].tools ?? []).map((t) => [t.function.name, t.function.description]),
		[[TOOL, TOOL_DESCRIPTION]],
		'the tools the model was offered',
	);
	const results = toolResultsOfTurn(requests[1]);
	expectEqual(results.length, 1, 'tool results in the second model request');
	const live = conferencesIn(textOf(results[0])).map((c) => c.friendly_name);
	expectTrue(live.includes('weekly-sync'), `the tool result lacks weekly-sync: ${live.join(', ')}`);
	// Every live conference (Return All): the first page, then any next_page_uri Telnyx gives.
	const pages = telnyxRequests(sandbox);
	expectEqual(
		pages[0],
		[
			'GET',
			`/v2/texml/Accounts/${WORLD.accountSid}/Conferences?Status=in-progress`,
			200,
			`Bearer ${WORLD.apiKey}`,
		],
		'the first request to Telnyx',
	);
	for (const [method, url, status, authorization] of pages.slice(1))
		expectTrue(
			method === 'GET' &&
				String(url).startsWith(`/v2/texml/Accounts/${WORLD.accountSid}/Conferences?`) &&
				status === 200 &&
				authorization === `Bearer ${WORLD.apiKey}`,
			`a further request to Telnyx: ${method} ${url} → ${status}`,
		);
	for (const request of requests)
		expectTrue(!JSON.stringify(request).includes(WORLD.apiKey), 'the API key reached the model');
	log(`receptionist heard "${speech}"; the tool result listed ${live.join(', ')}`);
	return { call, answers };
}

/**
 * Activates the workflow; a request the connection dropped (undici's "fetch failed", the socket
 * closed under a reused keep-alive connection) is logged with its cause and sent once more.
 */
async function activateLogged(context: ReceptionistContext, id: string) {
	const { editor } = context;
	const printed = context.serverOutput?.().length ?? 0;
	try {
		await activate(editor, id);
	} catch (error) {
		if (!(error instanceof TypeError) || error.message !== 'fetch failed') throw error;
		log(`activation request dropped (${String(error.cause)}); sending it once more`);
		const said = context.serverOutput?.().slice(printed).trim();
		if (said) log(`n8n printed meanwhile:\n${said.slice(-4000)}`);
		await new Promise((resolve) => setTimeout(resolve, 500));
		await activate(editor, id);
	}
}

export async function runReceptionistExample(checks: Checks, context: ReceptionistContext) {
	const example = context.workflows.find((w) => w.example && w.file.endsWith(RECEPTIONIST));
	if (!example) return;
	const { sandbox } = context;
	const trigger = example.workflow.nodes.find((n) => n.type === ANSWER_TRIGGER) as
		| { webhookId?: string; parameters?: { application?: { value?: string } } }
		| undefined;
	const applicationId = String(trigger?.parameters?.application?.value);
	const reception = () => sandbox.store.calls.application(DEMO.account.sid, applicationId);

	const pass = await checks.check(
		`example ${RECEPTIONIST}: activation points the Reception line's Voice URL at n8n`,
		async () => {
			expectEqual(applicationId, DEMO.reception.id, 'the application the trigger answers');
			// The AI checks activate every AI workflow, this one too: start from inactive.
			const state = await context.editor.request<{ active?: boolean }>(
				'GET',
				`/rest/workflows/${example.workflow.id}`,
			);
			if (state.data.active === true) await deactivate(context.editor, example.workflow.id);
			expectEqual(
				reception()?.voiceUrl,
				DEMO.reception.voiceUrl,
				'the Reception line’s Voice URL before activation',
			);
			await activateLogged(context, example.workflow.id);
			expectEqual(
				[reception()?.voiceUrl, reception()?.voiceMethod],
				[`${context.webhookOrigin}/webhook/${trigger?.webhookId}/voice`, 'post'],
				'the Reception line’s Voice URL and method after activation',
			);
		},
	);
	if (!pass) return;

	await checks.check(
		`example ${RECEPTIONIST}: "the weekly sync please" → the agent lists the live conferences, answers weekly-sync → the caller joins weekly-sync, labelled with their number`,
		async () => {
			const from = '+13125550131';
			const { call, answers } = await askFor(
				context,
				applicationId,
				from,
				'the weekly sync please',
			);
			expectEqual(answers.at(-1), { text: 'weekly-sync' }, 'the model’s answer');
			expectEqual(said(call), ['Connecting you to weekly-sync.'], 'what the caller heard');
			const ended = call.ended as Extract<RingResult['ended'], { kind: 'conference' }>;
			expectEqual(
				[ended.kind, ended.name, ended.conferenceSid, ended.participant?.label],
				['conference', 'weekly-sync', WORLD.conferenceSid, from],
				`where the call ended (${JSON.stringify(call.ended)})`,
			);
			const conference = sandbox.store.conference(WORLD.accountSid, WORLD.conferenceSid);
			expectTrue(
				conference?.participants.some((p) => p.callSid === call.callSid && p.label === from),
				'the caller is not among weekly-sync’s participants',
			);
		},
	);

	await checks.check(
		`example ${RECEPTIONIST}: a meeting that is not live → the agent answers NONE → the caller hears sorry with their words (escaped) and is hung up`,
		async () => {
			const speech = 'the <board> review & planning please';
			const { call, answers } = await askFor(context, applicationId, '+13125550132', speech);
			expectEqual(answers.at(-1), { text: 'NONE' }, 'the model’s answer');
			expectEqual(
				said(call),
				[
					`Sorry, I could not find a meeting called ${speech}. Please check the name and call again. Goodbye.`,
				],
				'what the caller heard',
			);
			expectTrue(
				call.requests[1].answer?.includes('&lt;board&gt; review &amp; planning'),
				`the caller's words are not escaped in the TeXML: ${call.requests[1].answer}`,
			);
			expectEqual(call.ended, { kind: 'hangup', by: 'verb' }, 'how the call ended');
		},
	);

	await checks.check(
		`example ${RECEPTIONIST}: silence is asked once more, then goodbye (no model request, never silent)`,
		async () => {
			context.model.requests.length = 0;
			sandbox.requests.length = 0;
			const call = await ring(context, applicationId, '+13125550133', [{ silence: true }]);
			expectAnswered(call);
			expectEqual(
				call.requests.map((r) => [r.reason, new URL(r.url).search]),
				[
					['voice', ''],
					['redirect', '?event=redirect&attempt=1'],
					['redirect', '?event=redirect&attempt=2'],
				],
				'requests for TeXML',
			);
			expectEqual(gathers(call), ['speech', 'speech'], 'the Gathers played');
			expectEqual(
				said(call),
				[
					'Sorry, I did not catch that.',
					'Sorry, I still could not hear you. Please call again later. Goodbye.',
				],
				'what the caller heard',
			);
			expectEqual(call.ended, { kind: 'hangup', by: 'verb' }, 'how the call ended');
			expectEqual(context.model.requests.length, 0, 'model requests');
			expectEqual(telnyxRequests(sandbox), [], 'requests to Telnyx');
		},
	);

	await checks.check(
		`example ${RECEPTIONIST}: deactivation puts the Reception line's old Voice URL back`,
		async () => {
			await deactivate(context.editor, example.workflow.id);
			expectEqual(
				[reception()?.voiceUrl, reception()?.voiceMethod],
				[DEMO.reception.voiceUrl, 'post'],
				'the Voice URL after deactivation',
			);
		},
	);
}
