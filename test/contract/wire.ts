/**
 * Checks one request as it went over the wire, and one answer, against Telnyx's document: the
 * operation is found by method and path template, then every part is validated by Ajv. Works for
 * any documented operation: path and query parameters (deepObject ones as `page[number]=…`), a form
 * or JSON body as the operation declares it, JSON answers and declared binary (audio) answers.
 */
import type { ErrorObject } from 'ajv';

import type { RecordedRequest } from '../../sandbox';
import { FORM, type Contract, type Operation, type Parameter } from '../support/openapi';

const say = (errors: ErrorObject[] | null | undefined) =>
	(errors ?? []).map(
		(e) => `${e.instancePath || '/'} ${e.message}${e.params ? ` ${JSON.stringify(e.params)}` : ''}`,
	);

function matches(template: string, segments: string[]): Record<string, string> | undefined {
	const parts = template.split('/').filter(Boolean);
	if (parts.length !== segments.length) return undefined;
	const params: Record<string, string> = {};
	for (const [i, part] of parts.entries()) {
		// `{call_sid}`, or `{recording_sid}.json`: a parameter with a literal suffix.
		const parameter = /^\{([^}]+)\}(.*)$/.exec(part);
		if (parameter) {
			const [, name, suffix] = parameter;
			if (!segments[i].endsWith(suffix) || segments[i].length === suffix.length) return undefined;
			params[name] = segments[i].slice(0, segments[i].length - suffix.length);
		} else if (part !== segments[i]) return undefined;
	}
	// `…/Calls/v3:abc.json` is call `v3:abc`, as the sandbox and Telnyx read it (see DECISIONS).
	const last = /^\{([^}]+)\}$/.exec(parts[parts.length - 1] ?? '')?.[1];
	if (last && params[last].endsWith('.json') && params[last] !== '.json')
		params[last] = params[last].slice(0, -'.json'.length);
	return params;
}

/**
 * The operation a request goes to. `<path>.json` is the operation of `<path>` unless the document
 * declares the `.json` path itself (see DECISIONS).
 */
export function findOperation(contract: Contract, method: string, rawPath: string) {
	if (!rawPath.startsWith(`${contract.basePath}/`)) return undefined;
	const segments = rawPath
		.slice(contract.basePath.length)
		.split('/')
		.filter(Boolean)
		.map(decodeURIComponent);
	const candidates = contract.operations.filter((o) => o.method === method);
	for (const operation of candidates) {
		const params = matches(operation.path, segments);
		if (params) return { operation, params };
	}
	const last = segments[segments.length - 1] ?? '';
	if (!last.endsWith('.json')) return undefined;
	const stripped = [...segments.slice(0, -1), last.slice(0, -'.json'.length)];
	for (const operation of candidates) {
		const params = matches(operation.path, stripped);
		const declaredJson = contract.operations.some((o) => o.path === `${operation.path}.json`);
		if (params && !declaredJson) return { operation, params };
	}
	return undefined;
}

/** `CustomHeaders[0][name]=a` → `{ CustomHeaders: [{ name: 'a' }] }`; plain keys stay as they are. */
export function formObject(body: string): Record<string, unknown> {
	const form: Record<string, any> = {};
	for (const [key, value] of new URLSearchParams(body)) {
		const indexed = /^(\w+)\[(\d+)\]\[(\w+)\]$/.exec(key);
		if (!indexed) {
			form[key] = value;
			continue;
		}
		const [, name, index, field] = indexed;
		((form[name] ??= [])[Number(index)] ??= {})[field] = value;
	}
	return form;
}

function checkValue(where: string, parameter: Parameter, value: unknown): string[] {
	// Wrapped in an object so that Ajv may coerce the text ('1' for an integer) in place.
	if (parameter.validate({ value })) return [];
	const shown = typeof value === 'string' ? value : JSON.stringify(value);
	return say(parameter.validate.errors).map((e) => `${where}=${shown}: ${e}`);
}

/** The query as the operation's parameters read it: `page[number]=1` → `page: { number: '1' }` for a deepObject `page`. */
function queryValues(operation: Operation, rawQuery: string) {
	const values = new Map<string, unknown>();
	const unknown: string[] = [];
	const query = operation.parameters.filter((p) => p.in === 'query');
	for (const [key, value] of new URLSearchParams(rawQuery)) {
		const deep = /^([^[\]]+)\[([^[\]]+)\]$/.exec(key);
		const deepObject = deep && query.find((p) => p.name === deep[1] && p.style === 'deepObject');
		if (deep && deepObject) {
			const object = (values.get(deep[1]) ?? {}) as Record<string, string>;
			values.set(deep[1], { ...object, [deep[2]]: value });
		} else if (query.some((p) => p.name === key && p.style !== 'deepObject')) {
			// A repeated name is checked value by value.
			values.set(key, [...((values.get(key) as string[]) ?? []), value]);
		} else unknown.push(key);
	}
	return { values, unknown };
}

/** The media type of a request or answer, without parameters (`; charset=utf-8`). */
const mediaType = (header: unknown) =>
	String(header ?? '')
		.split(';')[0]
		.trim()
		.toLowerCase();

