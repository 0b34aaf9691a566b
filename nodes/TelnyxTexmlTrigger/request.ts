import type { IDataObject, IHookFunctions, IWebhookFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import type { KeyObject } from 'node:crypto';

import { CREDENTIAL_TYPE } from '../shared/constants';
import {
	checkSignature,
	parsePublicKey,
	SIGNATURE_HEADER,
	TIMESTAMP_HEADER,
	type Rejection,
} from './signature';

const WHERE_TO_FIND =
	'Copy it from the Telnyx Portal (Account Settings → Keys & Credentials → Public Key) into the Public Key field of the Telnyx TeXML API credential, or turn off Verify Signature.';

type TriggerContext = IHookFunctions | IWebhookFunctions;

/**
 * The key a trigger last read, in its node's static data (n8n keeps that with the workflow and
 * hands it to every request): reading the credential costs n8n a database read and a decryption
 * per request. A public key, nothing secret.
 */
interface Remembered {
	credential: string;
	publicKey: string;
}

const REMEMBERED = 'signatureKey';

const credentialIdOf = (context: TriggerContext) =>
	context.getNode().credentials?.[CREDENTIAL_TYPE]?.id ?? '';

/** The credential's Ed25519 public key, or an error naming the field to fix; remembered. */
export async function publicKeyOf(context: TriggerContext): Promise<KeyObject> {
	const credentials = await context.getCredentials<{ publicKey?: string }>(CREDENTIAL_TYPE);
	const value = (credentials.publicKey ?? '').trim();
	if (!value) {
		throw new NodeOperationError(
			context.getNode(),
			'The credential has no Public Key to verify Telnyx signatures with',
			{
				description: WHERE_TO_FIND,
			},
		);
	}
	const key = parsePublicKey(value);
	if (!key) {
		throw new NodeOperationError(
			context.getNode(),
			'The Public Key of the credential is not a base64 Ed25519 public key (32 bytes)',
			{ description: WHERE_TO_FIND },
		);
	}
	const state = context.getWorkflowStaticData('node');
	const remembered = state[REMEMBERED] as Remembered | undefined;
	const credential = credentialIdOf(context);
	if (remembered?.publicKey !== value || remembered.credential !== credential)
		state[REMEMBERED] = { credential, publicKey: value } satisfies Remembered;
	return key;
}

/**
 * At activation: the credential's key read anew. One that cannot be used is forgotten, not an
 * activation error: each request then answers with what is wrong, as without remembering.
 */
export async function rememberPublicKey(context: IHookFunctions): Promise<void> {
	try {
		await publicKeyOf(context);
	} catch {
		delete context.getWorkflowStaticData('node')[REMEMBERED];
	}
}

/** The key remembered for the node's current credential, if any. */
function rememberedKey(context: IWebhookFunctions): KeyObject | undefined {
	const remembered = context.getWorkflowStaticData('node')[REMEMBERED] as Remembered | undefined;
	if (typeof remembered?.publicKey !== 'string') return undefined;
	return remembered.credential === credentialIdOf(context)
		? parsePublicKey(remembered.publicKey)
		: undefined;
}

type WebhookRequest = ReturnType<IWebhookFunctions['getRequestObject']>;

/**
 * The body bytes as n8n received them. n8n keeps them in `rawBody` before parsing the form; the
 * parsed form is never re-serialised, as that would not reproduce the signed bytes.
 */
export async function rawBodyOf(request: WebhookRequest): Promise<Buffer | undefined> {
	if (
		request.rawBody === undefined &&
		request.readable &&
		typeof request.readRawBody === 'function'
	) {
		await request.readRawBody();
	}
	const raw: unknown = request.rawBody;
	if (Buffer.isBuffer(raw)) return raw;
	return typeof raw === 'string' ? Buffer.from(raw, 'utf8') : undefined;
}

/** Answers 401 directly, so n8n starts nothing and sends nothing more. */
export function rejectUnauthorized(
	response: ReturnType<IWebhookFunctions['getResponseObject']>,
	reason: Rejection,
) {
	response.writeHead(401, { 'content-type': 'text/plain; charset=utf-8' });
	response.end(`Unauthorized: ${reason}`);
}

const header = (headers: IDataObject, name: string) =>
	typeof headers[name] === 'string' ? (headers[name] as string) : undefined;

/**
 * Checks the request's Telnyx signature with the credential's public key. A request that fails is
 * answered 401 here (with the reason); false means the caller returns `noWebhookResponse`.
 * The key remembered from the last read is tried first; the credential is read when there is
 * none, or when the signature does not match it (the credential may hold a new key by now).
 */
export async function acceptSigned(
	context: IWebhookFunctions,
	{ bodyless = false }: { bodyless?: boolean } = {},
): Promise<boolean> {
	const headers = context.getHeaderData() as IDataObject;
	const request = {
		signature: header(headers, SIGNATURE_HEADER),
		timestamp: header(headers, TIMESTAMP_HEADER),
		// A GET has no body: what Telnyx signs then is undocumented; the empty body is assumed.
		rawBody: bodyless ? Buffer.alloc(0) : await rawBodyOf(context.getRequestObject()),
	};
	const check = (key: KeyObject) => checkSignature(request, key, Math.floor(Date.now() / 1000));
	const remembered = rememberedKey(context);
	let rejection = remembered ? check(remembered) : undefined;
	if (!remembered || rejection === 'signature does not match') {
		const key = await publicKeyOf(context);
		if (key !== remembered) rejection = check(key);
	}
	if (!rejection) return true;
	rejectUnauthorized(context.getResponseObject(), rejection);
	return false;
}
