/**
 * Feeds HTTP requests to a trigger node the way n8n's webhook server does: real node:http request
 * and response objects, the raw body kept in `req.rawBody` and the form parsed into `req.body` with
 * querystring (packages/cli/src/middlewares/body-parser.ts), the node's `webhook()` called through
 * n8n-core's WebhookContext, then n8n's answer for its result (packages/cli/src/webhooks/
 * webhook-helpers.ts): nothing when the node answered itself, 200 "Webhook call received" when it
 * started nothing, for responseMode onReceived the description's responseData (n8n's default
 * 'firstEntryJson' goes out as that literal text, 'noData' as an empty body), and the workflow run
 * through WorkflowExecute from the trigger's items when asked to.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import querystring from 'node:querystring';

import { HookContext, WebhookContext } from 'n8n-core';
import type {
	IHookFunctions,
	INode,
	INodeExecutionData,
	INodeType,
	IRun,
	IWebhookData,
	IWebhookDescription,
	IWebhookResponseData,
	Workflow,
} from 'n8n-workflow';

import { TelnyxTexmlApi } from '../../credentials/TelnyxTexmlApi.credentials';
import { TelnyxTexmlTrigger } from '../../nodes/TelnyxTexmlTrigger/TelnyxTexmlTrigger.node';
import { additionalData, runWorkflow, workflowOf, type Engine, type WorkflowFile } from './engine';
import { sourcePackage } from './fixtures';

export interface WebhookHit {
	/** What the caller received. */
	status: number;
	responseBody: string;
	/** What the node's webhook() returned; undefined when it threw. */
	result?: IWebhookResponseData;
	error?: Error;
	/** The workflow run the items started, when `run` is on and items were returned. */
	run?: IRun;
}

export interface TriggerReceiver {
	/** The URL to post callbacks to (any path under it reaches the trigger). */
	url: string;
	hits: WebhookHit[];
	/** The n-th hit (0-based), now or once it has been handled. */
	hit(index: number, timeoutMs?: number): Promise<WebhookHit>;
	close(): Promise<void>;
}

export interface ReceiverOptions {
	/** The trigger's node name in `workflow`; the first node without parents when not given. */
	trigger?: string;
	/** Whether to run the workflow from the trigger's items, as n8n does for a started execution. */
	run?: boolean;
}

export function readBody(req: http.IncomingMessage): Promise<Buffer> {
	return new Promise((resolve, reject) => {
		const chunks: Buffer[] = [];
		req.on('data', (chunk: Buffer) => chunks.push(chunk));
		req.on('end', () => resolve(Buffer.concat(chunks)));
		req.on('error', reject);
	});
}

