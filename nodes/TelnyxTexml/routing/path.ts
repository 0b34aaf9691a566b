import type { IExecuteSingleFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { encodePathSegment } from '../transport/pathSegment';

export { encodePathSegment };

/** A value a URL parser would drop or collapse into the parent folder (`..` climbs one level). */
export function isUnsafeSegment(value: string): boolean {
	return value === '' || value === '.' || value === '..';
}

const NOT_SENT = 'Nothing was sent to Telnyx for this item.';

export interface PathParameter {
	/** The value as the user gave it (already trimmed of surrounding white space). */
	value: unknown;
	/** The field's label in the node panel, used in error messages. */
	label: string;
	/** What to enter when it is empty, e.g. how to find the ID. */
	hint?: string;
}

/**
 * Joins path segments for one request. Each value is refused when it is empty or a dot segment,
 * before anything is sent, then encoded.
 */
export function buildPath(
	context: IExecuteSingleFunctions,
	template: string,
	parameters: Record<string, PathParameter>,
): string {
	return template.replace(/\{(\w+)\}/g, (_match, key: string) => {
		const { value, label, hint } = parameters[key];
		// An expression that finds nothing (a missing field in the input) reads as empty.
		const raw = value === undefined || value === null ? '' : value;
		if (typeof raw !== 'string' && typeof raw !== 'number') {
			const shown = JSON.stringify(raw) ?? String(raw);
			throw new NodeOperationError(
				context.getNode(),
				`The "${label}" field must be text, but it is ${shown.length > 80 ? `${shown.slice(0, 77)}…` : shown}. Map a single ID or label, not an object or a list.`,
				{ description: NOT_SENT, itemIndex: context.getItemIndex() },
			);
		}
		const text = String(raw).trim();
		if (isUnsafeSegment(text)) {
			throw new NodeOperationError(
				context.getNode(),
				text === ''
					? `The "${label}" field is empty. ${hint ?? `Enter a value for "${label}" or map one from the input data.`}`
					: `The "${label}" field cannot be "${text}". Enter the ID or label itself.`,
				{
					description:
						text === ''
							? NOT_SENT
							: `"${text}" would change which Telnyx resource the request goes to. ${NOT_SENT}`,
					itemIndex: context.getItemIndex(),
				},
			);
		}
		return encodePathSegment(text);
	});
}
