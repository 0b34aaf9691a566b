import { xmlEscape } from '../TelnyxTexml/fields/texml';

const DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>';

/**
 * The TeXML a caller gets when the workflow cannot answer: the message, then a hang-up, or the
 * redirect to another document.
 */
export function fallbackTexml(message: string, redirectUrl: string): string {
	const say = message.trim() ? `<Say>${xmlEscape(message.trim())}</Say>` : '';
	const next = redirectUrl.trim()
		? `<Redirect>${xmlEscape(redirectUrl.trim())}</Redirect>`
		: '<Hangup/>';
	return `${DECLARATION}<Response>${say}${next}</Response>`;
}
