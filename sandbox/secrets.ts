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

/** The body as the request log keeps it: a secret's value masked, anything else as received. */
export function redactSecret(method: string, url: string, body: string): string {
	if (method !== 'POST' || url.split('?')[0] !== '/v2/texml/secrets') return body;
	return body.replace(VALUE, `$1"${REDACTED}"`);
}
