import type {
	IDataObject,
	IExecuteSingleFunctions,
	INodeExecutionData,
	PostReceiveAction,
} from 'n8n-workflow';

/**
 * postReceive of the JSON:API resources (applications, secrets): Telnyx wraps one record in
 * `{ data: {...} }`; the item is the record. A list page (`data: [...]`) is left to the pager.
 */
export async function unwrapData(
	this: IExecuteSingleFunctions,
	items: INodeExecutionData[],
): Promise<INodeExecutionData[]> {
	return items.map((item) => {
		const data = item.json.data;
		return data && typeof data === 'object' && !Array.isArray(data)
			? { ...item, json: data as IDataObject }
			: item;
	});
}

/**
 * postReceive of an operation whose answer has no body worth keeping (a 204, or a record that
 * holds a secret): the item says what was done, from the node's own parameters.
 */
export function summary(
	build: (value: (name: string) => string) => IDataObject,
): PostReceiveAction {
	return async function summarize(this: IExecuteSingleFunctions): Promise<INodeExecutionData[]> {
		const value = (name: string) =>
			String(this.getNodeParameter(name, '', { extractValue: true }) ?? '').trim();
		return [{ json: build(value) }];
	};
}
