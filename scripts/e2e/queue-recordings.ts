/**
 * Recordings in queue mode: the recap example's signed recording callback reaches the webhook
 * process, a worker downloads the audio (Recording → Download), the scripted model transcribes it
 * (it checks the exact bytes) and summarises it. The audio is kept in n8n's `database` binary-data
 * mode (the cluster sets it): a row of PostgreSQL's `binary_data` tied to the execution, holding the
 * bytes the media host served, which main hands back as the editor's download link asks for them.
 */
import { createHash } from 'node:crypto';

import { expectEqual, expectTrue, type Checks } from './checks';
import type { QueueWorld } from './queue-world';
import { runRecapExample } from './recap';
import { log } from './runtime';

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

export async function recordingCases(checks: Checks, world: QueueWorld) {
	const webhook = world.cluster.webhook;
	if (!webhook) return;
	world.sandbox.faults.configure({});
	const run = await runRecapExample(checks, {
		url: webhook.url,
		editor: world.editor,
		sandbox: world.sandbox,
		workflows: world.examples,
		model: world.model,
		n8nBin: world.runtime.n8nBin,
	});

	await checks.check(
		'recording: Download on a worker keeps the audio in the database binary-data mode; main reads back the same bytes',
		async () => {
			expectTrue(run, 'the recap example did not run through (see the check above)');
			const ranOn = world.cluster.workers.filter((w) => w.executions().includes(run.executionId));
			expectEqual(ranOn.length, 1, `workers that ran execution ${run.executionId}`);
			const [[status]] = await world.cluster.sql(
				`SELECT status FROM execution_entity WHERE id = ${Number(run.executionId)}`,
			);
			expectEqual(status, 'success', 'status of the recap execution');
			const settings = await world.editor.request<{ binaryDataMode?: string }>(
				'GET',
				'/rest/settings',
			);
			expectEqual(settings.data.binaryDataMode, 'database', "main's binary-data mode");

			const fileName = `${run.recordingSid}.wav`;
			const id = run.binary?.id ?? '';
			const fileId = /^database:([0-9a-f-]{36})$/.exec(id)?.[1];
			expectTrue(fileId, `Download Recording's binary data id is not database:<file id>: "${id}"`);
			expectEqual(
				[run.binary?.data, run.binary?.fileName, run.binary?.mimeType],
				['database', fileName, 'audio/wav'],
				"Download Recording's binary data (data, file name, MIME type)",
			);
			expectEqual(
				await world.cluster.sql(
					`SELECT "sourceType", "sourceId", "fileName", "mimeType", "fileSize", ` +
						`encode(sha256(data), 'hex') FROM binary_data WHERE "fileId" = '${fileId}'`,
				),
				[
					[
						'execution',
						run.executionId,
						fileName,
						'audio/wav',
						String(run.served.bytes),
						run.served.sha256,
					],
				],
				'its row in binary_data (source, file name, MIME type, size, SHA-256) against what the media host served',
			);

			// What the editor's download link asks main for: the login cookie, no browser id.
			const res = await fetch(
				`${world.cluster.main.url}/rest/binary-data?id=${encodeURIComponent(id)}&action=download`,
				{ headers: { cookie: world.editor.cookieHeader } },
			);
			const bytes = Buffer.from(await res.arrayBuffer());
			expectEqual(
				[res.status, res.headers.get('content-type'), bytes.length, sha256(bytes)],
				[200, 'audio/wav', run.served.bytes, run.served.sha256],
				'GET /rest/binary-data on main (status, type, bytes, SHA-256)',
			);
			log(
				`recording: execution ${run.executionId} ran on ${ranOn[0].name}; ${run.served.bytes} bytes stored as ${id}, read back by main with the same SHA-256`,
			);
		},
	);
}
