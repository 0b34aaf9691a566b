/**
 * Gather, Dial, Record and Enqueue without an Action URL send their result back to the Telnyx TeXML
 * Answer Trigger the run started from: its `webhookUrl` with `?event=<verb>`. Without such a
 * trigger the item is refused with a message saying what to enter.
 */
import type { IDataObject, INode } from 'n8n-workflow';

import { outputOf } from '../support/engine';
import {
	build,
	responseEngine,
	responseNode,
	stored,
	runRecorded,
	triggerNode,
	TRIGGER_URL,
	verbsOf,
} from './run';

const call = { CallSid: 'v3:abc', From: '+13125550123', event: 'call', webhookUrl: TRIGGER_URL };

const actionOf = (texml: string | undefined, index = 0) => verbsOf(texml)[index].attributes?.action;

describe('default action URLs', () => {
	test.each([
		[{ verb: 'gather' }, 'gather'],
		[{ verb: 'dial', conferenceName: 'weekly-sync' }, 'dial'],
		[{ verb: 'record' }, 'record'],
		[{ verb: 'enqueue', enqueueName: 'support' }, 'enqueue'],
	])('%j sends its result to the answer trigger with ?event=%s', async (verb, event) => {
		const built = await build({ verbs: [verb], trigger: call });
		expect(built.error).toBeUndefined();
		expect(actionOf(built.texml)).toBe(`${TRIGGER_URL}?event=${event}`);
	});

	test('the event joins any query the trigger URL has; an Action URL entered is kept as it is', async () => {
		const built = await build({
			verbs: [
				{ verb: 'gather' },
				{
					verb: 'gather',
					gatherAction: 'https://example.com/pin?attempt={{ $json.attempt }}',
				},
			],
			trigger: { ...call, webhookUrl: `${TRIGGER_URL}?line=sales`, attempt: 2 },
		});
		expect(actionOf(built.texml, 0)).toBe(`${TRIGGER_URL}?line=sales&event=gather`);
		expect(actionOf(built.texml, 1)).toBe('https://example.com/pin?attempt={{ $json.attempt }}');
		const mapped = await build({
			verbs: [
				{ verb: 'gather', gatherAction: '=https://example.com/pin?attempt={{ $json.attempt }}' },
			],
			trigger: { ...call, attempt: 2 },
		});
		expect(actionOf(mapped.texml)).toBe('https://example.com/pin?attempt=2');
	});

	test('a Redirect without a URL goes back to the answer trigger with ?event=redirect; one with a URL goes there', async () => {
		const built = await build({
			verbs: [
				{ verb: 'say', sayText: 'One moment' },
				{ verb: 'redirect', redirectMethod: 'GET' },
			],
			trigger: call,
		});
		expect(verbsOf(built.texml)[1]).toEqual({
			name: 'Redirect',
			attributes: { method: 'GET' },
			text: `${TRIGGER_URL}?event=redirect`,
		});
		const away = await build({
			verbs: [{ verb: 'redirect', redirectUrl: 'https://example.com/menu.xml' }],
			trigger: call,
		});
		expect(verbsOf(away.texml)[0].text).toBe('https://example.com/menu.xml');
	});

	test('with Action URLs From Trigger off, the verbs get no action, and a Redirect needs its URL', async () => {
		const redirect = await build({
			verbs: [{ verb: 'redirect' }],
			trigger: call,
			options: { defaultActions: false },
		});
		expect(redirect.error?.message).toBe(
			'Verb 1 (Redirect): the "URL" field is empty. Fill it in.',
		);

		const built = await build({
			verbs: [{ verb: 'gather' }, { verb: 'record' }],
			trigger: call,
			options: { defaultActions: false },
		});
		expect(verbsOf(built.texml)).toEqual([
			{ name: 'Gather', attributes: { input: 'dtmf' } },
			{ name: 'Record' },
		]);
	});

	test('without an answer trigger before the node, an empty Action URL is refused with what to do', async () => {
		const built = await build({ verbs: [{ verb: 'say', sayText: 'Hi' }, { verb: 'gather' }] });
		expect(built.error?.message).toBe(
			'Verb 2 (Gather): the "Action URL" field is empty, and no Telnyx TeXML Answer Trigger that started this run comes before this node. Enter the URL Telnyx should send the result to, e.g. the webhook URL of the workflow that handles it.',
		);
		expect(built.responses).toEqual([]);

		const odd = await build({
			verbs: [{ verb: 'gather' }],
			trigger: { ...call, webhookUrl: 'voice' },
		});
		expect(odd.error?.message).toContain(
			'Verb 1 (Gather): the "Action URL" field is empty, and no',
		);
	});

	test('the nearest answer trigger that started the run is the one used, through nodes in between', async () => {
		const engine = responseEngine();
		const response = responseNode({ verbs: [{ verb: 'gather' }] });
		const between: INode = {
			...responseNode({ verbs: [{ verb: 'say', sayText: 'x' }] }, 'Between'),
			id: 'between',
			parameters: {
				verbs: { verb: [stored({ verb: 'say', sayText: 'Connecting' })] } as never,
				respondToCall: false,
			},
		};
		const sales = triggerNode('Sales Line');
		const support = { ...triggerNode('Support Line'), webhookId: 'other' };
		const connect = (to: string) => ({ main: [[{ node: to, type: 'main', index: 0 }]] });
		const file = {
			nodes: [sales, support, between, response],
			connections: {
				'Sales Line': connect('Between'),
				'Support Line': connect('Between'),
				Between: connect(response.name),
			} as IDataObject,
		};
		// Only Support Line ran: Sales Line has no item to read, and is skipped.
		const supportUrl = 'https://n8n.example.com/webhook/support/voice';
		const { run, responses } = await runRecorded(engine, file, {
			node: 'Support Line',
			items: [{ json: { ...call, webhookUrl: supportUrl } }],
		});
		const [item] = outputOf(run, response.name);
		expect(actionOf(item.json.texml as string)).toBe(`${supportUrl}?event=gather`);
		// Between does not answer (Respond to Call off); the response node does, once.
		expect(responses.map((r) => (r as { body: string }).body)).toEqual([item.json.texml]);
	});
});
