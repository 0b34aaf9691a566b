import { invalid } from './http';

/** Checks Telnyx applies to form fields, answered with 422 like the real API. */
export type FieldRule =
	| 'boolean'
	| 'method'
	| 'url'
	| 'text'
	| { oneOf: string[] }
	| { integer: [number, number] }
	/** Several of these, space-separated (Telnyx's callback event lists). */
	| { words: string[] };

export function checkForm(form: Record<string, string>, rules: Record<string, FieldRule>) {
	for (const [key, value] of Object.entries(form)) {
		const rule = rules[key];
		if (rule === undefined) throw invalid(key, `${key} is not a known parameter.`);
		if (rule === 'boolean' && value !== 'true' && value !== 'false') {
			throw invalid(key, `${key} must be true or false.`);
		}
		if (rule === 'method' && value !== 'GET' && value !== 'POST') {
			throw invalid(key, `${key} must be GET or POST.`);
		}
		if (rule === 'url' && !/^https?:\/\/[^/\s]+/.test(value)) {
			throw invalid(key, `${key} must be an absolute http(s) URL.`);
		}
		if (typeof rule === 'object' && 'oneOf' in rule && !rule.oneOf.includes(value)) {
			throw invalid(key, `${key} must be one of ${rule.oneOf.join(', ')}.`);
		}
		if (typeof rule === 'object' && 'words' in rule) {
			const words = value.split(' ');
			if (words.some((w) => !rule.words.includes(w))) {
				throw invalid(key, `${key} must be space-separated values from: ${rule.words.join(' ')}.`);
			}
		}
		if (typeof rule === 'object' && 'integer' in rule) {
			const [min, max] = rule.integer;
			const n = Number(value);
			if (!/^-?\d+$/.test(value) || n < min || n > max) {
				throw invalid(key, `${key} must be a whole number from ${min} to ${max}.`);
			}
		}
	}
}

export const bool = (value: string | undefined) =>
	value === undefined ? undefined : value === 'true';
