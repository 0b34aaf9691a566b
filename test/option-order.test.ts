/**
 * The node sorts collection items without localeCompare (fields/order.ts): the first
 * localeCompare in a process loads ICU's collation data. Over every list of the node's
 * description, both orders must agree, so the panel looks as n8n's lint wants it.
 */
import type { INodeProperties } from 'n8n-workflow';

import { byDisplayName } from '../nodes/TelnyxTexml/fields/order';
import { TelnyxTexml } from '../nodes/TelnyxTexml/TelnyxTexml.node';

function lists(properties: INodeProperties[]): Array<Array<{ displayName: string }>> {
	const found: Array<Array<{ displayName: string }>> = [];
	for (const property of properties) {
		const options = (property.options ?? []) as unknown as Array<Record<string, unknown>>;
		const named = options.filter((o) => typeof o.displayName === 'string') as unknown as Array<
			INodeProperties & { values?: INodeProperties[] }
		>;
		if (named.length > 1) found.push(named);
		for (const option of named) {
			if (Array.isArray(option.options)) found.push(...lists([option]));
			if (Array.isArray(option.values)) found.push(...lists(option.values));
		}
	}
	return found;
}

test('every list of the node sorts the same by byDisplayName as by localeCompare', () => {
	const all = lists(new TelnyxTexml().description.properties);
	expect(all.length).toBeGreaterThan(10);
	for (const list of all) {
		const ours = [...list].sort(byDisplayName).map((o) => o.displayName);
		const icu = [...list]
			.sort((a, b) => a.displayName.localeCompare(b.displayName))
			.map((o) => o.displayName);
		expect(ours).toEqual(icu);
	}
});
