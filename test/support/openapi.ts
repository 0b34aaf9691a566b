/**
 * Telnyx's own OpenAPI document for TeXML (every `/texml` and `/texml_applications` path: conferences,
 * calls, recordings, transcriptions, queues, media streams, SIPREC, AI calls, secrets, TeXML
 * applications), read from beside the repository (`../shared/reference/`, as CI lays it there)
 * and never copied into it. Validation is Ajv's (JSON Schema 2020-12, which OpenAPI 3.1 schemas
 * are), with formats; the places where the document contradicts itself are settled by DECISIONS
 * below, each applied to the parsed copy. Every path and component compiles, so a case for any
 * documented operation needs no more than `checkRequest`/`checkAnswer` (test/contract/wire.ts).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

import Ajv2020, { type ValidateFunction } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { parse } from 'yaml';

/** The file name, also what CI writes there (scripts/telnyx-openapi.mjs). */
export const DOCUMENT_FILE = 'telnyx-texml-all.openapi.yaml';

/** `<repository>/../shared/reference/…`; TELNYX_TEXML_OPENAPI names another copy (e.g. another checkout). */
export const DOCUMENT_PATH =
	process.env.TELNYX_TEXML_OPENAPI ??
	join(resolve(__dirname, '../..'), '..', 'shared', 'reference', DOCUMENT_FILE);

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
const ACCOUNT = '/texml/Accounts/{account_sid}';
const CONFERENCE = `${ACCOUNT}/Conferences/{conference_sid}`;
/** A declared query parameter's name, through its `$ref`. */
const parameterName = (document: Json, parameter: Json) =>
	(parameter.$ref
		? document.components.parameters[String(parameter.$ref).split('/').pop()!]
		: parameter
	).name;

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
		rule: "The conference operations declare only 200/204 and 404. Other statuses the API answers (401, 405, 415, 422, 429, 503) are checked against the declared error body: an `errors` list whose entries have a text `detail`; the extra `code`, `title` and `source` are Telnyx's general error format.",
	},
	{
		at: '#/components/schemas (every object with properties)',
		rule: 'No schema forbids unknown keys; the contract does (`unevaluatedProperties: false`, except where the document says `additionalProperties: true`), so neither the node nor the sandbox uses a key the document lacks.',
	},
	{
		at: '#/paths/…/Calls/{call_sid}/Recordings.json, …/Recordings.json, …/Transcriptions.json: get/parameters',
		rule: "Paging is declared in part (a call's recordings: none; the account's recordings: `Page`, `PageSize`; transcriptions: `PageToken`, `PageSize`), while `Page` is described as used with `PageToken` and the page URIs carry them: every one of these lists accepts `Page`, `PageSize` and `PageToken`, and its page URIs name its own path (the example `next_page_uri` of `TexmlGetCallRecordingsResponseBody` names `…/Calls.json`).",
		apply: (document) => {
			for (const path of [
				'/Calls/{call_sid}/Recordings.json',
				'/Recordings.json',
				'/Transcriptions.json',
			]) {
				const parameters: Json[] = document.paths[`${ACCOUNT}${path}`].get.parameters;
				const declared = parameters.map((p) => parameterName(document, p));
				parameters.push(...PAGING.filter((p) => !declared.includes(parameterName(document, p))));
			}
		},
	},
	{
		at: '#/components/parameters/TexmlDateCreated/schema',
		rule: 'Declared `format: date-time`, but described as a date or a date-time that also takes inequality operators (`DateCreated>=2023-05-22`): the value is a date (`2023-05-22`) or a UTC date-time (`2023-05-22T00:00:00Z`), the operator at its start as on the conference list (`DateCreated=%3E%3D2023-05-22`); checked by that pattern.',
		apply: (document) => {
			const schema = document.components.parameters.TexmlDateCreated.schema;
			delete schema.format;
			schema.pattern = '^(<|<=|>|>=)?\\d{4}-\\d{2}-\\d{2}(T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?Z)?$';
		},
	},
	{
		at: "#/components/schemas/DateTimeRFC2822 (calls' and the account's recordings, transcriptions)",
		rule: "The recording and transcription answers that use it (`…/Calls/{call_sid}/Recordings.json` and `…/Recordings/{recording_sid}.json` of a call, the account's `…/Recordings.json` and `…/Recordings/{recording_sid}.json`, `…/Transcriptions.json`, `…/Transcriptions/{recording_transcription_sid}.json`) carry ISO 8601 dates, as its `format` and example say and as the conference's `…/Recordings.json` does; `CallResource` dates are plain strings in RFC 2822, as its examples show. Real answers may use either; the node passes them through.",
	},
	{
		at: '#/components/schemas/TexmlRecordingSubresourcesUris/properties/transcriptions, #/paths/…/Transcriptions.json/get/responses/200: (first_page_uri|previous_page_uri)',
		rule: 'Relative URIs (`/v2/texml/…`, as the examples beside them show) declared `format: uri` (absolute): relative; checked as `uri-reference`.',
		apply: (document) => {
			document.components.schemas.TexmlRecordingSubresourcesUris.properties.transcriptions.format =
				'uri-reference';
			const page =
				document.paths[`${ACCOUNT}/Transcriptions.json`].get.responses['200'].content[
					'application/json'
				].schema.properties;
			for (const key of ['first_page_uri', 'previous_page_uri']) page[key].format = 'uri-reference';
		},
	},
	{
		at: '#/paths/…/Calls/post/requestBody',
		rule: 'The one TeXML body declared as `application/json` (calls are initiated with JSON, as Telnyx\'s SDKs send it); every other POST declares a form, and the update of a call asks for keys "in CamelCase", which are PascalCase (`Status`, `Url`) like everywhere else. Each body is checked in the media type its operation declares, and in no other.',
	},
	{
		at: '#/components/schemas/InitiateCallRequest/(required|oneOf)',
		rule: "`To`, `From` and `ApplicationSid` are required, and the `oneOf` (With URL, With TeXML, Application Default) allows at most one of `Url` and `Texml`; Telnyx's SDKs keep only the latter. Both hold. The branches constrain `Url` and `Texml` only, so the unknown-key rule applies to the request as a whole, not to each branch.",
	},
	{
		at: '#/components/schemas/InitiateCallResult',
		rule: "The example says `status: queued`, the property's example `accepted`, and no call SID is declared: the answer is `from`, `to` and `status: queued` (checked as the one value), with no SID (a key the document lacks); a call is found through its status callbacks or the call list. The older endpoint's answer and users' reports carry one: the node's item succeeds either way, and outputs a SID Telnyx gives (`call_sid`, `sid`, or inside `data`) as `call_sid` (see [Calls](calls.md#the-call-sid)).",
		apply: (document) => {
			document.components.schemas.InitiateCallResult.properties.status.enum = ['queued'];
		},
	},
	{
		at: '#/components/schemas/CallResource/properties/status, #/components/parameters/Status',
		rule: 'A call resource is `ringing`, `in-progress`, `canceled`, `completed`, `failed`, `busy` or `no-answer`, never the `queued` the initiating answer says: a new call reads `ringing` until answered. The list filter `Status` takes the five final states only, as declared.',
	},
	{
		at: '#/components/schemas/CallResource/properties/(answered_by|caller_name|duration|end_time|price|price_unit|start_time)',
		rule: 'Typed `string` (not nullable) with no word on a missing value: left out when there is none (no `end_time` or `duration` while the call is live, no `answered_by` without machine detection, no `price` without the call cost feature), like the conference keys above; real answers may carry `null` instead.',
	},
	{
		at: '#/components/schemas/UpdateCallRequest/properties/Status',
		rule: 'No enum, yet the declared 422 example answers `Status must be one of completed`: `completed` (hang up) is the one value; checked as that enum.',
		apply: (document) => {
			document.components.schemas.UpdateCallRequest.properties.Status.enum = ['completed'];
		},
	},
	{
		at: '#/components/parameters/call-scripting_FilterConsolidated/schema/properties/friendly_name',
		rule: 'Its `default` is the text `null`, and the description asks for at least three characters: never sent empty, as `null` or shorter (checked as `minLength: 3`). Both deepObject parameters go as brackets: `filter[friendly_name]=…`, `page[number]=…&page[size]=…`.',
		apply: (document) => {
			document.components.parameters[
				'call-scripting_FilterConsolidated'
			].schema.properties.friendly_name.minLength = 3;
		},
	},
	{
		at: '#/components/responses (400, 401, 403, 422: ErrorResponse)',
		rule: 'Some operations declare these with `ErrorResponse` (`errors` entries of `code`, `detail`, `meta.url`, `source.pointer`, `title`): a declared status is checked against its schema, unknown keys forbidden; a status an operation does not declare is checked against the error body of 404, as above.',
	},
	{
		at: '#/components/parameters/SortApplication/schema',
		rule: 'The description sorts in descending order with a `-` prefix (`-friendly_name`), which the enum lacks: each of `created_at`, `friendly_name`, `active` is accepted with and without it.',
		apply: (document) => {
			const schema = document.components.parameters.SortApplication.schema;
			schema.enum = [...schema.enum, ...schema.enum.map((field: string) => `-${field}`)];
		},
	},
	{
		at: '#/components/schemas/TexmlApplication/properties/(status_callback|voice_fallback_url|voice_url|inbound/(channel_limit|sip_subdomain)|outbound/(channel_limit|outbound_voice_profile_id))',
		rule: 'Declared `default: null` on a type that is not nullable (voice_url and outbound_voice_profile_id: no default, and an application made outside the API may lack them): `null` when unset, so an application carries every key of the example; checked as nullable. Create and update take `null` for these to clear them.',
		apply: (document) => {
			const app = document.components.schemas.TexmlApplication.properties;
			const nullable = (schema: Json) => {
				schema.type = [schema.type, 'null'];
				delete schema.format;
			};
			for (const key of ['status_callback', 'voice_fallback_url', 'voice_url']) nullable(app[key]);
			nullable(app.inbound.properties.channel_limit);
			nullable(app.inbound.properties.sip_subdomain);
			nullable(app.outbound.properties.channel_limit);
			app.outbound.properties.outbound_voice_profile_id = {
				anyOf: [app.outbound.properties.outbound_voice_profile_id, { type: 'null' }],
			};
		},
	},
	{
		at: '#/components/schemas/QueueResource/properties/(sid|uri|subresource_uris)',
		rule: "The example's queue SID is its name (`sid: my-queue`, `…/Queues/my-queue.json`) and no other key holds one: a queue's SID is its `FriendlyName` (or the name `<Enqueue>` gives it; without one the sandbox makes one up), and a second queue of the same name is refused (422). Its `uri` and `subresource_uris.members` start at `/Accounts/…`, as the example shows, while the page URIs around it start at `/v2/texml/Accounts/…` and name `…/Queues.json`, as theirs do.",
	},
	{
		at: '#/components/schemas/call-scripting_(Create|Update)QueueRequest/properties/MaxSize',
		rule: "An integer with no range: at least 1 (checked as `minimum: 1`); without one a queue holds 100 calls, Twilio's default (Telnyx documents none). The queue's `current_size` counts the calls waiting in it, `average_wait_time` their mean wait so far in whole seconds (0 when empty). A queue with calls waiting is not deleted (422).",
		apply: (document) => {
			for (const name of ['call-scripting_CreateQueueRequest', 'call-scripting_UpdateQueueRequest'])
				document.components.schemas[name].properties.MaxSize.minimum = 1;
		},
	},
	{
		at: '#/components/schemas/TexmlCreateCallStreamingRequestBody/properties/Url',
		rule: 'Not marked required, and `TexmlStreamUrl` has no format, yet it is "the destination WebSocket address" and `<Stream url>` requires it: required, a `wss://` address (checked as such). `Status` of the update defaults to `stopped`, its one value, so an empty update stops the stream.',
		apply: (document) => {
			const body = document.components.schemas.TexmlCreateCallStreamingRequestBody;
			body.required = ['Url'];
			document.components.schemas.TexmlStreamUrl.pattern = '^wss://[^/\\s]+';
		},
	},
	{
		at: '#/components/schemas/TexmlCreateCallStreamingResponseBody/properties/(date_updated|name)',
		rule: '`date_updated` is `DateTimeRFC2822`, whose `format` and example are ISO 8601: ISO 8601, as for the recordings above. `name` is typed `string`: left out when the stream was started without one.',
	},
	{
		at: '#/components/schemas/TexmlCreateSiprecSessionRequestBody/properties/(ConnectorName|SessionTimeoutSecs)',
		rule: '`ConnectorName` is not marked required, but a session needs a recorder and `<Siprec connectorName>` requires it: required. `SessionTimeoutSecs` is 0 (off) or at least 90, as its description says (checked as such).',
		apply: (document) => {
			const body = document.components.schemas.TexmlCreateSiprecSessionRequestBody;
			body.required = ['ConnectorName'];
			body.properties.SessionTimeoutSecs.anyOf = [{ const: 0 }, { minimum: 90 }];
		},
	},
	{
		at: '#/components/schemas/Texml(Create|Update)SiprecSessionResponseBody/properties/(uri|date_created|start_time)',
		rule: 'The `uri` example is absolute (`https://api.telnyx.com/v2/texml/…/Siprec/<sid>`, no `.json`): relative like every other TeXML `uri`, naming the path its update goes to (`/v2/texml/…/Siprec/<sid>.json`). The dates are plain strings with RFC 2822 examples: RFC 2822. An update without `Status` (no default is declared) changes nothing and answers the session as it is.',
	},
	{
		at: '#/paths/~1texml~1ai_calls~1{connection_id}/post',
		rule: 'The connection is a TeXML application of the account (its ID). The operation declares 200, 401 and 422 only: an unknown connection is 422, naming `connection_id`. `Texml`, `Twiml` and `Url` are refused with 422 as the description says (none of them is a declared key either). `StatusCallbacks` and `ConversationCallbacks` are lists of URLs that each get every callback; `InitiateAICallResult` has `status: queued`, as its example, and carries `call_sid`.',
	},
	{
		at: '#/paths/~1texml~1secrets/post/responses/201',
		rule: 'The answer is `{ data: { name, value: "REDACTED" } }` (201): the value is never answered, and the sandbox masks it in its request log too.',
	},
];

