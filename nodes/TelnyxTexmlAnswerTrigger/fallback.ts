import type { TexmlElement } from '../shared/texml/xml';
import { writeDocument } from '../shared/texml/xml';
import { DEFAULT_FALLBACK_MESSAGE } from './description';

function document(message: string, redirectUrl: string): string {
	const verbs: TexmlElement[] = message ? [{ name: 'Say', text: message }] : [];
	verbs.push(redirectUrl ? { name: 'Redirect', text: redirectUrl } : { name: 'Hangup' });
	return writeDocument(verbs);
}

/**
 * The TeXML a caller gets when the workflow cannot answer: the message, then a hang-up, or the
 * redirect to another document. A message or URL TeXML cannot carry (a control character) must
 * not leave the caller in silence either: the default apology and a hang-up go out instead.
 */
export function fallbackTexml(message: string, redirectUrl: string): string {
	try {
		return document(message.trim(), redirectUrl.trim());
	} catch {
		return document(DEFAULT_FALLBACK_MESSAGE, '');
	}
}
