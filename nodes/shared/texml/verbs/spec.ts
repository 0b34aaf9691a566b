import type { IDataObject, INodeProperties } from 'n8n-workflow';

import { httpMethodOptions } from '../../mediaFields';
import type { AttributeSpec } from '../attributes';
import { checkedAttribute, collectionAttributes, isUnset, specOf } from '../attributes';
import type { Attributes, TexmlElement } from '../xml';

/**
 * A verb of the Telnyx TeXML Response node: its n8n fields (each shown when the entry's Verb is
 * this verb) and how an entry's values become the element. Field names are unique across verbs,
 * since all verbs share one list entry; each attribute is named where it is read.
 */
export interface VerbSpec {
	/** The Verb option's value, e.g. `gather`. */
	value: string;
	/** The Verb option's name and the name errors use, e.g. `Gather`. */
	name: string;
	description: string;
	fields: INodeProperties[];
	build(entry: EntryReader): TexmlElement;
}

/** What a verb's build reads an entry with; every read checks and names the field when it fails. */
export interface EntryReader {
	/** The entry's value of a field, or the field's default when the entry leaves it out. */
	raw(field: INodeProperties): unknown;
	/** `[attribute, value]` checked, or nothing when the field is unset (or `required` fails). */
	attribute(
		field: INodeProperties,
		attribute: string,
		rule?: Partial<AttributeSpec> & { required?: boolean },
	): Attributes;
	/** The element's text, checked; an empty required field fails. */
	text(field: INodeProperties, rule?: Partial<AttributeSpec> & { required?: boolean }): string;
	/** The attributes of an options collection (option name = attribute name), checked. */
	options(collection: INodeProperties, rules?: Record<string, Partial<AttributeSpec>>): Attributes;
	/** The `action` URL: the field, else the answer trigger's URL with `?event=<event>`. */
	action(field: INodeProperties, event: string): Attributes;
	/** A URL the call goes on to: the field, else the answer trigger's URL with `?event=<event>`. */
	backUrl(field: INodeProperties, event: string): string;
	/**
	 * The entries of a nested list (e.g. Gather's prompts), each with its own reader, whose errors
	 * start with `<label> <position>`.
	 */
	list(field: INodeProperties, entryName: string, label: string): EntryReader[];
	fail(message: string): never;
}

/** displayOptions showing a field for the given verbs (and any other condition of the entry). */
export const forVerbs = (verbs: string[], more: Record<string, string[]> = {}) => ({
	show: { verb: verbs, ...more },
});

/** `Verb 2 (Gather): the "Timeout" field …`: a message placed under what it is about. */
export const within = (where: string, message: string) =>
	`${where}: ${message.replace(/^(The|Prompt) /, (word) => word.toLowerCase())}`;

/** A GET/POST option of a URL attribute. */
export const methodField = (
	name: string,
	displayName: string,
	description: string,
): INodeProperties => ({
	displayName,
	name,
	type: 'options',
	options: httpMethodOptions,
	default: 'POST',
	description,
});

/** Reads one list entry of the node's parameters (a verb, or a prompt of Gather). */
export class Entry implements EntryReader {
	constructor(
		private readonly values: IDataObject,
		readonly fail: (message: string) => never,
		/** The answer trigger's URL for the event; '' to leave the action out; undefined: no trigger. */
		private readonly defaultAction: (event: string) => string | undefined,
	) {}

	raw(field: INodeProperties): unknown {
		const value = this.values[field.name];
		return value === undefined ? field.default : value;
	}

	private checked(field: INodeProperties, attribute: string, rule: Partial<AttributeSpec> = {}) {
		const result = checkedAttribute(specOf(field, attribute, rule), this.raw(field));
		if ('message' in result) this.fail(result.message);
		return (result as { value: string }).value;
	}

	attribute(
		field: INodeProperties,
		attribute: string,
		rule: Partial<AttributeSpec> & { required?: boolean } = {},
	): Attributes {
		if (isUnset(this.raw(field))) {
			if (rule.required) this.fail(`The "${field.displayName}" field is empty. Fill it in.`);
			return [];
		}
		return [[attribute, this.checked(field, attribute, rule)]];
	}

	text(field: INodeProperties, rule: Partial<AttributeSpec> & { required?: boolean } = {}): string {
		if (isUnset(this.raw(field))) {
			if (rule.required) this.fail(`The "${field.displayName}" field is empty. Fill it in.`);
			return '';
		}
		// A text's kind comes from the rule alone: a field named like a URL is not one by its name.
		return this.checked(field, '', { kind: 'text', ...rule });
	}

	options(collection: INodeProperties, rules: Record<string, Partial<AttributeSpec>> = {}) {
		const given = this.raw(collection);
		const values = given && typeof given === 'object' ? (given as IDataObject) : {};
		return collectionAttributes(collection, values, this.fail, rules);
	}

	action(field: INodeProperties, event: string): Attributes {
		if (!isUnset(this.raw(field))) return this.attribute(field, 'action');
		const url = this.triggerUrl(field, event, 'send the result to');
		return url === '' ? [] : [['action', url]];
	}

	backUrl(field: INodeProperties, event: string): string {
		if (!isUnset(this.raw(field))) return this.text(field, { kind: 'url' });
		const url = this.triggerUrl(field, event, 'fetch the next TeXML from');
		if (url === '') this.fail(`The "${field.displayName}" field is empty. Fill it in.`);
		return url;
	}

	/** The answer trigger's URL for an empty URL field; '' when the option leaves it out. */
	private triggerUrl(field: INodeProperties, event: string, use: string): string {
		const url = this.defaultAction(event);
		if (url === undefined)
			this.fail(
				`The "${field.displayName}" field is empty, and no Telnyx TeXML Answer Trigger that started this run comes before this node. Enter the URL Telnyx should ${use}, e.g. the webhook URL of the workflow that handles it.`,
			);
		return url ?? '';
	}

	list(field: INodeProperties, entryName: string, label: string): EntryReader[] {
		const given = this.raw(field) as IDataObject | undefined;
		const entries = given?.[entryName];
		return (Array.isArray(entries) ? (entries as IDataObject[]) : []).map(
			(values, index) =>
				new Entry(
					values ?? {},
					(message) => this.fail(within(`${label} ${index + 1}`, message)),
					this.defaultAction,
				),
		);
	}
}
