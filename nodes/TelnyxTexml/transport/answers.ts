import type {
	IDataObject,
	IExecuteSingleFunctions,
	IN8nHttpFullResponse,
	INodeExecutionData,
} from 'n8n-workflow';

/** What Telnyx answered to one request: the part the limiter and the retry policy read. */
export interface Answer {
	status: number;
	headers: IDataObject;
}

/**
 * The one thing the sending core relies on in the engine's way of running an operation: RoutingNode
 * hands a response (status, headers) to the postReceive chain only, not to the function that sent
 * the request. So every operation's chain starts with `noteAnswer` (declared by texmlRouting), which
 * leaves the answer here, found again by plain values (execution, node, item) rather than by the
 * identity of any engine object. Requests of one slot are sent one at a time (`oneAtATime`): an AI
 * Agent's parallel calls of the same tool node may all be item 0 of one execution, and would
 * otherwise take each other's answer. The limit: such calls wait for each other's answers.
 * test/sending-core.test.ts fails if the engine stops running the chain this way.
 */
const answers = new Map<string, Answer>();

function slotOf(context: IExecuteSingleFunctions): string {
	return `${context.getExecutionId()}\n${context.getNode().name}\n${context.getItemIndex()}`;
}

/** First postReceive of every operation: notes the answer before any check can throw. */
export async function noteAnswer(
	this: IExecuteSingleFunctions,
	items: INodeExecutionData[],
	response: IN8nHttpFullResponse,
): Promise<INodeExecutionData[]> {
	answers.set(slotOf(this), {
		status: response.statusCode,
		headers: (response.headers ?? {}) as IDataObject,
	});
	return items;
}

/** The answer to the item's last request, if one came; the slot is emptied. */
export function takeAnswer(context: IExecuteSingleFunctions): Answer | undefined {
	const slot = slotOf(context);
	const answer = answers.get(slot);
	answers.delete(slot);
	return answer;
}

/** The request of each slot being sent now; the next one of the slot waits for it. */
const sending = new Map<string, Promise<unknown>>();

/** Runs one request (noted answer included) while no other request of the same slot is out. */
export async function oneAtATime<T>(
	context: IExecuteSingleFunctions,
	send: () => Promise<T>,
): Promise<T> {
	const slot = slotOf(context);
	const before = sending.get(slot) ?? Promise.resolve();
	const mine = before.then(send, send);
	const settled = mine.catch(() => undefined);
	sending.set(slot, settled);
	void settled.then(() => {
		if (sending.get(slot) === settled) sending.delete(slot);
	});
	return await mine;
}
