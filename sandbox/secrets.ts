/**
 * TeXML secrets (`POST /texml/secrets`): a name and a value the account's TeXML templates use.
 * The value is kept for the account and never answered (the answer says `REDACTED`), nor kept in
 * the request log: `redactSecret` masks it there before anything else sees the request.
 */

export class SecretBook {
	private readonly values = new Map<string, Map<string, string>>();

	/** Sets a secret; a name already there gets the new value, as the document says. */
	set(accountSid: string, name: string, value: string) {
		const account = this.values.get(accountSid) ?? new Map<string, string>();
		account.set(name, value);
		this.values.set(accountSid, account);
	}

	/** The account's secret names (never their values: a test asks whether one is kept by `matches`). */
	names(accountSid: string): string[] {
		return [...(this.values.get(accountSid)?.keys() ?? [])];
	}

	/** Whether the account's secret of that name has this value. */
	matches(accountSid: string, name: string, value: string): boolean {
		return this.values.get(accountSid)?.get(name) === value;
	}
}

export const REDACTED = 'REDACTED';

/** `"value": <anything but an object or array>` in a JSON text. */
const VALUE = /("value"\s*:\s*)("(?:[^"\\]|\\.)*"|[^,}\]\s]+)/g;

/** Whether a request goes to `POST /v2/texml/secrets`, read as the router reads paths. */
function isSecrets(method: string, url: string): boolean {
	if (method !== 'POST') return false;
	const segments = url.split('?')[0].split('/').filter(Boolean);
	let decoded: string[];
	try {
		decoded = segments.map((s) => decodeURIComponent(s));
	} catch {
		return false;
	}
	return decoded.join('/').replace(/\.json$/, '') === 'v2/texml/secrets';
}

/** The body as the request log keeps it: a secret's value masked, anything else as received. */
export function redactSecret(method: string, url: string, body: string): string {
	return isSecrets(method, url) ? body.replace(VALUE, `$1"${REDACTED}"`) : body;
}
