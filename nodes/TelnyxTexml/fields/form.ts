import type {
	IDataObject,
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	INodeProperties,
	INodePropertyOptions,
} from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { Checked } from '../../shared/valueChecks';
import {
	absoluteUrl,
	checkTyped,
	fieldProblem,
	NOT_HTTP_URL,
	NOT_TEXT,
} from '../../shared/valueChecks';

type Kind =
	| 'boolean'
	| 'choice'
	| 'choices'
	| 'number'
	| 'url'
	| 'urls'
	| 'text'
	| 'pairs'
	| 'object'
	| 'list';

interface FormField {
	label: string;
	kind: Kind;
	choices?: string[];
	min?: number;
	max?: number;
	/** A top-level field marked required: an item without it fails before sending. */
	required?: boolean;
}

/** A rule across fields, e.g. Coaching on needs Call SID To Coach. */
export interface FieldDependency {
	when: string;
	is: unknown;
	requires: string;
	/** What the user should do, in the words of the operation. */
	fix: string;
}

/**
 * Telnyx names every callback/media URL field `…Url` or `…Callback` (`…_url`, `…_callback` in its
 * JSON:API resources); those must be absolute URLs. `…Callbacks` is a list of them.
 */
const URL_FIELD = /(Url|Callback|_url|_callback)$/;
const URLS_FIELD = /Callbacks$/;
/** JSON fields that are lists of words (e.g. an application's tags). */
const LIST_FIELD = /^tags$/;

function kindOf(property: INodeProperties, wire: string): FormField {
	const field: FormField = {
		label: property.displayName,
		kind: 'text',
		required: property.required,
	};
	if (property.type === 'boolean') field.kind = 'boolean';
	else if (property.type === 'options') {
		field.kind = 'choice';
		field.choices = (property.options as INodePropertyOptions[]).map((o) => String(o.value));
	} else if (property.type === 'multiOptions') {
		field.kind = 'choices';
		field.choices = (property.options as INodePropertyOptions[]).map((o) => String(o.value));
	} else if (property.type === 'fixedCollection') {
		field.kind = 'pairs';
	} else if (property.type === 'json') {
		field.kind = 'object';
	} else if (property.type === 'number') {
		field.kind = 'number';
		field.min = property.typeOptions?.minValue;
		field.max = property.typeOptions?.maxValue;
	} else if (URL_FIELD.test(wire)) field.kind = 'url';
	else if (URLS_FIELD.test(wire)) field.kind = 'urls';
	else if (LIST_FIELD.test(wire)) field.kind = 'list';
	return field;
}

/** Every body field an operation can send, keyed by its Telnyx (wire) name. */
function collectFields(properties: INodeProperties[], into: Record<string, FormField> = {}) {
	for (const property of properties) {
		const send = property.routing?.send;
		if (send?.type === 'body' && typeof send.property === 'string') {
			into[send.property] = kindOf(property, send.property);
		}
		if (property.type === 'collection' && property.options) {
			collectFields(property.options as INodeProperties[], into);
		}
	}
	return into;
}

/** Every check here runs before the request: the item's error says so. */
const NOT_SENT = 'Nothing was sent to Telnyx for this item.';

type Normalized = Checked | { entries: Array<[string, string]> };

/** A list of `{ name, value }` (e.g. SIP headers) as indexed form keys: `Key[0][name]=…&Key[0][value]=…`. */
function pairs(wire: string, value: unknown): Normalized {
	const list = Array.isArray(value) ? value : [];
	const entries: Array<[string, string]> = [];
	for (const [index, pair] of list.entries()) {
		const name = typeof pair?.name === 'string' ? pair.name.trim() : '';
		if (name === '' || typeof pair?.value === 'object') {
			return {
				problem: 'needs a name and a text value in every entry',
				fix: 'Fill in or remove the incomplete entry.',
			};
		}
		entries.push(
			[`${wire}[${index}][name]`, name],
			[`${wire}[${index}][value]`, String(pair.value ?? '')],
		);
	}
	return { entries };
}

/** Returns the value as Telnyx expects it, or a sentence saying what is wrong with it. */
function normalize(field: FormField, value: unknown, wire: string): Normalized {
	const typed = checkTyped(field.kind, field, value);
	if (typed) return typed;
	switch (field.kind) {
		case 'pairs':
			return pairs(wire, value);
		case 'object': {
			// A JSON object, as an object or as its text (what a JSON field holds).
			let object = value;
			if (typeof value === 'string') {
				try {
					object = JSON.parse(value);
				} catch {
					object = undefined;
				}
			}
			if (object !== null && typeof object === 'object' && !Array.isArray(object)) {
				return { value: JSON.stringify(object) };
			}
			return {
				problem: 'must be a JSON object',
				fix: 'Enter an object such as {"name": "Ada"}, or map one from the input data.',
			};
		}
		case 'list':
		case 'urls': {
			const words = (Array.isArray(value) ? value.map(String) : String(value).split(/[\s,]+/))
				.map((w) => w.trim())
				.filter(Boolean);
			if (field.kind === 'urls' && !words.every((word) => absoluteUrl(word))) {
				return {
					problem: 'must be absolute http(s) URLs separated by commas',
					fix: 'Enter full addresses such as https://example.com/a, https://example.com/b.',
				};
			}
			return { value: words.join(' ') };
		}
		case 'url': {
			const text = typeof value === 'string' ? value.trim() : '';
			return absoluteUrl(text) ? { value: text } : NOT_HTTP_URL;
		}
		default:
			return typeof value === 'object' ? NOT_TEXT : { value: String(value) };
	}
}

