import type { IDataObject, INodeProperties } from 'n8n-workflow';

import type { TexmlElement } from '../xml';
import { writeDocument } from '../xml';
import { connectAiAssistant } from './connect';
import { dial } from './dial';
import { enqueue, hangup, leave, redirect, reject } from './flow';
import { gather } from './gather';
import { record } from './record';
import { pause, play, say } from './say';
import type { VerbSpec } from './spec';
import { Entry, forVerbs, within } from './spec';
import { start, stop } from './media';

export type { EntryReader, VerbSpec } from './spec';

/** Every verb the Telnyx TeXML Response node writes, sorted by name as the Verb list shows them. */
export const VERBS: VerbSpec[] = [
	connectAiAssistant,
	dial,
	enqueue,
	gather,
	hangup,
	leave,
	pause,
	play,
	record,
	redirect,
	reject,
	say,
	start,
	stop,
];

const verbField: INodeProperties = {
	displayName: 'Verb',
	name: 'verb',
	type: 'options',
	options: VERBS.map((verb) => ({
		name: verb.name,
		value: verb.value,
		description: verb.description,
	})),
	default: 'say',
	description: 'What this step of the call does',
};

/** The option of a verb's holder that carries the verb's fields. */
export const VERB_FIELDS = 'fields';

/** A field inside its verb's holder: shown by its other conditions only (the holder is the verb's). */
function inHolder(field: INodeProperties): INodeProperties {
	const others = Object.entries(field.displayOptions?.show ?? {}).filter(([key]) => key !== 'verb');
	const inside = { ...field };
	delete inside.displayOptions;
	return others.length
		? { ...inside, displayOptions: { show: Object.fromEntries(others) } }
		: inside;
}

/**
 * A verb's fields sit in a holder of their own, shown only for that verb. n8n checks and copies
 * every field of every entry on each run of a workflow (of Response nodes that do not run too);
 * a holder that is not shown is one check, and the fields behind it none.
 */
function holderOf(verb: VerbSpec): INodeProperties {
	return {
		displayName: verb.name,
		name: verb.value,
		type: 'fixedCollection',
		placeholder: `Add ${verb.name} Fields`,
		// `{}`: with any other default, n8n (n8n-workflow 2.41 getNodeParameters) reads into the
		// holder an entry lacks, e.g. right after its Verb changed, and throws. `multipleValues:
		// false` spelled out: n8n then saves a holder whose fields are all defaults.
		typeOptions: { multipleValues: false },
		default: {},
		displayOptions: forVerbs([verb.value]),
		options: [{ displayName: verb.name, name: VERB_FIELDS, values: verb.fields.map(inHolder) }],
	};
}

/** The ordered list of verbs: one entry type whose Verb decides which holder of fields shows. */
export const verbsField: INodeProperties = {
	displayName: 'Verbs',
	name: 'verbs',
	type: 'fixedCollection',
	typeOptions: { multipleValues: true, sortable: true },
	placeholder: 'Add Verb',
	default: {},
	description: 'The steps of the call, in order: Telnyx runs them one after the other',
	options: [
		{
			displayName: 'Verb',
			name: 'verb',
			values: [verbField, ...VERBS.filter((verb) => verb.fields.length > 0).map(holderOf)],
		},
	],
};

/** Verbs after which nothing in the document runs. */
const FINAL = new Set(['hangup', 'redirect', 'reject']);

export interface BuildContext {
	fail(message: string): never;
	/** The answer trigger's URL with `?event=<event>`; '' to leave the action out; undefined: none. */
	defaultAction(event: string): string | undefined;
}

/**
 * The TeXML document of the Verbs list (`{ verb: [{ verb: 'say', say: { fields: {…} } }, …] }`):
 * each entry checked and written in order; errors name the verb's position and the field.
 */
export function buildTexml(verbs: IDataObject | undefined, context: BuildContext): string {
	const entries = Array.isArray(verbs?.verb) ? (verbs.verb as IDataObject[]) : [];
	if (entries.length === 0)
		context.fail('The "Verbs" list is empty. Add at least one verb, e.g. Say or Gather.');
	const elements: TexmlElement[] = [];
	let final: { position: number; name: string } | undefined;
	entries.forEach((values, index) => {
		const position = index + 1;
		const chosen = values?.verb ?? verbField.default;
		const spec = VERBS.find((verb) => verb.value === chosen);
		if (!spec)
			context.fail(
				`Verb ${position}: the "Verb" field must be one of ${VERBS.map((v) => v.value).join(', ')}, but it is ${JSON.stringify(chosen)}. Pick one of the listed verbs.`,
			);
		const where = `Verb ${position} (${spec!.name})`;
		if (spec!.value === 'reject' && position > 1)
			context.fail(
				`${where}: Reject must be the first verb, since Telnyx can refuse a call only before anything else happens on it. Move it to the top of the list, or use Hang Up.`,
			);
		if (final)
			context.fail(
				`${where} comes after ${final.name} (verb ${final.position}) and would never run. Remove it, or move it before ${final.name}.`,
			);
		const fail = (message: string): never => context.fail(within(where, message));
		const holder = values?.[spec!.value] as IDataObject | undefined;
		const fields = (holder?.[VERB_FIELDS] ?? {}) as IDataObject;
		elements.push(spec!.build(new Entry(fields, fail, context.defaultAction)));
		if (FINAL.has(spec!.value)) final = { position, name: spec!.name };
	});
	return writeDocument(elements);
}
