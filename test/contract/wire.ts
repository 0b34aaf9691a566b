/**
 * Checks one request as it went over the wire, and one answer, against Telnyx's document: the
 * operation is found by method and path template, then every part is validated by Ajv.
 */
import type { ErrorObject, ValidateFunction } from 'ajv';

import type { RecordedRequest } from '../../sandbox';
import type { Contract, Operation } from '../support/openapi';

const say = (errors: ErrorObject[] | null | undefined) =>
	(errors ?? []).map(
		(e) => `${e.instancePath || '/'} ${e.message}${e.params ? ` ${JSON.stringify(e.params)}` : ''}`,
	);

function matches(template: string, segments: string[]): Record<string, string> | undefined {
	const parts = template.split('/').filter(Boolean);
	if (parts.length !== segments.length) return undefined;
	const params: Record<string, string> = {};
	for (const [i, part] of parts.entries()) {
		if (part.startsWith('{')) {
			if (segments[i] === '') return undefined;
			params[part.slice(1, -1)] = segments[i];
		} else if (part !== segments[i]) return undefined;
	}
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

function checkValue(contract: Contract, where: string, schema: object, value: string): string[] {
	// Wrapped in an object so that Ajv may coerce the text ('1' for an integer) in place.
	const wrapped = { type: 'object', properties: { value: schema } };
	if (contract.coercing.validate(wrapped, { value })) return [];
	return say(contract.coercing.errors).map((e) => `${where}=${value}: ${e}`);
}

/** What is wrong with a request, as Telnyx's document has it; empty when nothing is. */
export function checkRequest(contract: Contract, request: RecordedRequest): string[] {
	const [rawPath, rawQuery = ''] = request.url.split('?', 2);
	const found = findOperation(contract, request.method, rawPath);
	if (!found) return [`${request.method} ${rawPath}: no such operation in the document`];
	const { operation, params } = found;
	const problems: string[] = [];
	const declared = (location: string) => operation.parameters.filter((p) => p.in === location);
	for (const parameter of declared('path')) {
		problems.push(
			...checkValue(contract, `path ${parameter.name}`, parameter.schema, params[parameter.name]),
		);
	}
	for (const [name, value] of new URLSearchParams(rawQuery)) {
		const parameter = declared('query').find((p) => p.name === name);
		if (!parameter) problems.push(`query ${name}: not a parameter of ${operation.operationId}`);
		else problems.push(...checkValue(contract, `query ${name}`, parameter.schema, value));
	}
	if (operation.form) {
		const type = String(request.headers['content-type'] ?? '');
		if (request.body !== '' && !type.startsWith('application/x-www-form-urlencoded')) {
			problems.push(`body sent as "${type}", not application/x-www-form-urlencoded`);
		}
		if (!operation.form(formObject(request.body)))
			problems.push(...say(operation.form.errors).map((e) => `form ${e}`));
	} else if (request.body !== '') {
		problems.push(`${operation.operationId} takes no body, but one was sent`);
	}
	return problems.map((p) => `${operation.operationId}: ${p}`);
}

/** What is wrong with an answer to `operation`; empty when nothing is. */
export function checkAnswer(
	contract: Contract,
	operation: Operation,
	status: number,
	body: string,
): string[] {
	const declared = operation.responses[String(status)];
	const at = `${operation.operationId} → ${status}`;
	if (declared === 'no body')
		return body === '' ? [] : [`${at}: declares no body, got ${body.slice(0, 80)}`];
	let json: unknown;
	try {
		json = JSON.parse(body);
	} catch {
		return [`${at}: the body is not JSON: ${body.slice(0, 80)}`];
	}
	const validate: ValidateFunction | undefined =
		declared ?? (status >= 400 ? contract.errorBody : undefined);
	if (!validate) return [`${at}: status not declared`];
	return validate(json) ? [] : say(validate.errors).map((e) => `${at}: ${e}`);
}
