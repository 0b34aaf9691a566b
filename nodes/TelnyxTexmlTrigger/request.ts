import type { IDataObject, IHookFunctions, IWebhookFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import type { KeyObject } from 'node:crypto';

import {
	checkSignature,
	parsePublicKey,
	SIGNATURE_HEADER,
	TIMESTAMP_HEADER,
	type Rejection,
} from './signature';

const WHERE_TO_FIND =
	'Copy it from the Telnyx Portal (Account Settings → Keys & Credentials → Public Key) into the Public Key field of the Telnyx TeXML API credential, or turn off Verify Signature.';

/** The credential's Ed25519 public key, or an error naming the field to fix. */
export async function publicKeyOf(context: IHookFunctions | IWebhookFunctions): Promise<KeyObject> {
	const credentials = await context.getCredentials<{ publicKey?: string }>('telnyxTexmlApi');
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
	return key;
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
 */
export async function acceptSigned(
	context: IWebhookFunctions,
	{ bodyless = false }: { bodyless?: boolean } = {},
): Promise<boolean> {
	const key = await publicKeyOf(context);
	const headers = context.getHeaderData() as IDataObject;
	const rejection = checkSignature(
		{
			signature: header(headers, SIGNATURE_HEADER),
			timestamp: header(headers, TIMESTAMP_HEADER),
			// A GET has no body: what Telnyx signs then is undocumented; the empty body is assumed.
			rawBody: bodyless ? Buffer.alloc(0) : await rawBodyOf(context.getRequestObject()),
		},
		key,
		Math.floor(Date.now() / 1000),
	);
	if (!rejection) return true;
	rejectUnauthorized(context.getResponseObject(), rejection);
	return false;
}
