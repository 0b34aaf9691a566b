/**
 * Answering calls in the real app: the dial-in example and the fallback fixtures are activated
 * (the answer trigger points each TeXML application's Voice URL at n8n), then the sandbox rings
 * them as Telnyx would and checks where each call ends up. Deactivation puts the old URL back.
 * Used by the regular e2e and by the queue-mode suite (the answer then comes back through the
 * webhook process while a worker runs the workflow).
 */
import type { TexmlSandbox } from '../../sandbox';
import { DEMO } from '../../sandbox/demo-data';
import type { RingInput, RingResult } from '../../sandbox/incoming';
import { expectEqual, expectTrue, type Checks } from './checks';
import type { EditorSession } from './rest';
import { activate } from './trigger';
import type { WorkflowFile } from './workflows';

export const DIAL_IN = 'conference-dial-in.workflow.json';
/** The file of the fallback fixtures, in test/e2e/. */
export const FALLBACK_FIXTURES = 'answer-fallback.workflow.json';
export const ANSWER_TRIGGER = 'n8n-nodes-telnyx-texml.telnyxTexmlAnswerTrigger';

/** The applications the fallback fixtures (test/e2e/answer-fallback.workflow.json) answer. */
export const FALLBACK_APPS = {
	fails: { id: '1293384261075731601', friendlyName: 'Line whose workflow fails' },
	slow: { id: '1293384261075731602', friendlyName: 'Line whose workflow is slow' },
};

export interface AnsweringContext {
	/** Where n8n's production webhooks are (the main process, or the webhook process in queue mode). */
	webhookOrigin: string;
	editor: EditorSession;
	sandbox: TexmlSandbox;
	workflows: WorkflowFile[];
	/** Told of every call rung (the queue-mode suite matches the requests to executions). */
	onCall?: (call: RingResult) => void;
}

/** Adds the fixtures' applications to the sandbox (the demo ones come with the demo data). */
export function addAnsweringApplications(sandbox: TexmlSandbox) {
	for (const app of Object.values(FALLBACK_APPS))
		if (!sandbox.store.calls.application(DEMO.account.sid, app.id))
			sandbox.store.calls.addApplication(DEMO.account.sid, {
				...app,
				voiceUrl: 'https://example.com/texml/closed.xml',
			});
}

function triggerOf(workflow: WorkflowFile['workflow']) {
	const node = workflow.nodes.find((n) => n.type === ANSWER_TRIGGER) as
		| { webhookId?: string; parameters?: { application?: { value?: string } } }
		| undefined;
	expectTrue(node?.webhookId, `${workflow.name} has no answer trigger`);
	return { webhookId: node.webhookId, applicationId: String(node.parameters?.application?.value) };
}

export async function deactivate(editor: EditorSession, id: string) {
	const answer = await editor.request('POST', `/rest/workflows/${id}/deactivate`, {});
	if (answer.status !== 200)
		await editor.request('PATCH', `/rest/workflows/${id}`, { active: false });
}

/** Rings until n8n has registered the webhook (a 404 answers until then; at most 20 s). */
export async function ring(
	context: Pick<AnsweringContext, 'sandbox' | 'onCall'>,
	applicationId: string,
	from: string,
	inputs: RingInput[],
): Promise<RingResult> {
	const deadline = Date.now() + 20_000;
	for (;;) {
		const call = await context.sandbox.ring({ applicationId, from, to: '+13125550100', inputs });
		context.onCall?.(call);
		if (call.requests[0]?.status !== 404 || Date.now() > deadline) return call;
		await new Promise((resolve) => setTimeout(resolve, 250));
	}
}

/** Every request of the call was answered 200 with the workflow's TeXML, never a fallback. */
export function expectAnswered(call: RingResult) {
	for (const request of call.requests)
		expectEqual(
			[request.status, request.contentType, request.problem],
			[200, 'application/xml; charset=utf-8', undefined],
			`answer to ${request.method} ${request.url} (${request.answer ?? ''})`,
		);
	expectEqual(call.usedFallback, false, 'the Voice Fallback URL was used');
}

/** What the caller heard outside a Gather. */
export const said = (call: RingResult) =>
	call.played.filter((p) => p.verb === 'Say' && !p.inGather).map((p) => p.text);

/** Activates a workflow and checks that its application now sends its calls to n8n. */
async function activateAnswering(context: AnsweringContext, workflow: WorkflowFile['workflow']) {
	const { webhookId, applicationId } = triggerOf(workflow);
	await activate(context.editor, workflow.id);
	const app = context.sandbox.store.calls.application(DEMO.account.sid, applicationId);
	expectEqual(
		[app?.voiceUrl, app?.voiceMethod],
		[`${context.webhookOrigin}/webhook/${webhookId}/voice`, 'post'],
		'the application’s Voice URL and method after activation',
	);
	return applicationId;
}

