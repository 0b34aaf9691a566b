/**
 * Telnyx's own OpenAPI document for TeXML conferences, read from beside the repository
 * (`../shared/reference/`, as CI checks it out) and never copied into it. Validation is Ajv's
 * (JSON Schema 2020-12, which OpenAPI 3.1 schemas are), with formats; the few places where the
 * document contradicts itself are settled by DECISIONS below, each applied to the parsed copy.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

import Ajv2020, { type ValidateFunction } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { parse } from 'yaml';

const FILE = 'telnyx-texml-conferences.openapi.yaml';

/** `<repository>/../shared/reference/…`; TELNYX_TEXML_OPENAPI names another copy (e.g. another checkout). */
export const DOCUMENT_PATH =
	process.env.TELNYX_TEXML_OPENAPI ??
	join(resolve(__dirname, '../..'), '..', 'shared', 'reference', FILE);

type Json = Record<string, any>;

export interface Decision {
	/** Where in the document, as a JSON pointer. */
	at: string;
	/** What the contract takes, and why (the list in docs/contract.md is this one). */
	rule: string;
	apply?: (document: Json) => void;
}

const PAGING = ['Page', 'PageSize', 'PageToken'].map((name) => ({
	$ref: `#/components/parameters/${name}`,
}));
const CONFERENCE = '/texml/Accounts/{account_sid}/Conferences/{conference_sid}';

/** Where the document contradicts itself, what Telnyx's examples show wins. */
export const DECISIONS: Decision[] = [
	{
		at: '#/components/schemas/*/properties/(call_sid_ending_conference|reason_conference_ended|coaching_call_sid|coaching_call_sid_legacy|error_code|next_page_uri)',
		rule: 'Typed `string` (not nullable) and left out of the examples when there is no value: the sandbox leaves such keys out (a conference in progress has no `reason_conference_ended`, a last page no `next_page_uri`). Real answers may carry `null` instead; the node reads both.',
	},
	{
		at: '#/components/schemas/*ResourceIndex/properties/(first_page_uri|next_page_uri)',
		rule: '`description` and `example` are swapped (the description holds the URI): the value is a relative URI starting with `/v2/texml/`, as the description shows.',
	},
	{
		at: '#/components/schemas/TexmlGetCallRecordingsResponseBody/properties/(first_page_uri|previous_page_uri)',
		rule: 'Described as relative URIs but declared `format: uri` (absolute): relative, like `next_page_uri` beside them; checked as `uri-reference`.',
		apply: (document) => {
			const properties = document.components.schemas.TexmlGetCallRecordingsResponseBody.properties;
			for (const key of ['first_page_uri', 'previous_page_uri'])
				properties[key].format = 'uri-reference';
		},
	},
	{
		at: '#/components/schemas/DateTimeRFC2822',
		rule: 'Named RFC 2822 but `format: date-time` with an ISO 8601 example: `…/Recordings.json` dates are ISO 8601; every other date is RFC 2822 (`Thu, 15 Jun 2023 09:56:45 +0000`), as their examples show.',
	},
	{
		at: '#/components/schemas/TexmlRecordingStatus',
		rule: '`…/Recordings.json` names recording states `in-progress`, `completed`, `paused`, `stopped`; `…/Recordings` names them `processing`, `completed`, `absent`, `deleted`. The sandbox maps `processing` → `in-progress` and `absent`, `deleted` → `stopped` there. Its `error_code` and `duration` are nullable (`null`, as the example of `TexmlErrorCode` shows), unlike in `…/Recordings`, where they are left out.',
	},
	{
		at: '#/paths/…/Recordings and …/Recordings.json',
		rule: 'Two operations with two record shapes (`duration` integer vs string, `subresource_uris` vs `subresources_uris`). Each list pages within itself: the page URIs of `…/Recordings` name `…/Recordings` (its example names `…/Recordings.json`, which would switch the record shape mid-list).',
	},
	{
		at: '#/paths/…/Conferences and …/Participants',
		rule: 'Their page URIs end in `.json` (`…/Conferences.json?Page=1&PageSize=…&PageToken=…`), as the examples show, although only `…/Recordings.json` is a declared path: `<path>.json` is the same operation as `<path>` unless the document declares it separately.',
	},
	{
		at: '#/paths/…/Participants, …/Recordings, …/Recordings.json: get/parameters',
		rule: 'No `Page`, `PageSize`, `PageToken` declared, yet the `next_page_uri` examples carry them: they are accepted there, as on the conference list.',
		apply: (document) => {
			for (const path of ['/Participants', '/Recordings', '/Recordings.json']) {
				document.paths[`${CONFERENCE}${path}`].get.parameters.push(...PAGING);
			}
		},
	},
	{
		at: '#/paths/…/Participants/post/requestBody: CustomHeaders',
		rule: 'An array of `{ name, value }` with no form encoding given: sent as indexed brackets, `CustomHeaders[0][name]=…&CustomHeaders[0][value]=…`, and checked as that array.',
	},
	{
		at: '#/paths/*/*/responses',
		rule: "Only 200/204 and 404 are declared. Other statuses the API answers (401, 405, 415, 422, 429, 503) are checked against the declared error body: an `errors` list whose entries have a text `detail`; the extra `code`, `title` and `source` are Telnyx's general error format.",
	},
	{
		at: '#/components/schemas (every object with properties)',
		rule: 'No schema forbids unknown keys; the contract does (`unevaluatedProperties: false`, except where the document says `additionalProperties: true`), so neither the node nor the sandbox uses a key the document lacks.',
	},
];

