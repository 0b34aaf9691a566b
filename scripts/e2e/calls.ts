/**
 * The shipped start-conference example, live: the workflow is activated (its Telnyx TeXML Trigger
 * listens), run from its manual trigger with n8n's CLI, and each callee's call joins one conference
 * in the sandbox; the conference's signed join callbacks reach the trigger, which starts a run each.
 */
import type { TexmlSandbox } from '../../sandbox';
import { expectEqual, expectTrue, type Checks } from './checks';
import { execute, freePort, type N8nHome } from './n8n';
import type { EditorSession } from './rest';
import { activate } from './trigger';
import type { WorkflowFile } from './workflows';

const EXAMPLE = 'start-conference-call.workflow.json';
const CONFERENCE = 'on-call-bridge';
/** Where the examples point callbacks; the e2e points them at the n8n under test instead. */
const PLACEHOLDER_ORIGIN = 'https://n8n.example.com';

/** Points the examples' callback URLs (e.g. a Status Callback) at the n8n being tested. */
export function localizeExampleUrls(workflows: WorkflowFile[], n8nUrl: string) {
	for (const w of workflows.filter((x) => x.example)) {
		const text = JSON.stringify(w.workflow.nodes).split(PLACEHOLDER_ORIGIN).join(n8nUrl);
		w.workflow.nodes = JSON.parse(text) as WorkflowFile['workflow']['nodes'];
	}
}

export async function runStartConferenceExample(
	checks: Checks,
	home: N8nHome,
	editor: EditorSession,
	sandbox: TexmlSandbox,
	workflows: WorkflowFile[],
) {
	const example = workflows.find((w) => w.file.endsWith(EXAMPLE));
	if (!example) return;
	await checks.check(
		`example ${EXAMPLE}: every callee joins one conference, the trigger starts once per join`,
		async () => {
			const { store } = sandbox;
			// The run "as shipped" (before n8n listened) left a bridge behind: end it.
			for (const c of store.conferences.filter((x) => x.friendlyName === CONFERENCE))
				store.endConference(c);
			await activate(editor, example.workflow.id);
			const webhookUrl = `${home.url}/webhook/b7d3c0de-5a1e-4c2b-9f00-0c0a11b7d9e5/conference`;
			// Newer n8n registers the webhook shortly after activation answers: 404 until then.
			const deadline = Date.now() + 20_000;
			while ((await fetch(webhookUrl, { method: 'POST' })).status === 404 && Date.now() < deadline)
				await new Promise((resolve) => setTimeout(resolve, 250));
			const callsBefore = store.calls.calls.length;
			const deliveredBefore = sandbox.statusCallbacks.deliveries.length;

			// The CLI runs beside the started n8n: its own task broker port, or it refuses to start.
			const beside = {
				...home,
				env: { ...home.env, N8N_RUNNERS_BROKER_PORT: String(await freePort()) },
			};
			const execution = await execute(beside, example.workflow.id);
			expectEqual(execution.exitCode, 0, `n8n execute exit code\n${execution.output.slice(-1500)}`);

			const placed = store.calls.calls.slice(callsBefore);
			expectEqual(placed.length, 5, 'calls placed');
			const bridge = store.conferences.find(
				(c) => c.friendlyName === CONFERENCE && c.status !== 'completed',
			);
			expectTrue(bridge, 'no live on-call-bridge conference in the sandbox');
			expectEqual(bridge.status, 'in-progress', 'conference status');
			expectEqual(
				bridge.participants.map((p) => p.dial?.to).sort(),
				placed.map((c) => c.to).sort(),
				'every callee is in the conference',
			);
			expectEqual(
				bridge.participants.find((p) => p.label === 'host')?.endConferenceOnExit,
				true,
				'the host ends the conference on exit',
			);
			const joins = await Promise.all(
				placed.map((call) =>
					sandbox.statusCallbacks.waitFor(
						(d) =>
							sandbox.statusCallbacks.deliveries.indexOf(d) >= deliveredBefore &&
							d.fields.StatusCallbackEvent === 'participant-join' &&
							d.fields.CallSid === call.sid,
						15_000,
					),
				),
			);
			expectEqual(
				joins.map((d) => d.status),
				placed.map(() => 200),
				'the trigger’s answers to the join callbacks',
			);
			// Each join started a run of the workflow (its trigger), besides the manual run.
			const runDeadline = Date.now() + 20_000;
			let runs = 0;
			while (Date.now() < runDeadline) {
				const listed = await editor.request<{ results?: Array<{ mode?: string }> }>(
					'GET',
					`/rest/executions?filter=${encodeURIComponent(JSON.stringify({ workflowId: example.workflow.id }))}&limit=50`,
				);
				runs = (listed.data.results ?? []).filter((r) => r.mode === 'webhook').length;
				if (runs >= 5) break;
				await new Promise((resolve) => setTimeout(resolve, 500));
			}
			expectEqual(runs, 5, 'trigger runs (one per join)');
		},
	);
}