/**
 * Objects with properties and no word on other keys become closed: nothing undeclared passes. A
 * branch of `oneOf`/`anyOf`/`allOf` stays open: it constrains a few keys of the object around it
 * (`InitiateCallRequest`'s With URL / With TeXML), which is closed itself.
 */
function close(schema: unknown, branch = false): void {
	if (Array.isArray(schema)) return schema.forEach((s) => close(s, branch));
	if (!schema || typeof schema !== 'object') return;
	const object = schema as Json;
	for (const [key, value] of Object.entries(object)) {
		if (key === 'example' || key === 'examples') continue;
		close(value, ['oneOf', 'anyOf', 'allOf'].includes(key));
	}
	if (!branch && object.properties && object.additionalProperties === undefined)
		object.unevaluatedProperties = false;
}

export interface Parameter {
	in: string;
	name: string;
	required: boolean;
	schema: Json;
	/** `deepObject` for `page[number]=…`-style parameters; otherwise absent (form). */
	style?: string;
	/** Checks `{ value }`, the value coerced from its text ('1' → 1); a deepObject's value is an object. */
	validate: ValidateFunction;
}

/** What an answer of one status may carry: a schema per JSON media type, `binary` for files. */
export type Media = Record<string, ValidateFunction | 'binary'>;

export interface Operation {
	method: string;
	/** The path template, e.g. /texml/Accounts/{account_sid}/Conferences/{conference_sid} */
	path: string;
	operationId: string;
	/** Declared parameters (path, query), each with its schema and a check. */
	parameters: Parameter[];
	/**
	 * The request body checks by media type: a form (`application/x-www-form-urlencoded`, values
	 * coerced from text) or JSON (`application/json`, checked as sent). Empty: the operation takes no body.
	 */
	bodies: Record<string, ValidateFunction>;
	bodyRequired: boolean;
	/** Answers by status; an empty record of media types means no body (204). */
	responses: Record<string, Media>;
}