/** n8n's body parser: form and JSON into `req.body`, the exact bytes in `req.rawBody`. */
export function parseBody(req: http.IncomingMessage, raw: Buffer) {
	const type = (req.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
	if (type === 'application/x-www-form-urlencoded') {
		return querystring.parse(raw.toString('utf8'), undefined, undefined, { maxKeys: 1000 });
	}
	if (type === 'application/json' && raw.length > 0) return JSON.parse(raw.toString('utf8'));
	return {};
}

/** What n8n's body parser leaves on a request: the exact bytes, the parsed form, query and path. */
export async function receive(req: http.IncomingMessage): Promise<void> {
	const raw = await readBody(req);
	const request = req as http.IncomingMessage & Record<string, unknown>;
	const url = new URL(req.url ?? '/', 'http://127.0.0.1');
	request.rawBody = raw;
	request._body = true;
	request.body = parseBody(req, raw);
	request.query = querystring.parse(url.search.slice(1));
	request.params = {};
	request.path = url.pathname;
}

/** Records what `res.end` writes to the socket (the caller's view of the answer); read it once ended. */
export function recordWritten(res: http.ServerResponse): () => string {
	const written: Buffer[] = [];
	const end = res.end.bind(res) as (...args: unknown[]) => http.ServerResponse;
	res.end = ((chunk?: unknown, ...rest: unknown[]) => {
		if (chunk !== undefined && typeof chunk !== 'function')
			written.push(Buffer.from(chunk as string));
		return end(chunk, ...rest);
	}) as typeof res.end;
	return () => Buffer.concat(written).toString('utf8');
}

/** n8n-core's context for one webhook of a node, on this request and response. */
export function webhookContext(
	engine: Engine,
	workflow: Workflow,
	node: INode,
	description: IWebhookDescription,
	req: http.IncomingMessage,
	res: http.ServerResponse,
	webhookBaseUrl?: string,
): WebhookContext {
	const data = {
		...additionalData(engine),
		...(webhookBaseUrl ? { webhookBaseUrl } : {}),
		httpRequest: req,
		httpResponse: res,
	} as never;
	const webhookData: IWebhookData = {
		httpMethod: description.httpMethod as 'GET' | 'POST',
		node: node.name,
		path: `${node.webhookId}/${description.path}`,
		webhookDescription: description,
		workflowId: 'wf',
		workflowExecuteAdditionalData: data,
		webhookId: node.webhookId,
	};
	return new WebhookContext(workflow, node, data, 'webhook', webhookData, [], null);
}

/** n8n's sendSuccessResponse(raw): a string as text, anything else as JSON (undefined: no body). */
function send(res: http.ServerResponse, status: number, body: unknown) {
	const text = typeof body === 'string';
	res.writeHead(status, {
		'content-type': text ? 'text/html; charset=utf-8' : 'application/json; charset=utf-8',
	});
	res.end(text ? body : body === undefined ? '' : JSON.stringify(body));
}

/** n8n's answer for responseMode onReceived once a run is started (getResponseOnReceived). */
function onReceivedBody(responseData: string, result: IWebhookResponseData): unknown {
	if (responseData === 'noData') return undefined;
	if (responseData) return responseData;
	return result.webhookResponse ?? { message: 'Workflow was started' };
}

export async function startTriggerReceiver(
	engine: Engine,
	file: WorkflowFile,
	options: ReceiverOptions = {},
): Promise<TriggerReceiver> {
	const hits: WebhookHit[] = [];
	const waiters: Array<() => void> = [];
	/** Kept between requests, as n8n loads it with the workflow and saves what changed. */
	const staticData = file.staticData ?? {};

	async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<WebhookHit> {
		await receive(req);

		const workflow = workflowOf(engine, { ...file, staticData });
		const node: INode = options.trigger
			? workflow.getNode(options.trigger)!
			: file.nodes.find((n) => workflow.getParentNodes(n.name).length === 0)!;
		const nodeType = workflow.nodeTypes.getByNameAndVersion(
			node.type,
			node.typeVersion,
		) as INodeType;
		const description = nodeType.description.webhooks![0];
		const context = webhookContext(engine, workflow, node, description, req, res);

		let result: IWebhookResponseData;
		try {
			result = await nodeType.webhook!.call(context);
		} catch (error) {
			send(res, 500, {
				code: 0,
				message: 'Workflow Webhook Error: Workflow could not be started!',
			});
			return { status: 500, responseBody: '', error };
		}
		if (result.noWebhookResponse) return { status: res.statusCode, responseBody: '', result };
		if (result.workflowData === undefined) {
			send(res, 200, result.webhookResponse ?? { message: 'Webhook call received' });
			return { status: 200, responseBody: '', result };
		}
		send(res, 200, onReceivedBody(String(description.responseData ?? 'firstEntryJson'), result));
		const items: INodeExecutionData[] = result.workflowData[0] ?? [];
		const run = options.run
			? await runWorkflow(engine, file, { node: node.name, items })
			: undefined;
		return { status: 200, responseBody: '', result, run };
	}

	const server = http.createServer((req, res) => {
		// The caller's view of the answer is recorded from what was written to the socket.
		const written = recordWritten(res);
		void handle(req, res).then((hit) => {
			hit.status = res.statusCode;
			hit.responseBody = written();
			hits.push(hit);
			for (const wake of waiters.splice(0)) wake();
		});
	});
	server.keepAliveTimeout = 1;
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;

	return {
		url: `http://127.0.0.1:${port}/webhook/trigger/conference`,
		hits,
		async hit(index, timeoutMs = 30_000) {
			const deadline = Date.now() + timeoutMs;
			while (hits.length <= index) {
				const left = deadline - Date.now();
				if (left <= 0)
					throw new Error(`The trigger received ${hits.length} request(s), not ${index + 1}`);
				await new Promise<void>((resolve) => {
					const timer = setTimeout(resolve, left);
					waiters.push(() => {
						clearTimeout(timer);
						resolve();
					});
				});
			}
			return hits[index];
		},
		close: async () => {
			server.closeAllConnections();
			await new Promise<void>((resolve) => server.close(() => resolve()));
		},
	};
}

export const TRIGGER_TYPE = 'n8n-nodes-telnyx-texml.telnyxTexmlTrigger';

/** A saved Telnyx TeXML Trigger node with the given parameters and the package's credential. */
/** An engine with the trigger from source and the credential as given (the key goes nowhere). */
export function triggerEngine(credential: Record<string, string>): Engine {
	return {
		package: {
			nodes: { ...sourcePackage().nodes, [TRIGGER_TYPE]: new TelnyxTexmlTrigger() },
			credentials: [new TelnyxTexmlApi()],
		},
		credentials: {
			telnyxTexmlApi: { apiKey: 'KEY0123', baseUrl: 'http://127.0.0.1:9/v2', ...credential },
		},
	};
}

export function triggerNode(parameters: INode['parameters'], name = 'Telnyx TeXML Trigger'): INode {
	return {
		id: 'trigger-1',
		name,
		type: TRIGGER_TYPE,
		typeVersion: 1,
		position: [0, 0],
		webhookId: '6b0d8a2e-3f4c-4d51-9a7e-2c1f0e9b8d7a',
		parameters,
		credentials: { telnyxTexmlApi: { id: 'cred-1', name: 'Telnyx TeXML account' } },
	};
}

export interface Posted {
	status: number;
	body: string;
	hit: WebhookHit;
}

/** POSTs a body exactly as given (no re-encoding) and returns the answer and what the trigger did. */
export async function post(
	receiver: TriggerReceiver,
	body: string,
	headers: Record<string, string>,
): Promise<Posted> {
	const index = receiver.hits.length;
	const response = await fetch(receiver.url, { method: 'POST', headers, body });
	const text = await response.text();
	return { status: response.status, body: text, hit: await receiver.hit(index) };
}

/** The headers Telnyx sends with a form callback, signed by `key` at `timestamp` (now). */
export function signedForm(
	body: string,
	key: { sign(timestamp: string, body: string): string },
	timestamp = String(Math.floor(Date.now() / 1000)),
) {
	return {
		'content-type': 'application/x-www-form-urlencoded',
		'telnyx-timestamp': timestamp,
		'telnyx-signature-ed25519': key.sign(timestamp, body),
	};
}

/** n8n-core's context for a trigger's webhook methods at activation (checkExists, create, delete). */
export function activationContext(engine: Engine, workflow: Workflow, nodeName: string) {
	return new HookContext(
		workflow,
		workflow.getNode(nodeName)!,
		additionalData(engine),
		'trigger',
		'activate',
	) as unknown as IHookFunctions;
}
