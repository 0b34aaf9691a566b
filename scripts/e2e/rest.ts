/** The editor's internal REST API, as the browser uses it: a login cookie plus a browser id. */

export const OWNER = {
	email: 'owner@example.com',
	firstName: 'Sandbox',
	lastName: 'Owner',
	password: 'SandboxPass123!',
};

export class EditorSession {
	private cookie = '';

	private readonly browserId = 'e2e-browser';

	constructor(readonly url: string) {}

	/** The login cookie as a `cookie` header value (what n8n's "n8n User Auth" webhooks ask for). */
	get cookieHeader() {
		return this.cookie;
	}

	async request<T = unknown>(
		method: string,
		path: string,
		body?: unknown,
	): Promise<{ status: number; data: T }> {
		const res = await fetch(`${this.url}${path}`, {
			method,
			headers: {
				'browser-id': this.browserId,
				...(this.cookie ? { cookie: this.cookie } : {}),
				...(body === undefined ? {} : { 'content-type': 'application/json' }),
			},
			body: body === undefined ? undefined : JSON.stringify(body),
		});
		const setCookie = res.headers.getSetCookie().find((c) => c.startsWith('n8n-auth='));
		if (setCookie) this.cookie = setCookie.split(';')[0];
		const text = await res.text();
		let parsed: unknown = text;
		try {
			parsed = JSON.parse(text);
		} catch {
			// not JSON: keep the text
		}
		const data =
			parsed && typeof parsed === 'object' && 'data' in parsed
				? (parsed as { data: T }).data
				: (parsed as T);
		return { status: res.status, data };
	}

	/** Creates the owner on a fresh database (n8n has no setting for this), or signs in. */
	async signIn() {
		const setup = await this.request('POST', '/rest/owner/setup', OWNER);
		if (setup.status === 200) return;
		const login = await this.request('POST', '/rest/login', {
			emailOrLdapLoginId: OWNER.email,
			email: OWNER.email,
			password: OWNER.password,
		});
		if (login.status !== 200)
			throw new Error(`sign-in failed: ${login.status} ${JSON.stringify(login.data)}`);
	}

	/** What the credential panel's "Test" does: runs the credential's test request with these values. */
	testCredential(credential: {
		id: string;
		name: string;
		type: string;
		data: Record<string, unknown>;
	}) {
		return this.request<{ status: string; message: string }>('POST', '/rest/credentials/test', {
			credentials: credential,
		});
	}
}
