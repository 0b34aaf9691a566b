/**
 * n8n's webhook server for a trigger whose webhooks answer with `responseMode: 'responseNode'`
 * (packages/cli/src/webhooks/webhook-helpers.ts, n8n 2.8): the node's `webhook()` runs through
 * n8n-core's WebhookContext on a real node:http request and response; a started run goes through
 * WorkflowExecute, and the first `sendResponse` of a node is the answer (status, headers, a string
 * body sent as is). When the run fails first, n8n answers 500 `{"message":"Error in workflow"}`; when
 * it ends without a response, n8n's ActiveExecutions resolves the answer with `{}`, which goes out
 * as an empty JSON body. What n8n would write is written through `res.end`, as Express does.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

import type {
	IExecuteResponsePromiseData,
	INode,
	INodeType,
	IRun,
	IWebhookResponseData,
} from 'n8n-workflow';

import { runWorkflow, workflowOf, type Engine, type WorkflowFile } from './engine';
import { receive, recordWritten, webhookContext } from './webhook';

export interface Answered {
	status: number;
	contentType: string;
	body: string;
	/** The run the request started, once it has ended (it may end after the answer). */
	run: Promise<IRun | undefined>;
	result?: IWebhookResponseData;
}

export interface AnswerServer {
	/** The trigger's URL: `<origin>/webhook/<webhookId>/voice`. */
	url: string;
	/** Every request the trigger answered, with its run. */
	answered: Answered[];
	close(): Promise<void>;
}

/** Express's `res.send` for what n8n hands it: a string as is (text/html unless set), else JSON. */
function send(res: http.ServerResponse, status: number, headers: object, body: unknown) {
	// As n8n does: no check whether the response was already answered (the trigger's guard may have).
	res.statusCode = status;
	for (const [name, value] of Object.entries(headers ?? {})) res.setHeader(name, String(value));
	const text = typeof body === 'string';
	if (!res.getHeader('content-type'))
		res.setHeader('content-type', text ? 'text/html; charset=utf-8' : 'application/json');
	res.end(text ? body : body === undefined ? '' : JSON.stringify(body));
}

export async function startAnswerServer(
	engine: Engine,
	file: WorkflowFile,
	trigger: string,
): Promise<AnswerServer> {
	const answered: Answered[] = [];
	/** Where n8n's webhook URLs start: this server, so a trigger's own URL reaches it again. */
	let webhookBaseUrl = '';
	/** Kept between requests, as n8n loads it with the workflow and saves what changed. */
	const staticData = file.staticData ?? {};

	async function handle(req: http.IncomingMessage, res: http.ServerResponse) {
		await receive(req);

		const workflow = workflowOf(engine, { ...file, staticData });
		const node = workflow.getNode(trigger) as INode;
		const nodeType = workflow.nodeTypes.getByNameAndVersion(node.type, 1) as INodeType;
		const description = nodeType.description.webhooks!.find((w) => w.httpMethod === req.method);
		if (!description) return send(res, 404, {}, { message: 'not registered' });
		const context = webhookContext(engine, workflow, node, description, req, res, webhookBaseUrl);
		let result: IWebhookResponseData;
		try {
			result = await nodeType.webhook!.call(context);
		} catch {
			send(
				res,
				500,
				{},
				{ code: 0, message: 'Workflow Webhook Error: Workflow could not be started!' },
			);
			return { run: Promise.resolve(undefined) };
		}
		if (result.noWebhookResponse || result.workflowData === undefined) {
			if (!result.noWebhookResponse) send(res, 200, {}, { message: 'Webhook call received' });
			return { run: Promise.resolve(undefined), result };
		}
		let responded = false;
		const run = runWorkflow(engine, file, { node: node.name, main: result.workflowData }, (hooks) =>
			hooks.addHandler('sendResponse', (response: IExecuteResponsePromiseData) => {
				if (responded) return;
				responded = true;
				send(
					res,
					Number(response.statusCode ?? 200),
					(response.headers ?? {}) as object,
					response.body,
				);
			}),
		).then((done) => {
			if (!responded) {
				responded = true;
				const failed = done.data.resultData.error !== undefined;
				if (failed) send(res, 500, {}, { message: 'Error in workflow' });
				else send(res, 200, {}, undefined);
			}
			return done;
		});
		return { run, result };
	}

	const server = http.createServer((req, res) => {
		// Wrapped before the trigger's guard wraps it again: this records what reached the socket.
		const written = recordWritten(res);
		let run: Promise<IRun | undefined> = Promise.resolve(undefined);
		let result: IWebhookResponseData | undefined;
		const finished = new Promise<void>((resolve) => res.once('finish', () => resolve()));
		void handle(req, res).then((handled) => {
			run = handled?.run ?? run;
			result = handled?.result;
		});
		void finished.then(() =>
			answered.push({
				status: res.statusCode,
				contentType: String(res.getHeader('content-type') ?? ''),
				body: written(),
				get run() {
					return run;
				},
				result,
			}),
		);
	});
	server.keepAliveTimeout = 1;
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	webhookBaseUrl = `http://127.0.0.1:${port}/webhook`;
	const webhookId = workflowOf(engine, file).getNode(trigger)?.webhookId;
	return {
		url: `${webhookBaseUrl}/${webhookId}/voice`,
		answered,
		close: async () => {
			server.closeAllConnections();
			await new Promise<void>((resolve) => server.close(() => resolve()));
		},
	};
}
