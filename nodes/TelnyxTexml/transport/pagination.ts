import type {
	DeclarativeRestApiSettings,
	IDataObject,
	IExecutePaginationFunctions,
	INode,
	INodeExecutionData,
} from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

export interface ListPlan {
	/** e.g. `conferences` in `{ conferences: [...], next_page_uri, ... }`, as the operation declares it */
	itemsKey: string;
	/** How many records to output at most (Infinity for Return All). */
	limit: number;
}

/** What the current item asks of a list operation whose pages hold their records under `itemsKey`. */
export function listPlan(context: IExecutePaginationFunctions, itemsKey: string): ListPlan {
	const returnAll = context.getNodeParameter('returnAll', false) as boolean;
	return { itemsKey, limit: returnAll ? Infinity : Number(context.getNodeParameter('limit', 50)) };
}

/**
 * Where `next_page_uri` points. Telnyx gives it relative to the host and with `/v2` in it, so it
 * is resolved against the origin of the Base URL. A page on another host is refused with an
 * error rather than followed (the API key would go with it) or dropped (the list would be cut).
 */
export function nextPageUrl(
	node: INode,
	baseUrl: string,
	nextPageUri: unknown,
	itemIndex?: number,
): URL | undefined {
	if (typeof nextPageUri !== 'string' || nextPageUri.trim() === '') return undefined;
	const origin = new URL(baseUrl).origin;
	const next = new URL(nextPageUri, origin);
	if (next.origin === origin) return next;
	throw new NodeOperationError(
		node,
		`Telnyx pointed to the next page on another host (${next.origin}), so the list stops here: the page was not read and the API key was not sent there. Check the Base URL of the credential.`,
		{ description: `The Base URL of the credential is at ${origin}.`, itemIndex },
	);
}

/**
 * The next page of a JSON:API list (`/texml_applications`: `{ data, meta: { page_number,
 * total_pages } }`), which has no `next_page_uri`; undefined on the last page or for TeXML lists.
 */
function nextPageNumber(body: IDataObject): number | undefined {
	if (body.next_page_uri !== undefined || typeof body.meta !== 'object' || body.meta === null) {
		return undefined;
	}
	const meta = body.meta as IDataObject;
	const page = Number(meta.page_number);
	const pages = Number(meta.total_pages);
	return Number.isInteger(page) && Number.isInteger(pages) && page < pages ? page + 1 : undefined;
}

type SendOne = (
	requestData: DeclarativeRestApiSettings.ResultOptions,
) => Promise<INodeExecutionData[]>;

/**
 * Sends the first page as prepared, then follows `next_page_uri` until Telnyx has no next page or
 * the limit is reached. Every page goes through `send`; the output is one item per record.
 */
export async function collectPages(
	context: IExecutePaginationFunctions,
	requestData: DeclarativeRestApiSettings.ResultOptions,
	plan: ListPlan,
	send: SendOne,
): Promise<INodeExecutionData[]> {
	const baseUrl = String(requestData.options.baseURL);
	// Every record comes from this input item, however many items the node runs over.
	const pairedItem = { item: context.getItemIndex() };
	const records: INodeExecutionData[] = [];
	const seen = new Set<string>();
	let request = requestData;
	for (;;) {
		const [page] = await send(request);
		const body = (page?.json ?? {}) as IDataObject;
		const list = body[plan.itemsKey];
		if (!Array.isArray(list)) {
			throw new NodeOperationError(
				context.getNode(),
				`Telnyx answered without a list of ${plan.itemsKey}. Check that the Base URL of the credential points to the Telnyx API.`,
				{
					description: `Expected "${plan.itemsKey}" in the response.`,
					itemIndex: context.getItemIndex(),
				},
			);
		}
		records.push(...(list as IDataObject[]).map((json) => ({ json, pairedItem })));
		if (records.length >= plan.limit) return records.slice(0, plan.limit);
		const nextNumber = nextPageNumber(body);
		if (nextNumber !== undefined) {
			const qs = { ...(requestData.options.qs ?? {}), 'page[number]': nextNumber };
			request = { ...requestData, options: { ...requestData.options, qs } };
			continue;
		}
		const next = nextPageUrl(
			context.getNode(),
			baseUrl,
			body.next_page_uri,
			context.getItemIndex(),
		);
		// A page that points back to one already read would loop forever.
		if (!next || seen.has(next.href)) return records;
		seen.add(next.href);
		request = {
			...requestData,
			options: {
				...requestData.options,
				baseURL: next.origin,
				url: `${next.pathname}${next.search}`,
				qs: {},
			},
		};
	}
}
