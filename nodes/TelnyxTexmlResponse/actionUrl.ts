import type { IExecuteFunctions } from 'n8n-workflow';

/** The type every Telnyx TeXML Answer Trigger has, whatever the package is installed as. */
const ANSWER_TRIGGER = /(^|\.)telnyxTexmlAnswerTrigger$/;

/**
 * The Telnyx TeXML Answer Triggers before this node, nearest first: a workflow may have several
 * (one per phone line), and only the one that started this run has an item to read.
 */
export function answerTriggers(context: IExecuteFunctions): string[] {
	const me = context.getNode().name;
	const all = context.getParentNodes(me).filter((n) => ANSWER_TRIGGER.test(n.type) && !n.disabled);
	const nearest: string[] = [];
	for (let depth = 1; nearest.length < all.length; depth++) {
		const within = context.getParentNodes(me, { depth }).map((n) => n.name);
		for (const { name } of all)
			if (within.includes(name) && !nearest.includes(name)) nearest.push(name);
		if (depth > all.length + 1000) break;
	}
	return nearest;
}

/** The answer trigger's own URL (`webhookUrl` of its item), or undefined when none has run. */
export function triggerUrl(
	context: IExecuteFunctions,
	triggers: string[],
	itemIndex: number,
): string | undefined {
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

/** `url` with `event=<event>` in its query, next to any parameters it already has. */
export function withEvent(url: string, event: string): string {
	const parsed = new URL(url);
	parsed.searchParams.set('event', event);
	return parsed.toString();
}
