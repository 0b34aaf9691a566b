import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';
import { byDisplayName } from './order';

/**
 * n8n's RoutingNode walks every top-level parameter of a node for each item, so the node's cost per
 * item grows with their number. Each resource declares its fields as if it were alone (shown for
 * `resource: [its name]`, some for a few operations); here the fields that are defined alike in
 * several resources become one parameter shown for all of them, and collections of the same name
 * (Filters, Update Fields, …) one collection whose items each show where they were declared
 * (n8n reads an item's `/resource` condition from the node's parameters, in the panel and in
 * RoutingNode alike; only the items a workflow has set are walked). Saved workflows keep working:
 * a node stores parameters by name, and the names do not change.
 */

type Show = Record<string, unknown[]>;

/** Deep equality of two field definitions; functions (preSend, postReceive) by identity. */
function same(a: unknown, b: unknown): boolean {
	if (a === b) return true;
	if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
	if (Array.isArray(a) !== Array.isArray(b)) return false;
	const keysA = Object.keys(a).filter((k) => (a as Record<string, unknown>)[k] !== undefined);
	const keysB = Object.keys(b).filter((k) => (b as Record<string, unknown>)[k] !== undefined);
	if (keysA.length !== keysB.length) return false;
	return keysA.every((k) =>
		same((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]),
	);
}

/** A field shown by resource (and maybe operation) only: the kind that can be shared. */
function shareable(property: INodeProperties): Show | undefined {
	const display = property.displayOptions;
	if (property.name === 'operation' || !display?.show || display.hide) return undefined;
	if (Object.keys(display).length !== 1) return undefined;
	const show = display.show as Show;
	if (!Array.isArray(show.resource)) return undefined;
	if (show.operation !== undefined && !Array.isArray(show.operation)) return undefined;
	return show;
}

/** Each resource's operations, from its Operation selector. */
function operationsByResource(properties: INodeProperties[]): Map<string, string[]> {
	const operations = new Map<string, string[]>();
	for (const property of properties) {
		if (property.name !== 'operation') continue;
		const values = (property.options as INodePropertyOptions[]).map((o) => String(o.value));
		for (const resource of (property.displayOptions?.show?.resource ?? []) as string[]) {
			operations.set(resource, values);
		}
	}
	return operations;
}

interface Shared {
	definition: INodeProperties;
	/** The other display conditions (e.g. `returnAll: [false]`), alike in every member. */
	rest: Show;
	/** The operations each resource shows the field for. */
	shownFor: Map<string, Set<string>>;
	/** Whether some member was shown for only some operations. */
	byOperation: boolean;
	/** The positions of its members in the list given. */
	members: number[];
}

/** A copy of `object` without the keys named. */
function omit<T extends object>(object: T, ...keys: string[]): T {
	const copy = { ...object } as Record<string, unknown>;
	for (const key of keys) delete copy[key];
	return copy as T;
}

/** What must be alike to share: all but the display conditions, and a collection's items. */
function withoutDisplay(property: INodeProperties): INodeProperties {
	return property.type === 'collection'
		? omit(property, 'displayOptions', 'options')
		: omit(property, 'displayOptions');
}

/** The operations each resource shows a field for, from its `show`. */
function shownBy(show: Show, operations: Map<string, string[]>): Map<string, Set<string>> {
	const shown = new Map<string, Set<string>>();
	for (const r of show.resource as string[]) {
		shown.set(r, new Set((show.operation as string[] | undefined) ?? operations.get(r) ?? []));
	}
	return shown;
}

/** Whether a child shown for `part` (within a collection shown for `whole`) needs `/operation`. */
function partial(part: Map<string, Set<string>>, whole: Map<string, Set<string>>): boolean {
	return [...part].some(([r, ops]) => (whole.get(r)?.size ?? 0) !== ops.size);
}

/**
 * The items of collections of one name, declared by several resources: an item declared alike by
 * all of them is shown as it is; any other shows only for the resources (and operations) that
 * declared it, by `/resource` and `/operation` conditions on the node's parameters.
 */
function mergedItems(
	members: Array<{ items: INodeProperties[]; shown: Map<string, Set<string>> }>,
	whole: Map<string, Set<string>>,
): INodeProperties[] {
	const kinds: Array<{ item: INodeProperties; shown: Map<string, Set<string>> }> = [];
	for (const { items, shown } of members) {
		for (const item of items) {
			const kind = kinds.find((k) => {
				if (!same(k.item, item)) return false;
				const union = new Map([...k.shown].map(([r, ops]) => [r, new Set(ops)]));
				for (const [r, ops] of shown)
					for (const op of ops) union.set(r, (union.get(r) ?? new Set()).add(op));
				const ops = new Set([...union.values()].flatMap((set) => [...set]));
				// Within the collection, the union must not show the item for another resource's operations.
				const fitsWithin = [...union].every(([r, own]) =>
					[...(whole.get(r) ?? [])].every((op) => own.has(op) || !ops.has(op)),
				);
				if (fitsWithin) k.shown = union;
				return fitsWithin;
			});
			if (!kind) kinds.push({ item, shown: new Map(shown) });
		}
	}
	const everywhere = (shown: Map<string, Set<string>>) =>
		whole.size === shown.size && !partial(shown, whole);
	return kinds
		.map(({ item, shown }) => {
			if (everywhere(shown)) return item;
			const where: Show = { '/resource': [...shown.keys()] };
			if (partial(shown, whole)) {
				where['/operation'] = [...new Set([...shown.values()].flatMap((set) => [...set]))];
			}
			const display = item.displayOptions ?? {};
			return {
				...item,
				displayOptions: { ...display, show: { ...(display.show ?? {}), ...where } },
			} as INodeProperties;
		})
		.sort(byDisplayName);
}

