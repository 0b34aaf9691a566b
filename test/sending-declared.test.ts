import type { INodeProperties, INodePropertyCollection, INodePropertyOptions } from 'n8n-workflow';

import { TelnyxTexml } from '../nodes/TelnyxTexml/TelnyxTexml.node';
import { noteAnswer } from '../nodes/TelnyxTexml/transport/answers';
import { throwOnTelnyxError } from '../nodes/TelnyxTexml/transport/errors';
import { isTexmlSending } from '../nodes/TelnyxTexml/transport/core';

/**
 * Sending is declared where it happens: each operation's routing names the TeXML sending
 * (`send.paginate` on, `operations.pagination` the sending function), and nothing else does, so a
 * field added later (a Return All with n8n's own pagination, say) cannot silently replace it.
 */
const { description } = new TelnyxTexml();

type Described = INodeProperties | INodePropertyOptions | INodePropertyCollection;

/** Every property, option and collection entry of the node, with where it sits. */
function* walk(
	entries: readonly Described[],
	path: string,
	parentIsOperation: boolean,
): Generator<[string, Described, boolean]> {
	for (const entry of entries) {
		const name = 'name' in entry ? String(entry.name) : '?';
		const here = `${path}/${name}`;
		yield [here, entry, parentIsOperation];
		const isOperation = 'type' in entry && entry.type === 'options' && entry.name === 'operation';
		if ('options' in entry && Array.isArray(entry.options))
			yield* walk(entry.options as Described[], here, isOperation);
		if ('values' in entry && Array.isArray(entry.values)) yield* walk(entry.values, here, false);
	}
}

const all = [...walk(description.properties, '', false)];
const operations = all
	.filter(([, , isOperation]) => isOperation)
	.map(([path, entry]) => [path, entry] as const);

test('the node declares no sending of its own: no requestOperations, no paginate outside operations', () => {
	expect(description.requestOperations).toBeUndefined();
	const misplaced = all
		.filter(([, entry, isOperation]) => {
			const routing = (entry as INodeProperties).routing;
			return (
				!isOperation && (routing?.operations !== undefined || routing?.send?.paginate !== undefined)
			);
		})
		.map(([path]) => path);
	expect(misplaced).toEqual([]);
});

test('there are forty operations, and each declares the TeXML sending', () => {
	expect(operations.map(([path]) => path.split('/').pop())).toHaveLength(40);
	for (const [path, entry] of operations) {
		const routing = (entry as INodePropertyOptions).routing;
		expect([path, routing?.send?.paginate]).toEqual([path, true]);
		expect([path, isTexmlSending(routing?.operations?.pagination)]).toEqual([path, true]);
		// The answer is noted before Telnyx's errors are mapped (the limiter reads 429s and headers).
		expect([path, routing?.output?.postReceive?.slice(0, 2)]).toEqual([
			path,
			[noteAnswer, throwOnTelnyxError],
		]);
	}
});

test('the description test itself sees a misplaced declaration', () => {
	const field: INodeProperties = {
		displayName: 'Return All',
		name: 'returnAll',
		type: 'boolean',
		default: false,
		routing: { send: { paginate: '={{ $value }}' } },
	};
	const found = [...walk([field], '', false)].filter(
		([, e]) => (e as INodeProperties).routing?.send?.paginate !== undefined,
	);
	expect(found.map(([path]) => path)).toEqual(['/returnAll']);
});
