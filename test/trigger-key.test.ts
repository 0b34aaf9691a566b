/**
 * Both triggers verify Telnyx's signature with the credential's public key. n8n reads a credential
 * from its database and decrypts it on every request that asks for it, so the key read last is
 * remembered in the node's static data (which n8n keeps with the workflow): a callback that
 * matches it needs no read; one that does not, or a request with nothing remembered, reads the
 * credential, which may hold a new key by now.
 */
import type { IDataObject, INode } from 'n8n-workflow';

import { TelnyxTexmlAnswerTrigger } from '../nodes/TelnyxTexmlAnswerTrigger/TelnyxTexmlAnswerTrigger.node';
import { TelnyxTexmlTrigger } from '../nodes/TelnyxTexmlTrigger/TelnyxTexmlTrigger.node';
import { newSigningKey, startSandbox } from '../sandbox';
import { workflowOf, type Engine } from './support/engine';
import { ANSWER_TRIGGER_TYPE, answerTriggerNode } from './support/fixtures';
import {
	activationContext,
	post,
	signedForm,
	startTriggerReceiver,
	triggerEngine,
	triggerNode,
	type TriggerReceiver,
} from './support/webhook';

const telnyx = newSigningKey();
const rotated = newSigningKey();
const stranger = newSigningKey();

const JOIN =
	'AccountSid=f5586561-8ff0-4291-a0ac-84fe544797bd&FriendlyName=weekly-sync&StatusCallbackEvent=participant-join';

const signed = (key = telnyx) => signedForm(JOIN, key);

/** The engine's credential, counting how often n8n hands it to the node. */
function countedCredential(engine: Engine) {
	let data = engine.credentials.telnyxTexmlApi;
	let reads = 0;
	Object.defineProperty(engine.credentials, 'telnyxTexmlApi', {
		enumerable: true,
		get: () => {
			reads++;
			return data;
		},
	});
	return {
		reads: () => reads,
		setPublicKey: (publicKey: string) => (data = { ...data, publicKey }),
	};
}

let receiver: TriggerReceiver | undefined;
afterEach(async () => {
	await receiver?.close();
	receiver = undefined;
});

async function statusTrigger(node: INode = triggerNode({}), staticData: IDataObject = {}) {
	const engine = triggerEngine({ publicKey: telnyx.publicKey });
	const credential = countedCredential(engine);
	receiver = await startTriggerReceiver(engine, { nodes: [node], connections: {}, staticData });
	const r = receiver;
	const send = async (key = telnyx, headers: Record<string, string> = signed(key)) =>
		(await post(r, JOIN, headers)).status;
	return { engine, credential, send, staticData };
}

const remembered = (staticData: IDataObject, node = 'Telnyx TeXML Trigger') =>
	(staticData[`node:${node}`] as IDataObject | undefined)?.signatureKey;

test('the first callback reads the credential; the ones after it are verified with the remembered key', async () => {
	const { credential, send, staticData } = await statusTrigger();
	expect([await send(), await send(), await send()]).toEqual([200, 200, 200]);
	expect(credential.reads()).toBe(1);
	expect(remembered(staticData)).toEqual({ credential: 'cred-1', publicKey: telnyx.publicKey });
});

test('a new key in the credential works at once: the callback that does not match the remembered key reads it', async () => {
	const { credential, send, staticData } = await statusTrigger();
	expect(await send()).toBe(200);
	credential.setPublicKey(rotated.publicKey);
	expect([await send(rotated), await send(rotated)]).toEqual([200, 200]);
	expect(credential.reads()).toBe(2);
	expect(remembered(staticData)).toEqual({ credential: 'cred-1', publicKey: rotated.publicKey });
});

test('a callback signed by another key is refused after the credential is read again; the remembered key stays', async () => {
	const { credential, send, staticData } = await statusTrigger();
	expect(await send()).toBe(200);
	expect(await send(stranger)).toBe(401);
	expect(receiver!.hits[1].responseBody).toBe('Unauthorized: signature does not match');
	expect(credential.reads()).toBe(2);
	expect(remembered(staticData)).toEqual({ credential: 'cred-1', publicKey: telnyx.publicKey });
});