export interface Contract {
	/** The parsed document with DECISIONS applied, every object schema closed. */
	document: Json;
	operations: Operation[];
	/** Servers' base path, e.g. /v2. */
	basePath: string;
	/** The declared error body, for statuses the document does not list. */
	errorBody: ValidateFunction;
	/** Ajv with form-text coercion ('true' → true, '30' → 30), for query and form values. */
	coercing: Ajv2020;
	/** A component schema by name (`CallResource`), compiled closed; throws on an unknown name. */
	schema(name: string): ValidateFunction;
	/** An operation by its operationId; throws on an unknown one. */
	operation(operationId: string): Operation;
}

export const FORM = 'application/x-www-form-urlencoded';
const isJson = (mediaType: string) => /^application\/(.+\+)?json$/.test(mediaType);

/** Follows one `$ref` to `#/components/<kind>/<name>` (parameters, requestBodies, responses). */
function resolveRef(document: Json, node: Json): Json {
	if (!node.$ref) return node;
	return (node.$ref as string)
		.slice(2)
		.split('/')
		.reduce((at: Json, key) => at[key.replace(/~1/g, '/').replace(/~0/g, '~')], document);
}

/** A schema from anywhere in the document, its component references pointed into `telnyx`. */
const rebase = (schema: Json): Json =>
	JSON.parse(
		JSON.stringify(schema).replaceAll('"#/components/schemas/', '"telnyx#/$defs/'),
	) as Json;

