import type { IDataObject, INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import type { Checked } from '../valueChecks';
import {
	absoluteUrl,
	checkTyped,
	fieldProblem,
	HTTP_PROTOCOLS,
	NOT_HTTP_URL,
	NOT_TEXT,
} from '../valueChecks';
import type { Attributes } from './xml';
import { hasForbiddenCharacter } from './xml';

/**
 * The checks of a TeXML attribute value, by kind. The kind comes from the n8n field that holds it
 * (boolean, options, multiOptions, number with its range) and, for text, from the attribute's
 * name: TeXML names its URLs `action`, `url`, `…Url`, `…Callback` and `…Action`.
 */
export type AttributeKind = 'text' | 'url' | 'wss' | 'boolean' | 'integer' | 'choice' | 'choices';

export interface AttributeSpec {
	/** The field's label, as error messages name it. */
	label: string;
	kind: AttributeKind;
	min?: number;
	max?: number;
	choices?: string[];
	maxLength?: number;
	/** A rule for text: the value must match, else `problem` and `fix` are told. */
	pattern?: { test: RegExp; problem: string; fix: string };
}

const URL_ATTRIBUTE = /^(action|url)$|(Url|Callback|Action)$/;

/** The spec of the attribute `attribute` held by `property`, with any rule of the verb on top. */
export function specOf(
	property: INodeProperties,
	attribute: string = property.name,
	rule: Partial<AttributeSpec> = {},
): AttributeSpec {
	const spec: AttributeSpec = { label: property.displayName, kind: 'text' };
	if (property.type === 'boolean') spec.kind = 'boolean';
	else if (property.type === 'options' || property.type === 'multiOptions') {
		spec.kind = property.type === 'options' ? 'choice' : 'choices';
		spec.choices = (property.options as INodePropertyOptions[]).map((o) => String(o.value));
	} else if (property.type === 'number') {
		spec.kind = 'integer';
		spec.min = property.typeOptions?.minValue;
		spec.max = property.typeOptions?.maxValue;
	} else if (URL_ATTRIBUTE.test(attribute)) spec.kind = 'url';
	return { ...spec, ...rule };
}

function checkText(spec: AttributeSpec, value: unknown): Checked {
	if (typeof value === 'object') return NOT_TEXT;
	const text = String(value);
	if (spec.kind === 'url' || spec.kind === 'wss') {
		const wss = spec.kind === 'wss';
		if (absoluteUrl(text.trim(), wss ? ['wss:'] : HTTP_PROTOCOLS)) return { value: text.trim() };
		return wss
			? {
					problem: 'must be an absolute wss:// URL',
					fix: 'Enter a full address such as wss://example.com/stream.',
				}
			: NOT_HTTP_URL;
	}
	if (spec.maxLength !== undefined && text.length > spec.maxLength)
		return {
			problem: `must be at most ${spec.maxLength} characters long`,
			fix: 'Shorten it.',
		};
	if (spec.pattern && !spec.pattern.test.test(text))
		return { problem: spec.pattern.problem, fix: spec.pattern.fix };
	return { value: text };
}

/** Returns the value as TeXML writes it, or a sentence saying what is wrong with it. */
export function checkAttribute(spec: AttributeSpec, value: unknown): Checked {
	return checkTyped(spec.kind, spec, value) ?? checkText(spec, value);
}

/** Whether a value counts as not given: the attribute is then left out. */
export function isUnset(value: unknown): boolean {
	return (
		value === undefined ||
		value === null ||
		(typeof value === 'string' && value.trim() === '') ||
		(Array.isArray(value) && value.length === 0)
	);
}

/**
 * The value checked, or the message that names the field: `The "Timeout" field must be a whole
 * number from 1 to 120, but it is 500. Enter a whole number from 1 to 120.`
 */
export function checkedAttribute(
	spec: AttributeSpec,
	value: unknown,
): { value: string } | { message: string } {
	const result = checkAttribute(spec, value);
	if ('problem' in result)
		return { message: fieldProblem(spec.label, value, result.problem, result.fix) };
	if (hasForbiddenCharacter(result.value))
		return {
			message: `The "${spec.label}" field contains a control character TeXML cannot carry. Remove it.`,
		};
	return result;
}

/**
 * The attributes set in a collection whose option names are TeXML attribute names (e.g. Conference
 * Options), checked, in the order the options are listed. Unset options are left out.
 */
export function collectionAttributes(
	collection: INodeProperties,
	given: IDataObject,
	fail: (message: string) => never,
	rules: Record<string, Partial<AttributeSpec>> = {},
): Attributes {
	const attributes: Attributes = [];
	for (const option of collection.options as INodeProperties[]) {
		const value = given[option.name];
		if (isUnset(value)) continue;
		const result = checkedAttribute(specOf(option, option.name, rules[option.name]), value);
		if ('message' in result) fail(result.message);
		else attributes.push([option.name, result.value]);
	}
	return attributes;
}