test('what no key can fix (no signature header) is refused without reading the credential', async () => {
	const { credential, send } = await statusTrigger();
	expect(await send()).toBe(200);
	const { 'telnyx-signature-ed25519': _signature, ...unsigned } = signed();
	expect(await send(telnyx, unsigned)).toBe(401);
	expect(credential.reads()).toBe(1);
});

test('a key remembered for another credential is not used: the node now names cred-2', async () => {
	const node = {
		...triggerNode({}),
		credentials: { telnyxTexmlApi: { id: 'cred-2', name: 'Another Telnyx account' } },
	};
	const staticData = {
		'node:Telnyx TeXML Trigger': {
			signatureKey: { credential: 'cred-1', publicKey: stranger.publicKey },
		},
	};
	const { credential, send } = await statusTrigger(node, staticData);
	// Signed by the key remembered for cred-1: refused, as cred-2 holds another key.
	expect(await send(stranger)).toBe(401);
	expect(await send()).toBe(200);
	expect(credential.reads()).toBe(1);
	expect(remembered(staticData)).toEqual({ credential: 'cred-2', publicKey: telnyx.publicKey });
});

test('activation reads the key (create of the Telnyx TeXML Trigger, checkExists of the answer trigger); the requests after it read none', async () => {
	const sandbox = await startSandbox();
	try {
		const engine: Engine = {
			package: {
				nodes: {
					'n8n-nodes-telnyx-texml.telnyxTexmlTrigger': new TelnyxTexmlTrigger(),
					[ANSWER_TRIGGER_TYPE]: new TelnyxTexmlAnswerTrigger(),
				},
				credentials: triggerEngine({}).package.credentials,
			},
			credentials: {
				telnyxTexmlApi: {
					apiKey: sandbox.account.apiKey,
					baseUrl: sandbox.baseUrl,
					publicKey: telnyx.publicKey,
				},
			},
		};
		const credential = countedCredential(engine);
		const status = triggerNode({});
		const answer = answerTriggerNode(
			sandbox.application.id,
			'a1f0c3d2-7b6e-4c59-8e1d-2f3a4b5c6d7f',
		);
		const staticData: IDataObject = {};
		const workflow = workflowOf(engine, { nodes: [status, answer], connections: {}, staticData });
		const hook = (node: INode) => activationContext(engine, workflow, node.name);
		await new TelnyxTexmlTrigger().webhookMethods.default.create.call(hook(status));
		await new TelnyxTexmlAnswerTrigger().webhookMethods.default.checkExists.call(hook(answer));
		const key = { credential: 'cred-1', publicKey: telnyx.publicKey };
		expect([remembered(staticData), remembered(staticData, answer.name)]).toEqual([key, key]);

		const reads = credential.reads();
		receiver = await startTriggerReceiver(engine, { nodes: [status], connections: {}, staticData });
		expect((await post(receiver, JOIN, signed())).status).toBe(200);
		expect(credential.reads()).toBe(reads);
	} finally {
		await sandbox.close();
	}
});

test("the answer trigger's activation forgets a key it cannot use; each call then says what is wrong", async () => {
	const sandbox = await startSandbox();
	try {
		const engine = triggerEngine({ publicKey: 'not-a-key' });
		engine.package.nodes[ANSWER_TRIGGER_TYPE] = new TelnyxTexmlAnswerTrigger();
		engine.credentials.telnyxTexmlApi = {
			...engine.credentials.telnyxTexmlApi,
			apiKey: sandbox.account.apiKey,
			baseUrl: sandbox.baseUrl,
		};
		const answer = answerTriggerNode(
			sandbox.application.id,
			'a1f0c3d2-7b6e-4c59-8e1d-2f3a4b5c6d7f',
		);
		const staticData: IDataObject = {
			[`node:${answer.name}`]: {
				signatureKey: { credential: 'cred-1', publicKey: telnyx.publicKey },
			},
		};
		const workflow = workflowOf(engine, { nodes: [answer], connections: {}, staticData });
		const context = activationContext(engine, workflow, answer.name);
		expect(
			await new TelnyxTexmlAnswerTrigger().webhookMethods.default.checkExists.call(context),
		).toBe(false);
		expect(remembered(staticData, answer.name)).toBeUndefined();
	} finally {
		await sandbox.close();
	}
});