function displayOf(shared: Shared): INodeProperties['displayOptions'] {
	const show: Show = { resource: [...shared.shownFor.keys()] };
	if (shared.byOperation) {
		const all = new Set<string>();
		for (const operations of shared.shownFor.values()) for (const op of operations) all.add(op);
		show.operation = [...all];
	}
	return { show: { ...show, ...shared.rest } } as INodeProperties['displayOptions'];
}

/**
 * Whether one parameter shown for the union of resources and the union of operations would show
 * exactly where each member was shown: no resource may gain an operation of another.
 */
function fits(shared: Shared, operations: Map<string, string[]>): boolean {
	if (!shared.byOperation) return true;
	const union = new Set<string>();
	for (const ops of shared.shownFor.values()) for (const op of ops) union.add(op);
	for (const [resource, ops] of shared.shownFor) {
		const gained = (operations.get(resource) ?? []).filter((op) => union.has(op) && !ops.has(op));
		if (gained.length > 0) return false;
	}
	return true;
}

function tryJoin(
	shared: Shared,
	index: number,
	show: Show,
	operations: Map<string, string[]>,
): boolean {
	const { resource, operation } = show;
	if (!same(omit(show, 'resource', 'operation'), shared.rest)) return false;
	const candidate: Shared = {
		...shared,
		shownFor: new Map([...shared.shownFor].map(([r, ops]) => [r, new Set(ops)])),
		byOperation: shared.byOperation || operation !== undefined,
	};
	for (const r of resource as string[]) {
		const ops = (operation as string[] | undefined) ?? operations.get(r) ?? [];
		const set = candidate.shownFor.get(r) ?? new Set<string>();
		for (const op of ops) set.add(op);
		candidate.shownFor.set(r, set);
	}
	if (!fits(candidate, operations)) return false;
	Object.assign(shared, candidate);
	shared.members.push(index);
	return true;
}

/**
 * The node's parameters with the fields that several resources define alike shown once. The panel
 * keeps each resource's order: the result is the order every resource had, merged (a resource
 * that needs two shared fields in the opposite order of another's is a mistake, and throws).
 */
export function mergeSharedFields(properties: INodeProperties[]): INodeProperties[] {
	const operations = operationsByResource(properties);
	const groups: Array<Shared | INodeProperties> = [];
	const groupOf: number[] = [];
	const sharedByName = new Map<string, Shared[]>();
	properties.forEach((property, index) => {
		const show = shareable(property);
		if (show) {
			const definition = withoutDisplay(property);
			const candidates = sharedByName.get(property.name) ?? [];
			const found = candidates.find(
				(s) => same(s.definition, definition) && tryJoin(s, index, show, operations),
			);
			if (found) {
				groupOf[index] = groups.indexOf(found);
				return;
			}
			const fresh: Shared = {
				definition,
				rest: omit(show, 'resource', 'operation'),
				shownFor: new Map(),
				byOperation: false,
				members: [],
			};
			tryJoin(fresh, index, show, operations);
			sharedByName.set(property.name, [...candidates, fresh]);
			groupOf[index] = groups.push(fresh) - 1;
			return;
		}
		groupOf[index] = groups.push(property) - 1;
	});
	const merged = (group: Shared): INodeProperties => {
		if (group.members.length === 1) return properties[group.members[0]];
		const property: INodeProperties = { ...group.definition, displayOptions: displayOf(group) };
		if (property.type !== 'collection') return property;
		const members = group.members.map((index) => ({
			items: properties[index].options as INodeProperties[],
			shown: shownBy(shareable(properties[index])!, operations),
		}));
		return { ...property, options: mergedItems(members, group.shownFor) };
	};
	return inPanelOrder(properties, groups, groupOf).map((group) =>
		'members' in group ? merged(group) : group,
	);
}

/** The resources a parameter is shown for; undefined when it is not limited to some. */
function resourcesOf(property: INodeProperties): string[] | undefined {
	return property.displayOptions?.show?.resource as string[] | undefined;
}

/** Orders the groups so that each resource sees its fields in the order it declared them. */
function inPanelOrder<T>(properties: INodeProperties[], groups: T[], groupOf: number[]): T[] {
	const resources = new Set<string>();
	for (const p of properties) for (const r of resourcesOf(p) ?? []) resources.add(r);
	const after = groups.map(() => new Set<number>());
	const before = groups.map(() => 0);
	for (const resource of resources) {
		let previous: number | undefined;
		properties.forEach((property, index) => {
			const shown = resourcesOf(property);
			if (shown && !shown.includes(resource)) return;
			const group = groupOf[index];
			if (previous !== undefined && previous !== group && !after[previous].has(group)) {
				after[previous].add(group);
				before[group]++;
			}
			previous = group;
		});
	}
	// Kahn's algorithm; among the groups ready, the one declared first.
	const order: number[] = [];
	const first = groups.map((_, g) => groupOf.indexOf(g));
	const ready = groups.map((_, g) => g).filter((g) => before[g] === 0);
	while (ready.length > 0) {
		ready.sort((a, b) => first[a] - first[b]);
		const next = ready.shift()!;
		order.push(next);
		for (const g of after[next]) if (--before[g] === 0) ready.push(g);
	}
	if (order.length !== groups.length) {
		throw new Error('Two resources declare shared fields in opposite orders');
	}
	return order.map((g) => groups[g]);
}