/** Every object schema with properties and no word on other keys becomes closed: nothing undeclared passes. */
function close(schema: unknown): void {
	if (Array.isArray(schema)) return schema.forEach(close);
	if (!schema || typeof schema !== 'object') return;
	const object = schema as Json;
	for (const value of Object.values(object)) close(value);
	if (object.properties && object.additionalProperties === undefined)
		object.unevaluatedProperties = false;
}

export interface Operation {
	method: string;
	/** The path template, e.g. /texml/Accounts/{account_sid}/Conferences/{conference_sid} */
	path: string;
	operationId: string;
	/** Declared parameters by location and name, each with its schema. */
	parameters: Array<{ in: string; name: string; required: boolean; schema: Json }>;
	/** The application/x-www-form-urlencoded body schema, when the operation takes a body. */
	form?: ValidateFunction;
	/** Answer validators by status. */
	responses: Record<string, ValidateFunction | 'no body'>;
}

export interface Contract {
	operations: Operation[];
	/** Servers' base path, e.g. /v2. */
	basePath: string;
	/** The declared error body, for statuses the document does not list. */
	errorBody: ValidateFunction;
	/** Ajv with form-text coercion ('true' → true, '30' → 30), for query and form values. */
	coercing: Ajv2020;
}

function resolveRef(document: Json, node: Json): Json {
	if (!node.$ref) return node;
	return (node.$ref as string)
		.slice(2)
		.split('/')
		.reduce((at: Json, key) => at[key.replace(/~1/g, '/').replace(/~0/g, '~')], document);
}

function ajvFor(document: Json, coerceTypes: boolean) {
	// OpenAPI annotations (`example`, `x-…`) are not JSON Schema keywords; everything else is strict.
	const ajv = new Ajv2020({
		allErrors: true,
		coerceTypes,
		strict: true,
		strictRequired: false,
		strictTypes: false,
	});
	addFormats(ajv);
	ajv.addKeyword('example');
	ajv.addKeyword('x-stainless-param');
	// The schemas become one JSON Schema document, `telnyx`, with the components as its $defs.
	const schemas = JSON.parse(
		JSON.stringify(document.components.schemas).replaceAll('"#/components/schemas/', '"#/$defs/'),
	);
	ajv.addSchema({ $id: 'telnyx', $defs: schemas });
	return ajv;
}

let loaded: Contract | undefined | null = null;

/** The contract, or undefined when the document is not beside the repository. */
export function loadContract(): Contract | undefined {
	if (loaded !== null) return loaded;
	if (!existsSync(DOCUMENT_PATH)) return (loaded = undefined);
	const document = parse(readFileSync(DOCUMENT_PATH, 'utf8')) as Json;
	for (const decision of DECISIONS) decision.apply?.(document);
	const open = ajvFor(structuredClone(document), false);
	close(document.components.schemas);
	const strict = ajvFor(document, false);
	const coercing = ajvFor(document, true);
	const compile = (ajv: Ajv2020, schema: Json) =>
		ajv.compile({
			$ref: `telnyx${String(schema.$ref).replace('#/components/schemas/', '#/$defs/')}`,
		});
	const operations: Operation[] = [];
	for (const [path, item] of Object.entries(document.paths as Json)) {
		for (const [method, operation] of Object.entries(item as Json)) {
			const form = operation.requestBody?.content?.['application/x-www-form-urlencoded']?.schema;
			const responses: Operation['responses'] = {};
			for (const [status, response] of Object.entries(operation.responses as Json)) {
				const schema = resolveRef(document, response).content?.['application/json']?.schema;
				responses[status] = schema ? compile(strict, schema) : 'no body';
			}
			operations.push({
				method: method.toUpperCase(),
				path,
				operationId: operation.operationId,
				parameters: (operation.parameters ?? []).map((p: Json) => {
					const parameter = resolveRef(document, p);
					return {
						in: parameter.in,
						name: parameter.name,
						required: !!parameter.required,
						schema: parameter.schema,
					};
				}),
				form: form ? compile(coercing, form) : undefined,
				responses,
			});
		}
	}
	// Statuses the document does not list: the declared error body, with its `errors` list present.
	const errorBody = open.compile({
		$ref: 'telnyx#/$defs/call-scripting_ResourceNotFoundError',
		required: ['errors'],
	});
	const basePath = new URL(document.servers[0].url).pathname;
	return (loaded = { operations, basePath, errorBody, coercing });
}
