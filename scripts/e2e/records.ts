/**
 * Reading a tool result the way a model would: n8n hands a tool's output over as JSON text, whose
 * exact wrapping differs between n8n versions and transports. What counts is the Telnyx records
 * inside it, found wherever they are.
 */

export type TelnyxRecord = Record<string, unknown>;

function parse(text: string): unknown {
	try {
		return JSON.parse(text);
	} catch {
		return undefined;
	}
}

/** Every object that has `key`, searched through arrays, objects and JSON strings nested in them. */
export function recordsWith(value: unknown, key: string): TelnyxRecord[] {
	if (typeof value === 'string') {
		const parsed = parse(value);
		return parsed === undefined ? [] : recordsWith(parsed, key);
	}
	if (Array.isArray(value)) return value.flatMap((v) => recordsWith(v, key));
	if (value && typeof value === 'object') {
		if (key in value) return [value as TelnyxRecord];
		return Object.values(value).flatMap((v) => recordsWith(v, key));
	}
	return [];
}

/** Participants (they carry `call_sid`) in a tool result. */
export const participantsIn = (result: unknown) => recordsWith(result, 'call_sid');

/** Conferences (they carry `friendly_name`) in a tool result. */
export const conferencesIn = (result: unknown) => recordsWith(result, 'friendly_name');

/** What the node's Simplify keeps of a participant (a field Telnyx left out stays out). */
const SIMPLIFIED_PARTICIPANT = [
	'call_sid',
	'muted',
	'hold',
	'coaching',
	'coaching_call_sid',
	'status',
];

export function expectSimplified(participant: TelnyxRecord) {
	const keys = Object.keys(participant);
	const extra = keys.filter((k) => !SIMPLIFIED_PARTICIPANT.includes(k));
	const missing = ['call_sid', 'muted', 'hold', 'status'].filter((k) => !keys.includes(k));
	if (extra.length || missing.length) {
		throw new Error(
			`not a simplified participant (extra ${extra.join(', ')}; missing ${missing.join(', ')}): ${JSON.stringify(participant)}`,
		);
	}
}