/** Keywords Ajv must take as annotations: OpenAPI's `example` and every `x-…` used in a schema. */
function annotations(document: Json): string[] {
	const found = new Set(['example']);
	const visit = (node: unknown): void => {
		if (Array.isArray(node)) return node.forEach(visit);
		if (!node || typeof node !== 'object') return;
		for (const [key, value] of Object.entries(node)) {
			if (key.startsWith('x-')) found.add(key);
			if (key !== 'example' && key !== 'examples') visit(value);
		}
	};
	visit(document.components);
	visit(document.paths);
	return [...found];
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
	for (const keyword of annotations(document)) ajv.addKeyword(keyword);
	// The component schemas become one JSON Schema document, `telnyx`, with them as its $defs; a
	// schema elsewhere (a path's inline answer, a parameter) is compiled with its references rebased.
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
	close(document.components);
	close(document.paths);
	const strict = ajvFor(document, false);
	const coercing = ajvFor(document, true);
	const compile = (ajv: Ajv2020, schema: Json) => ajv.compile(rebase(schema));

	const components = new Map<string, ValidateFunction>();
	const schema = (name: string) => {
		if (!(name in document.components.schemas)) throw new Error(`no component schema ${name}`);
		if (!components.has(name))
			components.set(name, strict.compile({ $ref: `telnyx#/$defs/${encodeURIComponent(name)}` }));
		return components.get(name)!;
	};
	// Every component compiles, used by a path yet or not (what the Call and Recording cases will need).
	Object.keys(document.components.schemas).forEach(schema);

	const operations: Operation[] = [];
	for (const [path, item] of Object.entries(document.paths as Json)) {
		for (const [method, operation] of Object.entries(item as Json)) {
			const requestBody = operation.requestBody ? resolveRef(document, operation.requestBody) : {};
			const bodies: Operation['bodies'] = {};
			for (const [type, content] of Object.entries((requestBody.content ?? {}) as Json)) {
				if (type === FORM) bodies[type] = compile(coercing, content.schema);
				else if (isJson(type)) bodies[type] = compile(strict, content.schema);
				else throw new Error(`${operation.operationId}: no check for a ${type} request body`);
			}
			const responses: Operation['responses'] = {};
			for (const [status, response] of Object.entries(operation.responses as Json)) {
				const media: Media = {};
				for (const [type, content] of Object.entries(
					(resolveRef(document, response).content ?? {}) as Json,
				)) {
					const binary = !isJson(type) || content.schema?.format === 'binary';
					media[type] = binary ? 'binary' : compile(strict, content.schema);
				}
				responses[status] = media;
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
						style: parameter.style,
						validate: compile(coercing, {
							type: 'object',
							properties: { value: parameter.schema },
							required: ['value'],
						}),
					};
				}),
				bodies,
				bodyRequired: !!requestBody.required,
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
	const operation = (operationId: string) => {
		const found = operations.find((o) => o.operationId === operationId);
		if (!found) throw new Error(`no operation ${operationId} in the document`);
		return found;
	};
	return (loaded = { document, operations, basePath, errorBody, coercing, schema, operation });
}
