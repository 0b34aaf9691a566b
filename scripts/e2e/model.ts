/**
 * A scripted chat model on 127.0.0.1 that speaks OpenAI's Chat Completions API, streamed or not:
 * n8n's OpenAI Chat Model node points its credential's Base URL here. Every request is kept, so
 * a check can read what the model was offered (the `tools` array) and what it was told (the
 * messages, tool results included). What it answers comes from the check's script. It also
 * transcribes audio (`/audio/transcriptions`, Whisper's endpoint): it keeps the exact bytes it was
 * sent and answers the check's transcript.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ChatTool {
	type: 'function';
	function: { name: string; description?: string; parameters?: Record<string, unknown> };
}

export interface ChatMessage {
	role: 'system' | 'user' | 'assistant' | 'tool';
	content?: string | Array<{ type: string; text?: string }> | null;
	tool_calls?: Array<{
		id: string;
		type: 'function';
		function: { name: string; arguments: string };
	}>;
	tool_call_id?: string;
}

export interface ChatRequest {
	model?: string;
	stream?: boolean;
	messages: ChatMessage[];
	tools?: ChatTool[];
}

export interface ToolCall {
	name: string;
	arguments: Record<string, unknown>;
}

/** What the model answers: tool calls, or its final text. */
export type Answer = { toolCalls: ToolCall[] } | { text: string };

export type Script = (request: ChatRequest) => Answer;

/** One `POST /audio/transcriptions` as received: the file's exact bytes and how it was named. */
export interface TranscriptionRequest {
	model?: string;
	fileName?: string;
	contentType?: string;
	bytes: Buffer;
}

export interface ScriptedModel {
	/** The Base URL for n8n's OpenAI credential (with `/v1`). */
	baseUrl: string;
	/** Every Chat Completions request, in arrival order (a check may empty it). */
	requests: ChatRequest[];
	/** The same, never emptied: written to the scratch folder for a look after a run. */
	history: ChatRequest[];
	/** Other requests (paths) n8n sent, e.g. `GET /v1/models`. */
	otherRequests: string[];
	script: Script;
	/** Every audio file sent to `/audio/transcriptions` (Whisper's endpoint). */
	transcriptions: TranscriptionRequest[];
	/** The text `/audio/transcriptions` answers with. */
	transcript: string;
	close(): Promise<void>;
}

/** The text of a message, whichever form n8n sent it in. */
export function textOf(message: ChatMessage): string {
	if (typeof message.content === 'string') return message.content;
	return (message.content ?? []).map((part) => part.text ?? '').join('');
}

/**
 * The tool messages since the user's last message: every result the model has had for the current
 * question. (n8n 2.x hands parallel tool calls back as one assistant message and result each.)
 */
export function toolResultsOfTurn(request: ChatRequest): ChatMessage[] {
	const lastUser = request.messages.map((m) => m.role).lastIndexOf('user');
	return request.messages.slice(lastUser + 1).filter((m) => m.role === 'tool');
}

let counter = 0;
const nextId = (prefix: string) => `${prefix}-${++counter}`;

function completion(request: ChatRequest, answer: Answer) {
	const id = nextId('chatcmpl');
	const created = Math.floor(Date.now() / 1000);
	const toolCalls =
		'toolCalls' in answer
			? answer.toolCalls.map((call) => ({
					id: nextId('call'),
					type: 'function' as const,
					function: { name: call.name, arguments: JSON.stringify(call.arguments) },
				}))
			: undefined;
	const message = toolCalls
		? { role: 'assistant', content: null, tool_calls: toolCalls }
		: { role: 'assistant', content: (answer as { text: string }).text };
	const finishReason = toolCalls ? 'tool_calls' : 'stop';
	const usage = { prompt_tokens: 10, completion_tokens: 5, total_tokens: 15 };
	return {
		id,
		created,
		model: request.model ?? 'scripted',
		message,
		toolCalls,
		finishReason,
		usage,
	};
}

function sendJson(res: ServerResponse, status: number, body: unknown) {
	res.writeHead(status, { 'content-type': 'application/json' });
	res.end(JSON.stringify(body));
}

/** The parts of a multipart/form-data body, bytes untouched. */
function multipart(body: Buffer, contentType: string) {
	const boundary = /boundary=(?:"([^"]+)"|([^;]+))/.exec(contentType);
	if (!boundary) return [];
	const delimiter = Buffer.from(`--${boundary[1] ?? boundary[2]}`);
	const parts: Array<{ headers: string; content: Buffer }> = [];
	let at = body.indexOf(delimiter);
	while (at >= 0) {
		const start = at + delimiter.length;
		const next = body.indexOf(delimiter, start);
		if (next < 0) break;
		const part = body.subarray(start + 2, next - 2); // after CRLF, before CRLF--boundary
		const split = part.indexOf('\r\n\r\n');
		if (split >= 0)
			parts.push({
				headers: part.subarray(0, split).toString(),
				content: part.subarray(split + 4),
			});
		at = next;
	}
	return parts;
}

