/**
 * The typed value checks the node's form bodies and the TeXML Response's attributes share: a
 * value from an n8n field (or an expression) is taken as the field's type says, or refused with
 * what is wrong and how to fix it. `fieldProblem` puts the two into the field's message.
 */
export type Checked = { value: string } | { problem: string; fix: string };

/** What a typed check needs of the field: its listed values, or its number range. */
export interface ValueRule {
	choices?: string[];
	min?: number;
	max?: number;
}

export const HTTP_PROTOCOLS = ['http:', 'https:'];

export function absoluteUrl(text: string, protocols: string[] = HTTP_PROTOCOLS): boolean {
	try {
		const url = new URL(text);
		return protocols.includes(url.protocol) && url.hostname !== '';
	} catch {
		return false;
	}
}

export const NOT_HTTP_URL = {
	problem: 'must be an absolute http(s) URL',
	fix: 'Enter a full address such as https://example.com/hold-music.xml.',
};

export const NOT_TEXT = {
	problem: 'must be text',
	fix: 'Map a single text value, not an object or a list.',
};

/** The listed value a typed word stands for; letter case is forgiven. */
const choiceFor = (rule: ValueRule, word: string) =>
	rule.choices!.find((choice) => choice.toLowerCase() === word.toLowerCase());

function rangeText(rule: ValueRule): string {
	if (rule.min !== undefined && rule.max !== undefined) return ` from ${rule.min} to ${rule.max}`;
	if (rule.min !== undefined) return ` of at least ${rule.min}`;
	return '';
}

/** Several listed values (events…), written as one space-separated value. */
export function checkChoices(rule: ValueRule, value: unknown): Checked {
	const words = Array.isArray(value) ? value.map(String) : String(value).split(/[\s,]+/);
	const matches = words
		.map((w) => w.trim())
		.filter(Boolean)
		.map((word) => choiceFor(rule, word));
	if (typeof value !== 'object' || Array.isArray(value)) {
		if (matches.every((m) => m !== undefined)) return { value: matches.join(' ') };
	}
	return {
		problem: `may only contain ${rule.choices!.join(', ')}`,
		fix: 'Pick from the listed values, or make the expression return a list of them.',
	};
}

export function checkBoolean(value: unknown): Checked {
	const text = typeof value === 'string' ? value.trim().toLowerCase() : value;
	if (text === true || text === 'true') return { value: 'true' };
	if (text === false || text === 'false') return { value: 'false' };
	return {
		problem: 'must be true or false',
		fix: 'Use a boolean, or the text "true" or "false".',
	};
}

export function checkChoice(rule: ValueRule, value: unknown): Checked {
	const match = choiceFor(rule, String(value).trim());
	if (typeof value !== 'object' && match !== undefined) return { value: match };
	return {
		problem: `must be one of ${rule.choices!.join(', ')}`,
		fix: 'Pick one of the listed values, or make the expression return one of them.',
	};
}

export function checkWholeNumber(rule: ValueRule, value: unknown): Checked {
	const number = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
	const inRange =
		typeof number === 'number' &&
		Number.isInteger(number) &&
		(rule.min === undefined || number >= rule.min) &&
		(rule.max === undefined || number <= rule.max);
	if (inRange) return { value: String(number) };
	const range = rangeText(rule);
	return { problem: `must be a whole number${range}`, fix: `Enter a whole number${range}.` };
}

/**
 * The kinds both check alike (`integer` is the attributes' name of `number`); undefined for any
 * other kind (text, URLs, lists…), which each checks its own way.
 */
export function checkTyped(kind: string, rule: ValueRule, value: unknown): Checked | undefined {
	switch (kind) {
		case 'choices':
			// Telnyx and TeXML take several events as one space-separated value.
			return checkChoices(rule, value);
		case 'boolean':
			return checkBoolean(value);
		case 'choice':
			return checkChoice(rule, value);
		case 'integer':
		case 'number':
			return checkWholeNumber(rule, value);
		default:
			return undefined;
	}
}

/** The value as a message quotes it, cut short: a mapped object can be large. */
function shown(value: unknown): string {
	const text = typeof value === 'string' ? `"${value}"` : (JSON.stringify(value) ?? String(value));
	return text.length > 80 ? `${text.slice(0, 77)}…` : text;
}

/** `The "Timeout" field must be a whole number from 1 to 120, but it is 500. Enter …` */
export function fieldProblem(label: string, value: unknown, problem: string, fix: string): string {
	return `The "${label}" field ${problem}, but it is ${shown(value)}. ${fix}`;
}
