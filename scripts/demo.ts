/**
 * `npm run demo`: the example workflows, run by n8n's real engine against the local TeXML sandbox,
 * with each participant's state before and after; then callers ringing the dial-in example. No
 * Telnyx account needed.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { DEMO, seedDemo, startSandbox, type Conference } from '../sandbox';
import { loadPackage, outputOf, runWorkflow, type WorkflowFile } from '../test/support/engine';
import { runDialInDemo } from './demo-dial-in';

const root = join(__dirname, '..', '..');

function stateTable(conference: Conference): string {
	const rows = conference.participants.map((p) => {
		const coached = conference.participants.find((o) => o.callSid === p.coachingCallSid);
		return [
			p.label ?? '',
			`${p.callSid.slice(0, 14)}…`,
			p.muted ? 'yes' : 'no',
			p.hold ? `yes (${p.holdUrl ?? 'default music'})` : 'no',
			p.coaching ? `coaching ${coached?.label ?? p.coachingCallSid}` : '-',
		];
	});
	const header = ['participant', 'call SID', 'muted', 'on hold', 'coaching'];
	const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
	const line = (cells: string[]) => `  ${cells.map((c, i) => c.padEnd(widths[i])).join('  ')}`;
	return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

async function runExample(file: string) {
	const workflow = JSON.parse(readFileSync(join(root, 'examples', file), 'utf8')) as WorkflowFile;
	// Small pages, so a list operation shows Telnyx's next_page_uri being followed.
	const sandbox = await startSandbox({ account: DEMO.account, pageSize: 2 });
	const conference = seedDemo(sandbox.store);
	const engine = {
		package: await loadPackage(root),
		credentials: { telnyxTexmlApi: { apiKey: DEMO.account.apiKey, baseUrl: sandbox.baseUrl } },
	};
	const print = (text = '') => process.stdout.write(`${text}\n`);

	print(`▶ examples/${file} — "${workflow.name}"`);
	print(
		`  conference ${conference.friendlyName} (${conference.sid}) on the sandbox at ${sandbox.baseUrl}`,
	);
	print('\nBefore:');
	print(stateTable(conference));

	const started = Date.now();
	const run = await runWorkflow(engine, workflow);
	const ms = Date.now() - started;

	print('\nOn the wire:');
	for (const r of sandbox.requests) {
		print(
			`  ${r.method} ${r.url.replace(/\/texml\/Accounts\/[^/]+\/Conferences\/[^/]+/, '/texml/Accounts/…/Conferences/…')}`,
		);
		print(`      ${r.body || '(empty body)'}  → ${r.status}`);
	}
	print('\nAfter:');
	print(stateTable(conference));
	const failed = run.data.resultData.error;
	const nodes = workflow.nodes.filter((n) => n.type.startsWith('n8n-nodes-telnyx-texml'));
	const items = nodes.reduce((sum, n) => sum + outputOf(run, n.name).length, 0);
	print(
		`\n${failed ? '✗' : '✓'} ${run.status}: ${nodes.length} Telnyx TeXML nodes, ${items} output items, ${sandbox.requests.length} requests, ${ms} ms`,
	);
	if (failed) print(`  ${failed.message}`);
	await sandbox.close();
	return !failed;
}

async function main() {
	let ok = true;
	for (const file of ['update-participant.workflow.json', 'mute-everyone.workflow.json'])
		ok = (await runExample(file)) && ok;
	ok = (await runDialInDemo()) && ok;
	process.exitCode = ok ? 0 : 1;
}

void main();