/** Whisper's answer to an audio file: the scripted transcript; the file is kept for the check. */
function transcribe(
	model: Omit<ScriptedModel, 'baseUrl' | 'close'>,
	req: IncomingMessage,
	body: Buffer,
) {
	const parts = multipart(body, String(req.headers['content-type'] ?? ''));
	const file = parts.find((p) => /name="file"/.test(p.headers));
	const field = (name: string) =>
		parts.find((p) => new RegExp(`name="${name}"`).test(p.headers))?.content.toString();
	model.transcriptions.push({
		model: field('model'),
		fileName: file ? /filename="([^"]*)"/.exec(file.headers)?.[1] : undefined,
		contentType: file ? /content-type:\s*([^\r\n]+)/i.exec(file.headers)?.[1] : undefined,
		bytes: file?.content ?? Buffer.alloc(0),
	});
	return { text: model.transcript };
}

/** The same answer as server-sent chunks: role, then content or each tool call, then the finish. */
function sendStream(res: ServerResponse, c: ReturnType<typeof completion>) {
	res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
	const chunk = (
		delta: Record<string, unknown>,
		finish: string | null,
		extra: Record<string, unknown> = {},
	) =>
		res.write(
			`data: ${JSON.stringify({
				id: c.id,
				object: 'chat.completion.chunk',
				created: c.created,
				model: c.model,
				choices: [{ index: 0, delta, finish_reason: finish }],
				...extra,
			})}\n\n`,
		);
	chunk({ role: 'assistant', content: c.toolCalls ? null : '' }, null);
	if (c.toolCalls) {
		c.toolCalls.forEach((call, index) => chunk({ tool_calls: [{ index, ...call }] }, null));
	} else {
		chunk({ content: c.message.content }, null);
	}
	chunk({}, c.finishReason, { usage: c.usage });
	res.end('data: [DONE]\n\n');
}

export async function startScriptedModel(): Promise<ScriptedModel> {
	const model: Omit<ScriptedModel, 'baseUrl' | 'close'> = {
		requests: [],
		history: [],
		otherRequests: [],
		script: () => ({ text: 'No script is set for this check.' }),
		transcriptions: [],
		transcript: 'No transcript is set for this check.',
	};
	const server = createServer((req: IncomingMessage, res: ServerResponse) => {
		const chunks: Buffer[] = [];
		req.on('data', (chunk: Buffer) => chunks.push(chunk));
		req.on('end', () => {
			const raw = Buffer.concat(chunks);
			const body = raw.toString();
			const path = (req.url ?? '').split('?')[0];
			if (req.method === 'POST' && path.endsWith('/audio/transcriptions')) {
				sendJson(res, 200, transcribe(model, req, raw));
				return;
			}
			if (req.method === 'POST' && path.endsWith('/chat/completions')) {
				const request = JSON.parse(body) as ChatRequest;
				model.requests.push(request);
				model.history.push(request);
				let answer: Answer;
				try {
					answer = model.script(request);
				} catch (error) {
					sendJson(res, 500, {
						error: { message: `script failed: ${String(error)}`, type: 'server_error' },
					});
					return;
				}
				const c = completion(request, answer);
				if (request.stream) sendStream(res, c);
				else {
					sendJson(res, 200, {
						id: c.id,
						object: 'chat.completion',
						created: c.created,
						model: c.model,
						choices: [
							{ index: 0, message: c.message, finish_reason: c.finishReason, logprobs: null },
						],
						usage: c.usage,
					});
				}
				return;
			}
			model.otherRequests.push(`${req.method} ${path}`);
			if (req.method === 'GET' && path.endsWith('/models')) {
				sendJson(res, 200, {
					object: 'list',
					data: [{ id: 'gpt-4o-mini', object: 'model', created: 0, owned_by: 'e2e' }],
				});
				return;
			}
			sendJson(res, 404, {
				error: { message: `no route ${req.method} ${path}`, type: 'invalid_request_error' },
			});
		});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	return Object.assign(model as ScriptedModel, {
		baseUrl: `http://127.0.0.1:${port}/v1`,
		close: () => new Promise<void>((resolve) => server.close(() => resolve())),
	});
}
