/**
 * Activation points the TeXML application's Voice URL at the trigger (the way n8n's triggers
 * register their webhooks) and deactivation puts back what was there, through the sandbox's
 * `/texml_applications/{id}` as Telnyx's document declares it (GET, then PATCH with friendly_name,
 * voice_url and voice_method).
 */
import { TelnyxTexmlAnswerTrigger } from '../../nodes/TelnyxTexmlAnswerTrigger/TelnyxTexmlAnswerTrigger.node';
import { TelnyxTexmlApi } from '../../credentials/TelnyxTexmlApi.credentials';
import { startSandbox, type TexmlSandbox } from '../../sandbox';
import { workflowOf, type Engine } from '../support/engine';
import { ANSWER_TRIGGER_TYPE, answerTriggerNode } from '../support/fixtures';
import { activationContext } from '../support/webhook';

const WEBHOOK_ID = 'a1f0c3d2-7b6e-4c59-8e1d-2f3a4b5c6d7e';
const OWN_URL = `http://127.0.0.1:5678/webhook/${WEBHOOK_ID}/voice`;

let sandbox: TexmlSandbox;
beforeEach(async () => {
	sandbox = await startSandbox();
	sandbox.application.voiceUrl = 'https://example.com/old-ivr.xml';
	sandbox.application.voiceMethod = 'get';
});
afterEach(async () => await sandbox.close());

function lifecycle(applicationId: string) {
	const engine: Engine = {
		package: {
			nodes: { [ANSWER_TRIGGER_TYPE]: new TelnyxTexmlAnswerTrigger() },
			credentials: [new TelnyxTexmlApi()],
		},
		credentials: {
			telnyxTexmlApi: { apiKey: sandbox.account.apiKey, baseUrl: sandbox.baseUrl },
		},
	};
	const node = answerTriggerNode(applicationId, WEBHOOK_ID, {
		parameters: { application: { __rl: true, mode: 'list', value: applicationId } },
	});
	// One workflow for every step, as n8n keeps the node's static data between them.
	const workflow = workflowOf(engine, { nodes: [node], connections: {} });
	const methods = new TelnyxTexmlAnswerTrigger().webhookMethods.default;
	return async (method: 'checkExists' | 'create' | 'delete') =>
		await methods[method].call(activationContext(engine, workflow, node.name));
}

const wire = () =>
	sandbox.requests
		.filter((r) => r.url.includes('/texml_applications'))
		.map((r) => `${r.method} ${r.url}${r.body ? ` ${r.body}` : ''}`);

test('activation sets the Voice URL to the Production URL with POST; deactivation puts the old URL and method back', async () => {
	const step = lifecycle(sandbox.application.id);
	const path = `/v2/texml_applications/${sandbox.application.id}`;
	expect(await step('checkExists')).toBe(false);
	expect(await step('create')).toBe(true);
	expect(sandbox.application.voiceUrl).toBe(OWN_URL);
	expect(sandbox.application.voiceMethod).toBe('post');
	expect(await step('checkExists')).toBe(true);
	expect(await step('delete')).toBe(true);
	expect(sandbox.application.voiceUrl).toBe('https://example.com/old-ivr.xml');
	expect(sandbox.application.voiceMethod).toBe('get');
	const name = JSON.stringify(sandbox.application.friendlyName);
	expect(wire()).toEqual([
		`GET ${path}`,
		`GET ${path}`,
		`PATCH ${path} {"friendly_name":${name},"voice_url":"${OWN_URL}","voice_method":"post"}`,
		`GET ${path}`,
		`GET ${path}`,
		`PATCH ${path} {"friendly_name":${name},"voice_url":"https://example.com/old-ivr.xml","voice_method":"get"}`,
	]);
});

test('deactivation leaves the application alone when someone changed its Voice URL since', async () => {
	const step = lifecycle(sandbox.application.id);
	await step('create');
	sandbox.application.voiceUrl = 'https://example.com/new-ivr.xml';
	await step('delete');
	expect(sandbox.application.voiceUrl).toBe('https://example.com/new-ivr.xml');
	expect(wire().filter((line) => line.startsWith('PATCH'))).toHaveLength(1);
});

test('an unknown application: activation fails with Telnyx’s error, nothing is changed', async () => {
	const step = lifecycle('4000000000000000000');
	await expect(step('create')).rejects.toThrow(
		'Telnyx has no TeXML application "4000000000000000000" for this API key',
	);
	expect(wire().filter((line) => line.startsWith('PATCH'))).toHaveLength(0);
});
