/** Where the Telnyx API lives; the credential's Base URL overrides it (a proxy, or the sandbox). */
export const TELNYX_API_BASE_URL = 'https://api.telnyx.com/v2';
