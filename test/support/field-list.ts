import type { INodeProperties, INodePropertyCollection, INodePropertyOptions } from 'n8n-workflow';

/** One stored parameter as saved workflows see it: where it sits, its name, type, default, and what it sends. */
export interface FieldEntry {
	path: string;
	name: string;
	type: string;
	default: unknown;
	wire?: string;
	value?: string;
	options?: unknown[];
	min?: number;
	max?: number;
}

/** Every parameter below `properties`, depth first, in the order the panel has them. */
export function fieldList(properties: INodeProperties[], parent = ''): FieldEntry[] {
	const list: FieldEntry[] = [];
	for (const property of properties) {
		const path = parent ? `${parent}.${property.name}` : property.name;
		const send = property.routing?.send;
		const entry: FieldEntry = {
			path,
			name: property.name,
			type: property.type,
			default: property.default,
		};
		if (typeof send?.property === 'string') entry.wire = send.property;
		if (typeof send?.value === 'string') entry.value = send.value;
		if (property.type === 'options' || property.type === 'multiOptions') {
			entry.options = (property.options as INodePropertyOptions[]).map((o) => o.value);
		}
		if (property.typeOptions?.minValue !== undefined) entry.min = property.typeOptions.minValue;
		if (property.typeOptions?.maxValue !== undefined) entry.max = property.typeOptions.maxValue;
		list.push(entry);
		if (property.type === 'collection') {
			list.push(...fieldList(property.options as INodeProperties[], path));
		} else if (property.type === 'fixedCollection') {
			for (const group of property.options as INodePropertyCollection[]) {
				list.push(...fieldList(group.values, `${path}.${group.name}`));
			}
		}
	}
	return list;
}
