import { randomBytes } from 'node:crypto';

/** How Telnyx writes a call SID and a date: one place for the store, the calls and the routes. */

export function newCallSid(): string {
	return `v3:${randomBytes(30).toString('base64url')}`;
}

/** RFC 2822 with a numeric zone, as Telnyx writes `date_created`. */
export function rfc2822(date: Date): string {
	return date.toUTCString().replace('GMT', '+0000');
}
