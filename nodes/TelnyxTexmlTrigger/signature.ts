import { createPublicKey, verify, type KeyObject } from 'node:crypto';

/**
 * Telnyx signs every callback with Ed25519 over the bytes `<telnyx-timestamp>|<raw body>`
 * (headers `telnyx-signature-ed25519`, base64, and `telnyx-timestamp`, Unix seconds).
 */

/** How far the signed timestamp may be from now, either way, as in Telnyx's own SDKs. */
export const TIMESTAMP_TOLERANCE_SECONDS = 300;

export const SIGNATURE_HEADER = 'telnyx-signature-ed25519';
export const TIMESTAMP_HEADER = 'telnyx-timestamp';

/** Why a callback was refused; written to the 401 body so a misconfiguration can be diagnosed. */
export type Rejection =
	| 'missing signature header'
	| 'missing timestamp header'
	| 'malformed timestamp'
	| 'timestamp outside the allowed window'
	| 'malformed signature'
	| 'missing raw body'
	| 'signature does not match';

/**
 * The public key from the Telnyx portal is the base64 of the raw 32-byte Ed25519 key. Returns
 * undefined for anything else, so the caller can name the credential field to fix.
 */
export function parsePublicKey(base64: string): KeyObject | undefined {
	// The same keys arrive with every request: each parsed once (public keys, nothing secret kept).
	if (parsed.has(base64)) return parsed.get(base64);
	if (parsed.size >= PARSED_KEYS) parsed.clear();
	const key = parseKey(base64);
	parsed.set(base64, key);
	return key;
}

/** A few credentials' keys at most in one n8n; a bound all the same. */
const PARSED_KEYS = 16;
const parsed = new Map<string, KeyObject | undefined>();

function parseKey(base64: string): KeyObject | undefined {
	const trimmed = base64.trim();
	if (!/^[A-Za-z0-9+/]+={0,2}$/.test(trimmed)) return undefined;
	const raw = Buffer.from(trimmed, 'base64');
	if (raw.length !== 32) return undefined;
	try {
		return createPublicKey({
			key: { kty: 'OKP', crv: 'Ed25519', x: raw.toString('base64url') },
			format: 'jwk',
		});
	} catch {
		return undefined;
	}
}

export interface SignedRequest {
	signature: string | undefined;
	timestamp: string | undefined;
	/** The body bytes exactly as received; never a re-serialisation of the parsed form. */
	rawBody: Buffer | undefined;
}

/** Returns undefined when the request is authentic and fresh, otherwise why it is not. */
export function checkSignature(
	request: SignedRequest,
	key: KeyObject,
	nowSeconds: number,
): Rejection | undefined {
	const { signature, timestamp, rawBody } = request;
	if (!signature) return 'missing signature header';
	if (!timestamp) return 'missing timestamp header';
	if (!/^\d{1,12}$/.test(timestamp)) return 'malformed timestamp';
	if (Math.abs(nowSeconds - Number(timestamp)) > TIMESTAMP_TOLERANCE_SECONDS) {
		return 'timestamp outside the allowed window';
	}
	const signatureBytes = Buffer.from(signature, 'base64');
	if (!/^[A-Za-z0-9+/]+={0,2}$/.test(signature) || signatureBytes.length !== 64)
		return 'malformed signature';
	if (!rawBody) return 'missing raw body';
	const signed = Buffer.concat([Buffer.from(`${timestamp}|`, 'utf8'), rawBody]);
	return verify(null, signed, key, signatureBytes) ? undefined : 'signature does not match';
}
