import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

/**
 * n8n's RoutingNode walks every top-level parameter of a node for each item, so the node's cost per
 * item grows with their number. Each resource declares its fields as if it were alone (shown for
 * `resource: [its name]`, some for a few operations); here the fields that are defined alike in
 * several resources become one parameter shown for all of them. Saved workflows keep working: a
 * node stores parameters by name, and the names do not change.
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

function withoutDisplay(property: INodeProperties): INodeProperties {
	return omit(property, 'displayOptions');
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
	return inPanelOrder(properties, groups, groupOf).map((group) =>
		'members' in group
			? group.members.length === 1
				? properties[group.members[0]]
				: { ...group.definition, displayOptions: displayOf(group) }
			: group,
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
