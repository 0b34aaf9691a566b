/**
 * The dial-in part of `npm run demo`: the shipped dial-in example answers calls to the demo's
 * "Dial-in line" through n8n's real engine (its Set and Switch nodes are n8n's own, installed on
 * first use), and the sandbox rings it as Telnyx would. For each caller: each request, the TeXML the
 * workflow answered, and where the caller ended up.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import type { INodeType } from 'n8n-workflow';

import { DEMO, seedDemo, startSandbox, type TexmlSandbox, type XmlElement } from '../sandbox';
import type { RingInput, RingResult } from '../sandbox/incoming';
import { parseXml } from '../sandbox/texml';
import { startAnswerServer } from '../test/support/answering';
import { loadPackage, type WorkflowFile } from '../test/support/engine';
import { coreNode } from './nodes-base';

const root = join(__dirname, '..', '..');
const EXAMPLE = 'conference-dial-in.workflow.json';
const print = (text = '') => process.stdout.write(`${text}\n`);

/** `Say("…")`, `Gather[numDigits=4]{…}`, `Dial{Conference[muted=true]("weekly-sync")}`. */
function verbs(element: XmlElement): string {
	return element.children
		.map((child) => {
			const attributes = Object.entries(child.attributes).map(([k, v]) => `${k}=${v}`);
			const text = child.text.trim() ? `("${child.text.trim()}")` : '';
			const inner = child.children.length ? `{${verbs(child)}}` : '';
			return `${child.name}${attributes.length ? `[${attributes.join(', ')}]` : ''}${text}${inner}`;
		})
		.join(' ');
}

function ending(call: RingResult): string {
	const end = call.ended;
	if (end.kind === 'conference') {
		const p = end.participant;
		const role = p.endConferenceOnExit ? 'host' : 'attendee';
		return `joined ${end.name} as "${p.label}": ${role} (${p.muted ? 'muted' : 'not muted'}, ${p.startConferenceOnEnter ? 'starts it' : 'waits for the host'}${p.endConferenceOnExit ? ', ends it on leaving' : ''})`;
	}
	if (end.kind === 'hangup') return 'hung up by the workflow';
	return JSON.stringify(end);
}

async function ring(
	sandbox: TexmlSandbox,
	triggerUrl: string,
	from: string,
	what: string,
	inputs: RingInput[],
) {
	print(`\n☎ ${from} calls the Dial-in line and ${what}`);
	const call = await sandbox.ring({
		applicationId: DEMO.dialIn.id,
		from,
		to: '+13125550100',
		inputs,
	});
	for (const request of call.requests) {
		const url = new URL(request.url);
		const sent = request.fields.Digits !== undefined ? `  Digits=${request.fields.Digits}` : '';
		print(`  → ${request.method} …/voice${url.search}${sent}  (${request.status})`);
		const answer = request.answer ? verbs(parseXml(request.answer)) : request.problem;
		print(`    ← ${answer?.split(triggerUrl).join('…/voice')}`);
	}
	print(`  ${call.usedFallback ? '✗' : '✓'} ${ending(call)}`);
	return call;
}

export async function runDialInDemo(): Promise<boolean> {
	const file = JSON.parse(readFileSync(join(root, 'examples', EXAMPLE), 'utf8')) as WorkflowFile;
	const log = (line: string) => process.stderr.write(`${line}\n`);
	const sandbox = await startSandbox({ account: DEMO.account });
	seedDemo(sandbox.store);
	const pkg = await loadPackage(root);
	const core = {
		'n8n-nodes-base.set': coreNode('Set', 'Set', log),
		'n8n-nodes-base.switch': coreNode('Switch', 'Switch', log),
		'n8n-nodes-base.stickyNote': coreNode('StickyNote', 'StickyNote', log),
	} as unknown as Record<string, INodeType>;
	const engine = {
		package: { ...pkg, nodes: { ...pkg.nodes, ...core } },
		credentials: {
			telnyxTexmlApi: {
				apiKey: DEMO.account.apiKey,
				baseUrl: sandbox.baseUrl,
				publicKey: sandbox.publicKey,
			},
		},
	};
	const server = await startAnswerServer(engine, file, 'Incoming Call');
	// What activating the workflow does in n8n: the application's Voice URL becomes the trigger's.
	const app = sandbox.store.calls.application(DEMO.account.sid, DEMO.dialIn.id)!;
	app.voiceUrl = server.url;
	app.voiceMethod = 'post';
	print(`\n▶ examples/${EXAMPLE} — "${(file as { name?: string }).name}"`);
	print(`  the ${DEMO.dialIn.friendlyName}'s Voice URL is the trigger's: ${server.url}`);
	print(`  conference weekly-sync is new; the PINs are in the "PIN Table" node (1234, 9999)`);

	const calls = [
		await ring(sandbox, server.url, '+13125550101', 'enters 9999#', [{ digits: '9999#' }]),
		await ring(sandbox, server.url, '+13125550102', 'enters 1234', [{ digits: '1234' }]),
		await ring(sandbox, server.url, '+13125550103', 'enters 4321, then 1234', [
			{ digits: '4321' },
			{ digits: '1234#' },
		]),
		await ring(sandbox, server.url, '+13125550104', 'enters three wrong PINs', [
			{ digits: '1111' },
			{ digits: '2222' },
			{ digits: '3333' },
		]),
	];
	const weekly = sandbox.store.conferences.find((c) => c.friendlyName === 'weekly-sync');
	print(
		`\n  weekly-sync now: ${weekly?.participants.map((p) => `${p.label}${p.muted ? ' (muted)' : ''}`).join(', ')}`,
	);
	await server.close();
	await sandbox.close();
	return calls.every((c) => !c.usedFallback && c.ended.kind !== 'error');
}
