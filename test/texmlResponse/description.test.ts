/**
 * The panel of the Telnyx TeXML Response node: the names saved workflows depend on, one entry type
 * whose Verb decides the fields, options sorted by name, Telnyx-only features marked, and Dial's
 * Conference Options the very ones Call → Create shows.
 */
import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { conferenceOptions } from '../../nodes/TelnyxTexml/resources/call/conferenceOptions';
import { TelnyxTexmlResponse } from '../../nodes/TelnyxTexmlResponse/TelnyxTexmlResponse.node';

const { description } = new TelnyxTexmlResponse();
const verbs = description.properties.find((p) => p.name === 'verbs')!;
const entry = (verbs.options as Array<{ name: string; values: INodeProperties[] }>)[0];
/** The holders of the entry, one per verb with fields; a field, found in its verb's holder. */
const holders = entry.values.filter((p) => p.name !== 'verb');
const fieldsOf = (holder: INodeProperties) =>
	(holder.options as Array<{ name: string; values: INodeProperties[] }>)[0].values;
const field = (name: string) =>
	name === 'verb' ? entry.values[0] : holders.flatMap(fieldsOf).find((p) => p.name === name)!;
const optionsOf = (property: INodeProperties) => property.options as INodePropertyOptions[];

test('the node: name, a plain execute node, no credentials, not an AI tool', () => {
	expect(description).toMatchObject({
		displayName: 'Telnyx TeXML Response',
		name: 'telnyxTexmlResponse',
		icon: { light: 'file:../TelnyxTexml/telnyx.svg', dark: 'file:../TelnyxTexml/telnyx.dark.svg' },
	});
	expect(description.credentials).toBeUndefined();
	expect(description.requestDefaults).toBeUndefined();
	expect(description.usableAsTool).toBeUndefined();
	expect(description.properties.map((p) => [p.name, p.type, p.default])).toEqual([
		['notice', 'notice', ''],
		['verbs', 'fixedCollection', {}],
		['respondToCall', 'boolean', true],
		['options', 'collection', {}],
	]);
});

test('Verbs is one sortable list entry type whose Verb field lists every verb, sorted by name', () => {
	expect(verbs.typeOptions).toEqual({ multipleValues: true, sortable: true });
	expect(entry.name).toBe('verb');
	const verb = field('verb');
	expect(verb.default).toBe('say');
	expect(optionsOf(verb).map((o) => [o.name, o.value])).toEqual([
		['Connect to AI Assistant', 'connectAiAssistant'],
		['Dial', 'dial'],
		['Enqueue', 'enqueue'],
		['Gather', 'gather'],
		['Hang Up', 'hangup'],
		['Leave', 'leave'],
		['Pause', 'pause'],
		['Play', 'play'],
		['Record', 'record'],
		['Redirect', 'redirect'],
		['Reject', 'reject'],
		['Say', 'say'],
		['Start', 'start'],
		['Stop', 'stop'],
	]);
});

test("each verb's fields sit in a holder named after the verb, shown for it alone", () => {
	const verbValues = optionsOf(field('verb')).map((o) => o.value);
	expect(holders.map((h) => h.name)).toEqual(
		verbValues.filter((v) => v !== 'hangup' && v !== 'leave'),
	);
	for (const holder of holders) {
		expect(holder).toMatchObject({
			type: 'fixedCollection',
			default: {},
			typeOptions: { multipleValues: false },
			displayOptions: { show: { verb: [holder.name] } },
		});
		expect((holder.options as Array<{ name: string }>).map((o) => o.name)).toEqual(['fields']);
		// Inside the holder, a field depends on the verb's own fields only.
		for (const inner of fieldsOf(holder)) expect(inner.displayOptions?.show?.verb).toBeUndefined();
	}
	const names = holders.flatMap(fieldsOf).map((p) => p.name);
	expect(new Set(names).size).toBe(names.length);
});

test('Gather prompts are a sortable list of Say and Play only', () => {
	const prompts = field('gatherPrompts');
	expect(prompts.typeOptions).toEqual({ multipleValues: true, sortable: true });
	const [prompt] = prompts.options as Array<{ values: INodeProperties[] }>;
	const kind = prompt.values.find((p) => p.name === 'verb')!;
	expect(optionsOf(kind).map((o) => o.value)).toEqual(['play', 'say']);
});

test('Dial → Conference shows the Conference Options of Call → Create', () => {
	const shown = field('conferenceOptions');
	expect(shown.displayOptions).toEqual({ show: { dialTo: ['conference'] } });
	expect({ ...shown, displayOptions: undefined }).toEqual({
		...conferenceOptions,
		displayOptions: undefined,
	});
});

/** Every `options` list of a field, of its options and of its nested values. */
function everyOptionList(properties: INodeProperties[], into: INodePropertyOptions[][] = []) {
	for (const property of properties) {
		const options = property.options ?? [];
		if (property.type === 'options' || property.type === 'multiOptions')
			into.push(options as INodePropertyOptions[]);
		else if (property.type === 'collection') everyOptionList(options as INodeProperties[], into);
		else if (property.type === 'fixedCollection')
			for (const group of options as Array<{ values: INodeProperties[] }>)
				everyOptionList(group.values, into);
	}
	return into;
}

test('every list of options is sorted by name, as n8n’s guidelines ask', () => {
	const lists = everyOptionList(description.properties);
	expect(lists.length).toBeGreaterThan(30);
	for (const list of lists) {
		const names = list.map((o) => o.name);
		expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b)));
	}
});

test('Telnyx-only verbs and attributes say so', () => {
	const text = JSON.stringify(description.properties);
	const marked = (snippet: string) =>
		expect(text).toMatch(new RegExp(`${snippet}[^"]*\\(Telnyx only\\)`));
	marked('Hand the call to a Telnyx AI Assistant');
	marked('Transcribe the call in real time');
	marked('Whether the Audio URL is the name of a file in Telnyx Media Storage');
	marked('ringback tone');
	marked('How audio sent back over the stream is played into the call');
	marked('The Azure region');
	marked('holding the Azure key');
});
