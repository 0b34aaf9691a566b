/**
 * The shipped auto-mute example, live: the workflow is activated in the running n8n, a forged
 * callback is refused, then the sandbox posts a signed participant-join callback to the production
 * webhook URL and n8n mutes the newcomer through the sandbox.
 */
import type { TexmlSandbox } from '../../sandbox';
import { DEMO } from '../../sandbox/demo-data';
import { expectEqual, expectTrue, type Checks } from './checks';
import type { EditorSession } from './rest';
import type { WorkflowFile } from './workflows';
import { WORLD } from './world';

const TRIGGER = 'n8n-nodes-telnyx-texml.telnyxTexmlTrigger';

/** Activates a workflow: `POST …/activate` with the current version in n8n 2.x, `PATCH active` in 1.x. */
export async function activate(editor: EditorSession, id: string) {
	const current = await editor.request<{ versionId: string }>('GET', `/rest/workflows/${id}`);
	const answers = [
		await editor.request('POST', `/rest/workflows/${id}/activate`, {
			versionId: current.data.versionId,
		}),
	];
	if (answers[0].status !== 200) {
		answers.push(
			await editor.request('PATCH', `/rest/workflows/${id}`, {
				active: true,
				versionId: current.data.versionId,
			}),
		);
	}
	const after = await editor.request<{ active?: boolean }>('GET', `/rest/workflows/${id}`);
	if (after.data.active !== true) {
		const told = answers
			.map((a) => `${a.status} ${JSON.stringify(a.data).slice(0, 300)}`)
			.join('; ');
		throw new Error(`the workflow is not active after activation (${told})`);
	}
}

export async function runTriggerExample(
	checks: Checks,
	url: string,
	editor: EditorSession,
	sandbox: TexmlSandbox,
	workflows: WorkflowFile[],
) {
	const example = workflows.find(
		(w) => w.example && w.workflow.nodes.some((n) => n.type === TRIGGER),
	);
	if (!example) return;
	const trigger = example.workflow.nodes.find((n) => n.type === TRIGGER) as { webhookId?: string };
	const webhookUrl = `${url}/webhook/${trigger.webhookId}/conference`;

	await checks.check(
		'trigger: once active, a callback with a forged signature is refused with 401',
		async () => {
			await activate(editor, example.workflow.id);
			sandbox.requests.length = 0;
			// Newer n8n registers the webhook shortly after activation answers: 404 until then.
			const deadline = Date.now() + 20_000;
			let res = await forged(webhookUrl);
			while (res.status === 404 && Date.now() < deadline) {
				await new Promise((resolve) => setTimeout(resolve, 250));
				res = await forged(webhookUrl);
			}
			expectEqual(res.status, 401, 'webhook answer');
			await new Promise((resolve) => setTimeout(resolve, 1000));
			expectEqual(sandbox.requests.length, 0, 'requests sent after a forged callback');
		},
	);

	await checks.check(
		`example ${example.file.split('/').pop()}: a signed join callback mutes the newcomer`,
		async () => {
			const conference = sandbox.store.conference(DEMO.account.sid, DEMO.conference.sid);
			expectTrue(conference, 'the demo conference is missing');
			conference.statusCallback = { url: webhookUrl, method: 'POST', events: ['join'] };
			sandbox.requests.length = 0;
			const newcomer = sandbox.store.addParticipant(conference, {
				label: 'late-joiner',
				callSid: 'v3:e2e-late-joiner',
			});
			const delivery = await sandbox.statusCallbacks.waitFor(
				(d) => d.fields.CallSid === newcomer.callSid,
				15_000,
			);
			expectEqual(delivery.status, 200, `webhook answer (${delivery.error ?? ''})`);
			const deadline = Date.now() + 30_000;
			while (!newcomer.muted && Date.now() < deadline)
				await new Promise((resolve) => setTimeout(resolve, 200));
			expectEqual(
				sandbox.requests.map((r) => [r.method, r.url, r.body, r.headers.authorization, r.status]),
				[
					[
						'POST',
						`/v2/texml/Accounts/${DEMO.account.sid}/Conferences/${DEMO.conference.sid}/Participants/v3:e2e-late-joiner`,
						'Muted=true',
						`Bearer ${WORLD.apiKey}`,
						200,
					],
				],
				'requests n8n sent after the callback',
			);
			expectEqual(newcomer.muted, true, 'the newcomer is muted in the sandbox');
		},
	);
}

/** A participant-join callback whose Ed25519 signature is not Telnyx's. */
function forged(webhookUrl: string) {
	return fetch(webhookUrl, {
		method: 'POST',
		headers: {
			'content-type': 'application/x-www-form-urlencoded',
			'telnyx-timestamp': String(Math.floor(Date.now() / 1000)),
			'telnyx-signature-ed25519': Buffer.alloc(64, 1).toString('base64'),
		},
		body: new URLSearchParams({
			AccountSid: DEMO.account.sid,
			ConferenceSid: DEMO.conference.sid,
			CallSid: 'v3:forged',
			StatusCallbackEvent: 'participant-join',
		}).toString(),
	});
}