/** What is wrong with a request, as Telnyx's document has it; empty when nothing is. */
export function checkRequest(contract: Contract, request: RecordedRequest): string[] {
	const [rawPath, rawQuery = ''] = request.url.split('?', 2);
	const found = findOperation(contract, request.method, rawPath);
	if (!found) return [`${request.method} ${rawPath}: no such operation in the document`];
	const { operation, params } = found;
	const problems: string[] = [];
	for (const parameter of operation.parameters.filter((p) => p.in === 'path')) {
		problems.push(...checkValue(`path ${parameter.name}`, parameter, params[parameter.name]));
	}
	const { values, unknown } = queryValues(operation, rawQuery);
	for (const name of unknown)
		problems.push(`query ${name}: not a parameter of ${operation.operationId}`);
	for (const parameter of operation.parameters.filter((p) => p.in === 'query')) {
		const value = values.get(parameter.name);
		if (value === undefined) {
			if (parameter.required) problems.push(`query ${parameter.name}: required, not sent`);
		} else if (parameter.style === 'deepObject') {
			problems.push(...checkValue(`query ${parameter.name}`, parameter, value));
		} else {
			for (const one of value as string[])
				problems.push(...checkValue(`query ${parameter.name}`, parameter, one));
		}
	}
	problems.push(...checkBody(operation, request));
	return problems.map((p) => `${operation.operationId}: ${p}`);
}

/** The body against the schema of the media type it was sent as, which must be one the operation declares. */
function checkBody(operation: Operation, request: RecordedRequest): string[] {
	const declared = Object.keys(operation.bodies);
	if (declared.length === 0)
		return request.body === '' ? [] : [`${operation.operationId} takes no body, but one was sent`];
	if (request.body === '') {
		if (!operation.bodyRequired) return [];
		// An empty body is an empty form (a POST with nothing to change); JSON needs at least `{}`.
		if (!operation.bodies[FORM]) return [`a ${declared.join(' or ')} body is required`];
	}
	const sent = mediaType(request.headers['content-type']);
	const type = request.body === '' ? FORM : sent;
	const validate = operation.bodies[type];
	if (!validate) return [`body sent as "${sent}", not ${declared.join(' or ')}`];
	let body: unknown;
	if (type === FORM) body = formObject(request.body);
	else {
		try {
			body = JSON.parse(request.body);
		} catch {
			return [`the ${type} body is not JSON: ${request.body.slice(0, 80)}`];
		}
	}
	const kind = type === FORM ? 'form' : 'json';
	return validate(body) ? [] : say(validate.errors).map((e) => `${kind} ${e}`);
}

/**
 * What is wrong with an answer to `operation`; empty when nothing is. `contentType` (the answer's
 * header) picks the declared media type; without it, the one JSON type the status declares.
 * A binary answer (audio) must come as a declared type and not be empty; its bytes are not read.
 */
export function checkAnswer(
	contract: Contract,
	operation: Operation,
	status: number,
	body: string | Buffer,
	contentType?: string,
): string[] {
	const declared = operation.responses[String(status)];
	const at = `${operation.operationId} → ${status}`;
	if (declared && Object.keys(declared).length === 0)
		return body.length === 0 ? [] : [`${at}: declares no body, got ${body.slice(0, 80)}`];
	const sent = contentType === undefined ? undefined : mediaType(contentType);
	const types = Object.keys(declared ?? {});
	const type =
		sent ?? (types.length === 1 ? types[0] : types.find((t) => declared![t] !== 'binary'));
	let validate = declared && type ? declared[type] : undefined;
	if (declared && !validate) {
		const wildcard = types.find((t) => t.endsWith('/*') && type?.startsWith(t.slice(0, -1)));
		validate = wildcard ? declared[wildcard] : undefined;
		if (!validate) return [`${at}: answered as "${type}", not ${types.join(' or ')}`];
	}
	if (validate === 'binary') return body.length > 0 ? [] : [`${at}: an empty ${type} answer`];
	let json: unknown;
	try {
		json = JSON.parse(body.toString());
	} catch {
		return [`${at}: the body is not JSON: ${body.slice(0, 80)}`];
	}
	validate ??= status >= 400 ? contract.errorBody : undefined;
	if (!validate) return [`${at}: status not declared`];
	return validate(json) ? [] : say(validate.errors).map((e) => `${at}: ${e}`);
}

/** `GET /v2/whoami`, the account look-up: not a TeXML operation, so not in the document. */
const isWhoami = (request: RecordedRequest) => request.url.split('?')[0] === '/v2/whoami';

/**
 * Every request as it went over the wire and the answer it got, checked; and the operations they
 * went to, in order. Takes what the sandbox recorded (`sandbox.requests`), whoami aside.
 */
export function checkExchanges(contract: Contract, requests: RecordedRequest[]) {
	const problems: string[] = [];
	const operations: string[] = [];
	for (const request of requests.filter((r) => !isWhoami(r))) {
		problems.push(...checkRequest(contract, request));
		const found = findOperation(contract, request.method, request.url.split('?')[0]);
		if (!found) continue;
		operations.push(found.operation.operationId);
		problems.push(...checkAnswer(contract, found.operation, request.status!, request.answer ?? ''));
	}
	return { problems, operations };
}