/**
 * One value checked against its n8n field definition (`name`: the wire or attribute name, which
 * decides whether the text must be a URL), as the form body checks it.
 */
export function checkValue(property: INodeProperties, value: unknown, name: string): Checked {
	const result = normalize(kindOf(property, name), value, name);
	if ('entries' in result) return { problem: 'must be text', fix: 'Map a single text value.' };
	return result;
}

/** The value of one JSON key, typed as the field's kind says. */
function jsonValue(text: string, kind: Kind | undefined): unknown {
	if (kind === 'boolean') return text === 'true';
	if (kind === 'number') return Number(text);
	if (kind === 'object') return JSON.parse(text);
	if (kind === 'list' || kind === 'urls') return text.split(' ');
	return text;
}

/**
 * The body as JSON (call initiation, AI calls, applications, secrets): booleans, numbers, objects
 * and lists typed, pairs as a list, `a.b` keys nested (an application's `outbound.channel_limit`).
 */
function jsonBody(form: Record<string, string>, fields: Record<string, FormField>): string {
	const body: IDataObject = {};
	for (const [key, text] of Object.entries(form)) {
		const dotted = /^(\w+)\.(\w+)$/.exec(key);
		if (dotted) {
			const inner = ((body[dotted[1]] as IDataObject | undefined) ??= {});
			inner[dotted[2]] = jsonValue(text, fields[key]?.kind) as IDataObject[string];
			continue;
		}
		const pair = /^(\w+)\[(\d+)\]\[(name|value)\]$/.exec(key);
		if (pair) {
			const list = ((body[pair[1]] as IDataObject[] | undefined) ??= []);
			(list[Number(pair[2])] ??= {})[pair[3]] = text;
			continue;
		}
		body[key] = jsonValue(text, fields[key]?.kind) as IDataObject[string];
	}
	return JSON.stringify(body);
}

/** RFC 3986 form encoding (`%20` for spaces), the same bytes the official Telnyx SDK sends. */
export function encodeForm(body: Record<string, string>): string {
	return Object.entries(body)
		.map(([key, value]) => `${encodeURIComponent(key)}=${encodeURIComponent(value)}`)
		.join('&');
}

/**
 * preSend factory: checks every body field the user set against its n8n definition, drops the
 * ones left empty, and form-encodes the rest (or writes it as JSON: Telnyx's call initiation takes
 * only JSON). A bad item fails here, before anything is sent.
 */
export function formBody(
	properties: INodeProperties[],
	dependencies: FieldDependency[] = [],
	encoding: 'form' | 'json' = 'form',
) {
	const fields = collectFields(properties);
	return async function validateAndEncodeForm(
		this: IExecuteSingleFunctions,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> {
		// The message says what to do on its own: an AI model calling the node as a tool sees only it.
		const fail = (message: string) => {
			throw new NodeOperationError(this.getNode(), message, {
				description: NOT_SENT,
				itemIndex: this.getItemIndex(),
			});
		};
		const form: Record<string, string> = {};
		for (const [wire, value] of Object.entries((requestOptions.body ?? {}) as IDataObject)) {
			if (
				value === undefined ||
				value === null ||
				(typeof value === 'string' && value.trim() === '')
			)
				continue; // not set
			const field = fields[wire] ?? { label: wire, kind: 'text' as const };
			const result = normalize(field, value, wire);
			if ('problem' in result) {
				fail(fieldProblem(field.label, value, result.problem, result.fix));
			} else if ('entries' in result) {
				for (const [key, text] of result.entries) form[key] = text;
			} else if (result.value !== '') {
				form[wire] = result.value;
			}
		}
		for (const [wire, field] of Object.entries(fields)) {
			if (field.required && form[wire] === undefined) {
				fail(
					`The "${field.label}" field is empty. Enter a value for it or map one from the input data.`,
				);
			}
		}
		for (const { when, is, requires, fix } of dependencies) {
			if (form[when] === String(is) && form[requires] === undefined) {
				const label = (name: string) => fields[name]?.label ?? name;
				fail(`"${label(requires)}" is needed when "${label(when)}" is ${String(is)}. ${fix}`);
			}
		}
		requestOptions.body = encoding === 'json' ? jsonBody(form, fields) : encodeForm(form);
		return requestOptions;
	};
}
