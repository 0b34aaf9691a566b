/** Where the Telnyx API lives; the credential's Base URL overrides it (a proxy, or the sandbox). */
export const TELNYX_API_BASE_URL = 'https://api.telnyx.com/v2';

/** The credential type every request of the node is signed with. */
export const CREDENTIAL_TYPE = 'telnyxTexmlApi';

/** The credential's Base URL as requests use it: the default when empty, no trailing slash. */
export function apiBaseUrl(baseUrl: unknown): string {
	const text =
		typeof baseUrl === 'string' && baseUrl.trim() !== '' ? baseUrl.trim() : TELNYX_API_BASE_URL;
	return text.replace(/\/+$/, '');
}

/**
 * The sending limits' defaults. The credential's fields use them; the node's older Sending fields
 * repeat them as literals (the lint wants literals there), and a test keeps the two equal.
 */
export const SENDING_DEFAULTS = {
	maxAttempts: 3,
	maxConcurrent: 10,
	maxPerSecond: 0,
	maxRateLimitWait: 300,
};
