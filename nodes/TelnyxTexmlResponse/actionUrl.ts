import type { IExecuteFunctions } from 'n8n-workflow';

/** The type every Telnyx TeXML Answer Trigger has, whatever the package is installed as. */
const ANSWER_TRIGGER = /(^|\.)telnyxTexmlAnswerTrigger$/;

/**
 * The Telnyx TeXML Answer Triggers before this node, nearest first: a workflow may have several
 * (one per phone line), and only the one that started this run has an item to read.
 */
export function answerTriggers(context: IExecuteFunctions): string[] {
	const me = context.getNode().name;
	const parents = context.getParentNodes(me);
	const all = parents.filter((n) => ANSWER_TRIGGER.test(n.type) && !n.disabled);
	const nearest: string[] = [];
	// A parent is at most as many steps away as there are parents.
	for (let depth = 1; depth <= parents.length && nearest.length < all.length; depth++) {
		const within = context.getParentNodes(me, { depth }).map((n) => n.name);
		for (const { name } of all)
			if (within.includes(name) && !nearest.includes(name)) nearest.push(name);
	}
	return nearest;
}

/**
 * Whether the input came straight from the nearest answer trigger: then each item is the trigger's
 * own. The same for every item of a run.
 */
export function fromTrigger(context: IExecuteFunctions, triggers: string[]): boolean {
	try {
		return triggers.length > 0 && context.getInputSourceData(0)?.previousNode === triggers[0];
	} catch {
		return false; // the run started at this node: it has no source
	}
}

/**
 * The answer trigger's own URL (`webhookUrl` of its item), or undefined when none has run. `own`:
 * the item's `webhookUrl` when the item came straight from the trigger (read without an expression).
 */
export function triggerUrl(
	context: IExecuteFunctions,
	triggers: string[],
	itemIndex: number,
	own?: unknown,
): string | undefined {
	if (typeof own === 'string' && own.trim() !== '') return own.trim();
	for (const name of triggers) {
		try {
			const url = context.evaluateExpression(
				`{{ $(${JSON.stringify(name)}).first().json.webhookUrl }}`,
				itemIndex,
			);
			if (typeof url === 'string' && url.trim() !== '') return url.trim();
		} catch {
			// This trigger did not start the run: its item cannot be read. Try the next one.
		}
	}
	return undefined;
}

/**
 * `url` with `event=<event>` in its query, next to any parameters it already has; undefined when
 * `url` is not an absolute http(s) URL (then the Action URL must be entered).
 */
export function withEvent(url: string, event: string): string | undefined {
	try {
		const parsed = new URL(url);
		if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return undefined;
		parsed.searchParams.set('event', event);
		return parsed.toString();
	} catch {
		return undefined;
	}
}
