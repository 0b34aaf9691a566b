import { checkForm, type FieldRule } from './fields';
import { HttpError, invalid } from './http';

/**
 * Checks Telnyx applies to JSON bodies, answered with 422 in its documented shapes: a missing
 * required key is code 10004 (`Can't be blank: To`), a value of the wrong type 10026 (`The 'To'
 * parameter must be of type 'string'`), anything else 10015 naming the key.
 */
export type JsonRule =
	| 'string'
	| 'boolean'
	| 'url'
	/** An array of text. */
	| 'strings'
	/** An object whose values are text. */
	| 'string map'
	/** An array of `{ name, value }`, both text. */
	| 'headers'
	| { oneOf: string[] }
	| { integer: [number, number] }
	/** Several of these, space-separated. */
	| { words: string[] };

export const typeError = (key: string, type: string) =>
	new HttpError(422, [
		{
			code: '10026',
			title: 'Invalid parameter type',
			detail: `The '${key}' parameter must be of type '${type}'`,
			source: { pointer: `/${key}` },
		},
	]);

export const blank = (key: string) =>
	new HttpError(422, [
		{
			code: '10004',
			title: 'Missing required parameter',
			detail: `Can't be blank: ${key}`,
			source: { pointer: `/${key}` },
		},
	]);

const isText = (value: unknown) => typeof value === 'string';

/** The body as an object with every key known and well typed, the required ones present. */
export function checkJson(
	body: unknown,
	rules: Record<string, JsonRule>,
	required: string[] = [],
): Record<string, unknown> {
	if (!body || typeof body !== 'object' || Array.isArray(body))
		throw invalid('body', 'The request body must be a JSON object.');
	const request = body as Record<string, unknown>;
	for (const [key, value] of Object.entries(request)) {
		const rule = rules[key];
		if (rule === undefined) throw invalid(key, `${key} is not a known parameter.`);
		if (rule === 'boolean') {
			if (typeof value !== 'boolean') throw typeError(key, 'boolean');
		} else if (rule === 'strings') {
			if (!Array.isArray(value) || !value.every(isText)) throw typeError(key, 'array of strings');
		} else if (rule === 'string map') {
			const ok =
				value !== null &&
				typeof value === 'object' &&
				!Array.isArray(value) &&
				Object.values(value).every(isText);
			if (!ok) throw typeError(key, 'object of strings');
		} else if (rule === 'headers') {
			const ok =
				Array.isArray(value) &&
				value.every(
					(h) =>
						h &&
						typeof h === 'object' &&
						typeof h.name === 'string' &&
						h.name !== '' &&
						typeof h.value === 'string' &&
						Object.keys(h).length === 2,
				);
			if (!ok) throw invalid(key, `Every entry of ${key} needs a name and a value.`);
		} else if (typeof rule === 'object' && 'integer' in rule) {
			const [min, max] = rule.integer;
			if (typeof value !== 'number' || !Number.isInteger(value)) throw typeError(key, 'integer');
			if (value < min || value > max)
				throw invalid(key, `${key} must be a whole number from ${min} to ${max}.`);
		} else {
			if (typeof value !== 'string') throw typeError(key, 'string');
			checkForm({ [key]: value }, { [key]: (rule === 'string' ? 'text' : rule) as FieldRule });
		}
	}
	for (const key of required) {
		if (typeof request[key] !== 'string' || !(request[key] as string).trim()) throw blank(key);
	}
	return request;
}