export async function runDialInExample(checks: Checks, context: AnsweringContext) {
	const example = context.workflows.find((w) => w.file.endsWith(DIAL_IN));
	if (!example) return;
	const { sandbox } = context;
	let applicationId = '';
	const pass = await checks.check(
		`example ${DIAL_IN}: activation points the Dial-in line's Voice URL at n8n`,
		async () => {
			applicationId = await activateAnswering(context, example.workflow);
		},
	);
	if (!pass) return;

	const attendee = (from: string) => ({
		kind: 'conference',
		name: 'weekly-sync',
		participant: {
			muted: true,
			startConferenceOnEnter: false,
			endConferenceOnExit: false,
			label: from,
		},
	});
	await checks.check(
		`example ${DIAL_IN}: PIN 1234 joins weekly-sync as an attendee (muted, waits for the host), labelled with the caller's number`,
		async () => {
			const call = await ring(context, applicationId, '+13125550111', [{ digits: '1234#' }]);
			expectAnswered(call);
			expectEqual(call.requests.length, 2, 'requests (the call, the PIN)');
			expectTrue(
				new URL(call.requests[1].url).searchParams.get('event') === 'gather',
				`the PIN went to ${call.requests[1].url}`,
			);
			expect(call.ended, attendee('+13125550111'));
		},
	);
	await checks.check(
		`example ${DIAL_IN}: PIN 9999 joins as the host (not muted, starts it, ends it on leaving)`,
		async () => {
			const call = await ring(context, applicationId, '+13125550112', [{ digits: '9999' }]);
			expectAnswered(call);
			expect(call.ended, {
				kind: 'conference',
				name: 'weekly-sync',
				participant: {
					muted: false,
					startConferenceOnEnter: true,
					endConferenceOnExit: true,
					label: '+13125550112',
				},
			});
		},
	);
	await checks.check(
		`example ${DIAL_IN}: a wrong PIN is told so and asked again; no answer counts as a try`,
		async () => {
			const call = await ring(context, applicationId, '+13125550113', [
				{ digits: '0000#' },
				{ silence: true },
				{ digits: '1234#' },
			]);
			expectAnswered(call);
			expectEqual(
				said(call).filter((text) => text === 'Sorry, that PIN is not right.').length,
				2,
				`what the caller heard: ${JSON.stringify(said(call))}`,
			);
			expect(call.ended, attendee('+13125550113'));
		},
	);
	await checks.check(
		`example ${DIAL_IN}: after the third wrong PIN the caller hears goodbye and is hung up`,
		async () => {
			const call = await ring(context, applicationId, '+13125550114', [
				{ digits: '1111' },
				{ digits: '2222' },
				{ digits: '3333' },
			]);
			expectAnswered(call);
			expectEqual(
				said(call).slice(-1),
				['Sorry, that PIN is not right either. Goodbye.'],
				'the last words',
			);
			expectEqual(call.ended, { kind: 'hangup', by: 'verb' }, 'how the call ended');
		},
	);
	await checks.check(
		`example ${DIAL_IN}: n8n keeps the public key the trigger read in the workflow's static data, so a call needs no credential read`,
		async () => {
			const saved = await context.editor.request<{ staticData?: unknown }>(
				'GET',
				`/rest/workflows/${example.workflow.id}`,
			);
			const state = (saved.data?.staticData ?? {}) as Record<string, Record<string, unknown>>;
			const trigger = example.workflow.nodes.find((node) => node.type === ANSWER_TRIGGER);
			expectEqual(
				(state[`node:${trigger?.name}`]?.signatureKey as { publicKey?: string })?.publicKey,
				sandbox.publicKey,
				'the public key in the static data',
			);
		},
	);
	await checks.check(
		`example ${DIAL_IN}: deactivation puts the Dial-in line's old Voice URL back`,
		async () => {
			await deactivate(context.editor, example.workflow.id);
			const app = sandbox.store.calls.application(DEMO.account.sid, applicationId);
			expectEqual(
				[app?.voiceUrl, app?.voiceMethod],
				[DEMO.dialIn.voiceUrl, 'post'],
				'the Voice URL after deactivation',
			);
		},
	);
}

/** A workflow that fails, and one slower than its budget: the caller hears the fallback. */
export async function runFallbackChecks(checks: Checks, context: AnsweringContext) {
	for (const [id, what] of [
		['e2eAnswerFails01', 'fails'],
		['e2eAnswerSlow001', 'takes longer than its 1 s budget'],
	] as const) {
		const fixture = context.workflows.find((w) => w.workflow.id === id);
		if (!fixture) continue;
		await checks.check(
			`answer: a workflow that ${what} still answers TeXML (the fallback)`,
			async () => {
				const applicationId = await activateAnswering(context, fixture.workflow);
				const call = await ring(context, applicationId, '+13125550120', []);
				expectEqual(
					[call.requests[0]?.status, call.requests[0]?.contentType],
					[200, 'application/xml; charset=utf-8'],
					`the answer (${call.requests[0]?.problem ?? ''} ${call.requests[0]?.answer ?? ''})`,
				);
				expectEqual(said(call), ['Sorry, the line is busy. Goodbye.'], 'what the caller heard');
				expectEqual(call.ended, { kind: 'hangup', by: 'verb' }, 'how the call ended');
				await deactivate(context.editor, fixture.workflow.id);
			},
		);
	}
}

/** Partial deep match: every key of `expected` is in `actual` with the same value. */
function expect(actual: unknown, expected: Record<string, unknown>, path = 'the call’s end') {
	const value = (actual ?? {}) as Record<string, unknown>;
	for (const [key, wanted] of Object.entries(expected)) {
		if (wanted && typeof wanted === 'object')
			expect(value[key], wanted as Record<string, unknown>, `${path}.${key}`);
		else expectEqual(value[key], wanted, `${path}.${key} (${JSON.stringify(actual)})`);
	}
}
