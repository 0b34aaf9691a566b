/**
 * A whole incoming call, as Telnyx would run it: the sandbox rings its TeXML application, whose
 * Voice URL is the answer trigger (n8n's responseNode answering, on real HTTP); the workflow's
 * Telnyx TeXML Response node builds the TeXML; the sandbox plays it, answers the Gather with the
 * caller's digits at the action URL the node pointed back at the trigger, and joins the conference.
 */
import { TelnyxTexmlAnswerTrigger } from '../../nodes/TelnyxTexmlAnswerTrigger/TelnyxTexmlAnswerTrigger.node';
import { startSandbox, type TexmlSandbox } from '../../sandbox';
import type { Engine, WorkflowFile } from '../support/engine';
import { startAnswerServer, type AnswerServer } from '../support/answering';
import {
	ANSWER_TRIGGER_TYPE,
	answerTriggerNode,
	RESPONSE_NODE_TYPE,
	sourcePackage,
} from '../support/fixtures';
import { stored, type Verb } from '../texmlResponse/run';

let sandbox: TexmlSandbox;
let server: AnswerServer;
afterEach(async () => {
	await server?.close();
	await sandbox?.close();
});

/** Hello, a PIN, then the room named after it; the caller's own words are spoken back. */
const verbs = {
	verb: (
		[
			{
				verb: 'say',
				sayText:
					"={{ $json.event === 'gather' ? 'You entered ' + $json.Digits : 'Hello ' + $json.CallerName }}",
			},
			{
				verb: 'gather',
				gatherInput: 'dtmf',
				gatherOptions: { numDigits: 4, finishOnKey: '#' },
				gatherPrompts: { prompt: [{ verb: 'say', sayText: 'Enter your PIN' }] },
			},
			{
				verb: 'dial',
				dialTo: 'conference',
				conferenceName: "={{ 'room-' + $json.Digits }}",
				conferenceOptions: { muted: true, participantLabel: '={{ $json.From }}' },
			},
		] as Verb[]
	).map(stored),
};

async function answering(): Promise<TexmlSandbox> {
	sandbox = await startSandbox();
	const pkg = sourcePackage();
	const engine: Engine = {
		package: {
			...pkg,
			nodes: { ...pkg.nodes, [ANSWER_TRIGGER_TYPE]: new TelnyxTexmlAnswerTrigger() },
		},
		credentials: {
			telnyxTexmlApi: {
				apiKey: sandbox.account.apiKey,
				baseUrl: sandbox.baseUrl,
				publicKey: sandbox.publicKey,
			},
		},
	};
	const file = {
		nodes: [
			answerTriggerNode(sandbox.application.id, 'f00d0000-1111-4222-8333-944455556666', {
				parameters: { budgetSeconds: 5 },
			}),
			{
				id: 'respond',
				name: 'Answer',
				type: RESPONSE_NODE_TYPE,
				typeVersion: 1,
				position: [200, 0],
				parameters: { verbs },
			},
		],
		connections: { 'Incoming Call': { main: [[{ node: 'Answer', type: 'main', index: 0 }]] } },
	} as WorkflowFile;
	server = await startAnswerServer(engine, file, 'Incoming Call');
	// What activation does in n8n: the application's Voice URL is the trigger's.
	sandbox.application.voiceUrl = server.url;
	sandbox.application.voiceMethod = 'post';
	return sandbox;
}

test('the caller hears the greeting, enters a PIN, is spoken to again and joins the room named by the PIN', async () => {
	await answering();
	const call = await sandbox.ring({
		from: '+13125550199',
		to: '+13125550100',
		callerName: 'Mallory</Say><Hangup/><Say>',
		inputs: [{ digits: '1234#' }],
	});
	expect(
		call.requests.map((r) => [r.method, r.url.replace(server.url, 'TRIGGER'), r.status]),
	).toEqual([
		['POST', 'TRIGGER', 200],
		['POST', 'TRIGGER?event=gather', 200],
	]);
	expect(call.requests.every((r) => r.contentType === 'application/xml; charset=utf-8')).toBe(true);
	expect(call.played.filter((p) => p.verb === 'Say').map((p) => p.text)).toEqual([
		'Hello Mallory</Say><Hangup/><Say>',
		'Enter your PIN',
		'You entered 1234',
		'Enter your PIN',
	]);
	expect(call.ended).toMatchObject({
		kind: 'conference',
		name: 'room-1234',
		participant: { muted: true, label: '+13125550199' },
	});
	expect(call.usedFallback).toBe(false);
	// The second request was the Gather's result, signed and with the digits.
	expect(call.requests[1].fields).toMatchObject({ Digits: '1234', From: '+13125550199' });
	const [first, second] = await Promise.all(server.answered.map((a) => a.run));
	expect([first?.data.resultData.error, second?.data.resultData.error]).toEqual([
		undefined,
		undefined,
	]);
});
