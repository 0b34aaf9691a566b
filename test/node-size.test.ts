/**
 * n8n's RoutingNode walks every top-level parameter of the node for each item: the node's cost per
 * item grows with their number. Fields that several resources define alike are one parameter
 * (fields/merge.ts), and a new resource shaped like an existing one adds only its Operation selector.
 */
import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { TelnyxTexml } from '../nodes/TelnyxTexml/TelnyxTexml.node';
import { mergeSharedFields } from '../nodes/TelnyxTexml/fields/merge';
import { resourceProperties } from '../nodes/TelnyxTexml/resources';
import { simplifyField } from '../nodes/TelnyxTexml/routing/simplify';
import { sendingOptions } from '../nodes/TelnyxTexml/transport/sending';

const declared = [...resourceProperties, simplifyField, sendingOptions];
const { properties } = new TelnyxTexml().description;

/** The most top-level parameters the node may have (70 with 7 resources before fields were shared; now 13). */
const MOST = 65;

/** Whether n8n's panel shows `property` for these parameter values (show: every key; hide: none). */
function isShown(property: INodeProperties, values: Record<string, unknown>): boolean {
	const { show = {}, hide = {} } = property.displayOptions ?? {};
	const matches = (key: string, list: unknown) =>
		Array.isArray(list) && key in values && list.includes(values[key]);
	return (
		Object.entries(show).every(([key, list]) => matches(key, list)) &&
		!Object.entries(hide).some(([key, list]) => matches(key, list))
	);
}

function resourcesOf(list: INodeProperties[]): string[] {
	return (list.find((p) => p.name === 'resource')!.options as INodePropertyOptions[]).map((o) =>
		String(o.value),
	);
}

function operationsOf(list: INodeProperties[], resource: string): string[] {
	return (
		list.find((p) => p.name === 'operation' && isShown(p, { resource }))!
			.options as INodePropertyOptions[]
	).map((o) => String(o.value));
}

/** An item's display conditions without those on the resource and operation. */
function ownConditions(item: INodeProperties) {
	const show = { ...(item.displayOptions?.show ?? {}) };
	delete show['/resource'];
	delete show['/operation'];
	return Object.keys(show).length > 0 ? { ...item.displayOptions, show } : undefined;
}

/** Whether a collection offers `item` for this resource and operation. */
function offered(item: INodeProperties, values: Record<string, unknown>) {
	const show = item.displayOptions?.show ?? {};
	return ['resource', 'operation'].every(
		(key) => !show[`/${key}`] || (show[`/${key}`] as unknown[]).includes(values[key]),
	);
}

/**
 * What the panel shows for an operation: each field without its display conditions, in order; a
 * collection with the items it offers there, by label.
 */
function panel(list: INodeProperties[], resource: string, operation: string, returnAll: boolean) {
	const values = { resource, operation, returnAll };
	return list
		.filter((p) => isShown(p, values))
		.map((field) => ({
			...field,
			displayOptions: undefined,
			...(field.type === 'collection' && {
				options: (field.options as INodeProperties[])
					.filter((item) => offered(item, values))
					.map((item) => ({ ...item, displayOptions: ownConditions(item) }))
					.sort((a, b) => a.displayName.localeCompare(b.displayName)),
			}),
		}));
}

test(`the node has at most ${MOST} top-level parameters; the fields every kind of resource has are one each`, () => {
	expect(properties.length).toBeLessThanOrEqual(MOST);
	expect(declared.length).toBeGreaterThan(properties.length);
	const counts = new Map<string, number>();
	for (const p of properties) counts.set(p.name, (counts.get(p.name) ?? 0) + 1);
	for (const name of ['accountSid', 'returnAll', 'limit', 'from', 'to', 'recordingSid']) {
		expect(counts.get(name)).toBe(1);
	}
});

test('every operation shows the same fields, in the same order, as its resource declared', () => {
	let operations = 0;
	for (const resource of resourcesOf(declared)) {
		for (const operation of operationsOf(declared, resource)) {
			for (const returnAll of [false, true]) {
				expect(panel(properties, resource, operation, returnAll)).toEqual(
					panel(declared, resource, operation, returnAll),
				);
			}
			operations++;
		}
	}
	expect(operations).toBeGreaterThanOrEqual(24);
});

/** A copy of `resource`'s fields for a new resource `name`: the same shape, another path. */
function copyOf(resource: string, name: string): INodeProperties[] {
	const retarget = (property: INodeProperties): INodeProperties => {
		const show = property.displayOptions?.show;
		return show?.resource
			? {
					...property,
					displayOptions: { ...property.displayOptions, show: { ...show, resource: [name] } },
				}
			: property;
	};
	return declared
		.filter(
			(p) =>
				p.name !== 'resource' &&
				(p.displayOptions?.show?.resource as string[] | undefined)?.includes(resource),
		)
		.map(retarget);
}

function withResource(extra: INodeProperties[], name: string): INodeProperties[] {
	const [selector, ...rest] = declared;
	const options = [...(selector.options as INodePropertyOptions[]), { name, value: name }];
	return mergeSharedFields([{ ...selector, options }, ...extra, ...rest]);
}

test.each([
	'queue',
	'texmlApplication',
	'transcription',
	'recording',
	'conference',
	'callRecording',
	'conferenceRecording',
])('a new resource shaped like %s adds only its Operation selector', (resource) => {
	const extra = copyOf(resource, 'widget');
	expect(extra.length).toBeGreaterThan(2);
	const grown = withResource(extra, 'widget');
	expect(grown.length).toBe(properties.length + 1);
	for (const operation of operationsOf(declared, resource)) {
		// All but the Resource selector, which has one more option.
		expect(panel(grown, 'widget', operation, false).slice(1)).toEqual(
			panel(declared, resource, operation, false).slice(1),
		);
	}
});

test('fields alike but shown for different operations stay apart where one would show too much', () => {
	const callSids = properties.filter((p) => p.name === 'callSid');
	expect(callSids.map((p) => p.displayOptions?.show)).toEqual([
		// Call has no Start or Stop: its Call SID can be the streams' and the SIPREC sessions'.
		{
			resource: ['call', 'callSiprec', 'callStream'],
			operation: ['get', 'hangUp', 'redirect', 'start', 'stop'],
		},
		// Call Recording → Get Many needs a Call SID; Call → Get Many does not.
		{ resource: ['callRecording'] },
	]);
	// Call → Get Many lists calls of the account: no Call SID there.
	expect(panel(properties, 'call', 'getAll', false).map((p) => p.name)).not.toContain('callSid');
});

test('two resources that need shared fields in opposite orders are refused', () => {
	const field = (name: string, resource: string): INodeProperties => ({
		displayName: name,
		name,
		type: 'string',
		default: '',
		displayOptions: { show: { resource: [resource] } },
	});
	const operation = (resource: string): INodeProperties => ({
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		options: [{ name: 'Get', value: 'get' }],
		default: 'get',
		displayOptions: { show: { resource: [resource] } },
	});
	expect(() =>
		mergeSharedFields([
			operation('a'),
			field('x', 'a'),
			field('y', 'a'),
			operation('b'),
			field('y', 'b'),
			field('x', 'b'),
		]),
	).toThrow('opposite orders');
});
