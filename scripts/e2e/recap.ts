/**
 * The shipped conference recap, live in n8n: a conference set to record ends in the sandbox, its
 * signed recording-completed callback reaches the active example's webhook, Recording → Download
 * fetches the audio from the sandbox's media host (another origin, no API key), n8n's OpenAI node
 * sends it to the scripted model's `/audio/transcriptions`, and the summary comes out of the last
 * node. The model must receive the exact bytes the media host served. The same check runs in queue
 * mode (the callback to the webhook process, the workflow on a worker): it hands back what a check
 * of n8n's binary data there needs.
 */
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import path from 'node:path';

import type { TexmlSandbox } from '../../sandbox';
import { DEMO } from '../../sandbox/demo-data';
import { expectEqual, expectTrue, type Checks } from './checks';
import { textOf, type ScriptedModel } from './model';
import type { EditorSession } from './rest';
import { activate } from './trigger';
import type { WorkflowFile } from './workflows';

const FILE = 'conference-recap.workflow.json';
const LAST_NODE = 'Recap (replace with Slack or email)';
const DOWNLOAD_NODE = 'Download Recording';
const TRANSCRIPT =
	'Alice: we ship the release on Friday. Bob: I will update the docs by Thursday. Alice: the pricing question stays open.';
const SUMMARY =
	'- Release ships Friday\n- Bob updates the docs by Thursday\n- Open: pricing question';

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

async function until<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 60_000) {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const value = await probe();
		if (value !== undefined) return value;
		if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
		await new Promise((resolve) => setTimeout(resolve, 250));
	}
}

/** A recap run that passed: its execution, the audio as served, and n8n's reference to it. */
export interface RecapRun {
	executionId: string;
	recordingSid: string;
	served: { bytes: number; sha256: string };
	/** The `data` field of Download Recording's item: in a store, `id` is `<mode>:<file id>`. */
	binary?: { id?: string; data?: string; fileName?: string; mimeType?: string };
}

interface ExecutionSummary {
	id: string;
	status?: string;
	finished?: boolean;
}

/** n8n stores run data in its `flatted` encoding: decoded with n8n's own copy of the library. */
function runDataOf(n8nBin: string, data: unknown) {
	const flatted = createRequire(n8nBin)('flatted') as { parse(text: string): unknown };
	const decoded = (typeof data === 'string' ? flatted.parse(data) : data) as {
		resultData: {
			error?: { message?: string };
			runData: Record<
				string,
				Array<{
					data?: {
						main?: Array<Array<{ json: unknown; binary?: Record<string, RecapRun['binary']> }>>;
					};
				}>
			>;
		};
	};
	return decoded.resultData;
}

export async function runRecapExample(
	checks: Checks,
	context: {
		url: string;
		editor: EditorSession;
		sandbox: TexmlSandbox;
		workflows: WorkflowFile[];
		model: ScriptedModel;
		n8nBin: string;
	},
): Promise<RecapRun | undefined> {
	const { url, editor, sandbox, model } = context;
	const example = context.workflows.find((w) => w.example && path.basename(w.file) === FILE);
	if (!example) return;
	const trigger = example.workflow.nodes.find((n) => n.type.endsWith('.telnyxTexmlTrigger')) as {
		webhookId?: string;
	};
	const webhookUrl = `${url}/webhook/${trigger.webhookId}/conference`;
	let run: RecapRun | undefined;

	await checks.check(
		`example ${FILE}: a signed recording callback → download → transcription → summary`,
		async () => {
			const state = await editor.request<{ active?: boolean }>(
				'GET',
				`/rest/workflows/${example.workflow.id}`,
			);
			if (state.data.active !== true) await activate(editor, example.workflow.id);
			// Newer n8n registers the webhook shortly after activation: 404 until then.
			await until('the recap webhook', async () => {
				const res = await fetch(webhookUrl, {
					method: 'POST',
					headers: { 'content-type': 'application/x-www-form-urlencoded' },
					body: 'RecordingStatus=completed',
				});
				return res.status === 404 ? undefined : res.status;
			});

			model.transcript = TRANSCRIPT;
			model.transcriptions.length = 0;
			model.script = (request) => ({
				text: request.messages.some((m) => textOf(m).includes(TRANSCRIPT))
					? SUMMARY
					: 'The transcript did not reach the model.',
			});
			const before = await editor.request<{ results?: ExecutionSummary[] }>(
				'GET',
				`/rest/executions?filter=${encodeURIComponent(JSON.stringify({ workflowId: example.workflow.id }))}`,
			);
			const seen = new Set((before.data.results ?? []).map((e) => e.id));

			const conference = sandbox.store.addConference(DEMO.account.sid, {
				friendlyName: 'recap-e2e',
				participants: [{ label: 'alice' }, { label: 'bob' }],
				record: {
					channels: 2,
					callback: { url: webhookUrl, method: 'POST', events: ['in-progress', 'completed'] },
				},
			});
			const [recording] = conference.recordings;
			sandbox.store.endConference(conference);
			const delivery = await sandbox.statusCallbacks.waitFor(
				(d) => d.fields.RecordingSid === recording.sid && d.fields.RecordingStatus === 'completed',
				15_000,
			);
			expectEqual(delivery.status, 200, `webhook answer (${delivery.error ?? ''})`);

			const sent = await until('the audio at /audio/transcriptions', async () =>
				model.transcriptions.length > 0 ? model.transcriptions[0] : undefined,
			);
			const served = sandbox.media.served.filter((s) => s.recordingSid === recording.sid);
			expectEqual(served.length, 1, 'downloads of the recording from the media host');
			expectEqual(
				[sent.bytes.length, sha256(sent.bytes)],
				[served[0].bytes, served[0].sha256],
				'the audio the model received (bytes, SHA-256) against what the media host served',
			);
			expectEqual(sent.fileName, `${recording.sid}.wav`, 'file name the model received');
			expectTrue(
				sandbox.media.requests.every((r) => r.headers.authorization === undefined),
				'the media host received an Authorization header',
			);

			const execution = await until('the recap execution to finish', async () => {
				const list = await editor.request<{ results?: ExecutionSummary[] }>(
					'GET',
					`/rest/executions?filter=${encodeURIComponent(JSON.stringify({ workflowId: example.workflow.id }))}`,
				);
				return (list.data.results ?? []).find(
					(e) => !seen.has(e.id) && e.status !== 'running' && e.status !== 'new',
				);
			});
			const full = await editor.request<{ status?: string; data: unknown }>(
				'GET',
				`/rest/executions/${execution.id}`,
			);
			const result = runDataOf(context.n8nBin, full.data.data);
			expectEqual(result.error?.message, undefined, 'execution error');
			const items = (result.runData[LAST_NODE]?.[0]?.data?.main?.[0] ?? []).map((i) => i.json);
			expectEqual(
				items,
				[
					{
						summary: SUMMARY,
						recording_sid: recording.sid,
						conference_sid: conference.sid,
						transcript: TRANSCRIPT,
					},
				],
				`output of "${LAST_NODE}"`,
			);
			run = {
				executionId: execution.id,
				recordingSid: recording.sid,
				served: { bytes: served[0].bytes, sha256: served[0].sha256 },
				binary: result.runData[DOWNLOAD_NODE]?.[0]?.data?.main?.[0]?.[0]?.binary?.data,
			};
		},
	);
	return run;
}
