/**
 * `/texml_applications` in the sandbox, as Telnyx's document declares it: list (pages, filters,
 * sort), create (JSON, 201), get, PATCH (friendly_name and voice_url required), delete; every
 * answer carries every key of the document's example and validates against its schema. An
 * application set over the API is the one the sandbox rings.
 */
import { startSandbox, type TexmlSandbox } from '../sandbox';
import { describeContract } from './contract/describe-contract';
import { checkAnswer, checkRequest, findOperation } from './contract/wire';
import { startTexmlServer, texml } from './support/texml-server';

/** The document's example of a TexmlApplication (CreateTexmlApplicationRequest's, and the keys the answer adds). */
const EXAMPLE = {
	active: false,
	anchorsite_override: 'Amsterdam, Netherlands',
	call_cost_in_webhooks: false,
	dtmf_type: 'Inband',
	first_command_timeout: true,
	first_command_timeout_secs: 10,
	friendly_name: 'call-router',
	inbound: {
		channel_limit: 10,
		shaken_stir_enabled: true,
		sip_subdomain: 'example',
		sip_subdomain_receive_settings: 'only_my_connections',
	},
	outbound: { channel_limit: 10, outbound_voice_profile_id: '1293384261075731499' },
	status_callback: 'https://example.com',
	status_callback_method: 'get',
	tags: ['tag1', 'tag2'],
	voice_fallback_url: 'https://fallback.example.com',
	voice_method: 'get',
	voice_url: 'https://example.com',
};
const ANSWER_KEYS = [
	...Object.keys(EXAMPLE),
	'created_at',
	'id',
	'record_type',
	'updated_at',
].sort();

let sandbox: TexmlSandbox;
beforeEach(async () => {
	sandbox = await startSandbox();
});
afterEach(() => sandbox.close());

async function send(method: string, path: string, json?: unknown) {
	const response = await fetch(`${sandbox.baseUrl}${path}`, {
		method,
		headers: {
			authorization: `Bearer ${sandbox.account.apiKey}`,
			...(json === undefined ? {} : { 'content-type': 'application/json' }),
		},
		body: json === undefined ? undefined : JSON.stringify(json),
	});
	return { status: response.status, body: (await response.json()) as Record<string, any> };
}

const keysOf = (app: Record<string, unknown>) => Object.keys(app).sort();

test('create with the example: 201, every key of the example with its value', async () => {
	const created = await send('POST', '/texml_applications', EXAMPLE);
	expect(created.status).toBe(201);
	expect(keysOf(created.body.data)).toEqual(ANSWER_KEYS);
	expect(created.body.data).toMatchObject({ ...EXAMPLE, record_type: 'texml_application' });
	expect(created.body.data.id).toMatch(/^\d{19}$/);
	const got = await send('GET', `/texml_applications/${created.body.data.id}`);
	expect(got.body).toEqual(created.body);
});

test('the list: every key on every application, the documented defaults, null where unset', async () => {
	await send('POST', '/texml_applications', {
		friendly_name: 'dial-in',
		voice_url: 'https://n8n.example.com/voice',
	});
	const list = await send('GET', '/texml_applications?sort=friendly_name');
	expect(list.body.meta).toEqual({
		page_number: 1,
		page_size: 250,
		total_pages: 1,
		total_results: 2,
	});
	for (const app of list.body.data) expect(keysOf(app)).toEqual(ANSWER_KEYS);
	const [dialIn, own] = list.body.data;
	expect(dialIn).toMatchObject({
		active: true,
		anchorsite_override: 'Latency',
		call_cost_in_webhooks: false,
		dtmf_type: 'RFC 2833',
		first_command_timeout: false,
		first_command_timeout_secs: 30,
		inbound: {
			channel_limit: null,
			shaken_stir_enabled: false,
			sip_subdomain: null,
			sip_subdomain_receive_settings: 'from_anyone',
		},
		outbound: { channel_limit: null, outbound_voice_profile_id: null },
		status_callback: null,
		status_callback_method: 'post',
		tags: [],
		voice_fallback_url: null,
		voice_method: 'post',
		voice_url: 'https://n8n.example.com/voice',
	});
	// The sandbox's own application, made without the API, has no Voice URL until one is set.
	expect(own).toMatchObject({ friendly_name: 'Sandbox TeXML App', voice_url: null });
});

test('the list filters by outbound voice profile', async () => {
	await send('POST', '/texml_applications', EXAMPLE);
	const list = await send(
		'GET',
		'/texml_applications?filter%5Boutbound_voice_profile_id%5D=1293384261075731499',
	);
	expect(list.body.data.map((a: { friendly_name: string }) => a.friendly_name)).toEqual([
		'call-router',
	]);
});

describe('PATCH', () => {
	let id: string;
	beforeEach(async () => {
		id = (await send('POST', '/texml_applications', EXAMPLE)).body.data.id;
	});

	test('sets what it names, keeps the rest (nested objects key by key), null clears', async () => {
		const patched = await send('PATCH', `/texml_applications/${id}`, {
			friendly_name: 'call-router',
			voice_url: 'https://n8n.example.com/webhook/voice',
			voice_method: 'post',
			voice_fallback_url: null,
			inbound: { channel_limit: 5 },
		});
		expect(patched.status).toBe(200);
		expect(keysOf(patched.body.data)).toEqual(ANSWER_KEYS);
		expect(patched.body.data).toMatchObject({
			...EXAMPLE,
			voice_url: 'https://n8n.example.com/webhook/voice',
			voice_method: 'post',
			voice_fallback_url: null,
			inbound: { ...EXAMPLE.inbound, channel_limit: 5 },
		});
	});

	test.each([
		[
			'no friendly_name',
			{ voice_url: 'https://e.com' },
			'10004',
			'Missing required parameter',
			"Can't be blank: friendly_name",
			'/friendly_name',
		],
		[
			'no voice_url',
			{ friendly_name: 'x' },
			'10004',
			'Missing required parameter',
			"Can't be blank: voice_url",
			'/voice_url',
		],
		[
			'a number for a name',
			{ friendly_name: 7, voice_url: 'https://e.com' },
			'10026',
			'Invalid parameter type',
			"The 'friendly_name' parameter must be of type 'string'",
			'/friendly_name',
		],
		[
			'an unknown method',
			{ friendly_name: 'x', voice_url: 'https://e.com', voice_method: 'put' },
			'10032',
			'Invalid enumerated value',
			'voice_method must be one of get, post',
			'/voice_method',
		],
		[
			'a relative URL',
			{ friendly_name: 'x', voice_url: '/voice' },
			'10015',
			'Invalid parameter',
			'voice_url must be an absolute http(s) URL.',
			'/voice_url',
		],
		[
			'a timeout as text',
			{ friendly_name: 'x', voice_url: 'https://e.com', first_command_timeout_secs: '10' },
			'10026',
			'Invalid parameter type',
			"The 'first_command_timeout_secs' parameter must be of type 'integer'",
			'/first_command_timeout_secs',
		],
		[
			'a nested unknown key',
			{ friendly_name: 'x', voice_url: 'https://e.com', inbound: { limit: 1 } },
			'10015',
			'Invalid parameter',
			'inbound.limit is not a known parameter.',
			'/inbound/limit',
		],
		[
			'an unknown key',
			{ friendly_name: 'x', voice_url: 'https://e.com', VoiceUrl: 'https://e.com' },
			'10015',
			'Invalid parameter',
			'VoiceUrl is not a known parameter.',
			'/VoiceUrl',
		],
	])('422 for %s, and nothing changes', async (_name, body, code, title, detail, pointer) => {
		const answer = await send('PATCH', `/texml_applications/${id}`, body);
		expect(answer).toEqual({
			status: 422,
			body: { errors: [{ code, title, detail, source: { pointer } }] },
		});
		expect((await send('GET', `/texml_applications/${id}`)).body.data).toMatchObject(EXAMPLE);
	});

	test('create checks the same way', async () => {
		const answer = await send('POST', '/texml_applications', { voice_url: 'https://e.com' });
		expect(answer.status).toBe(422);
		expect(answer.body.errors[0].detail).toBe("Can't be blank: friendly_name");
	});
});

test('delete answers the application; then it is gone (404 as the document shows it)', async () => {
	const id = (await send('POST', '/texml_applications', EXAMPLE)).body.data.id;
	const deleted = await send('DELETE', `/texml_applications/${id}`);
	expect(deleted.status).toBe(200);
	expect(deleted.body.data.id).toBe(id);
	const gone = await send('GET', `/texml_applications/${id}`);
	expect(gone).toEqual({
		status: 404,
		body: {
			errors: [
				{
					code: '10005',
					title: 'Resource not found',
					detail: 'The requested resource or URL could not be found.',
					source: { pointer: '/' },
				},
			],
		},
	});
	expect((await send('PATCH', `/texml_applications/${id}`, EXAMPLE)).status).toBe(404);
});

test('the application set over the API is the one rung: its Voice URL and method', async () => {
	const server = await startTexmlServer({ '/voice': texml('<Say>Hello</Say>') });
	try {
		const id = (
			await send('POST', '/texml_applications', {
				friendly_name: 'dial-in',
				voice_url: `${server.origin}/voice`,
				voice_method: 'get',
			})
		).body.data.id;
		const story = await sandbox.ring({
			applicationId: id,
			from: '+13125550100',
			to: '+13125550199',
		});
		expect(server.received.map((r) => r.method)).toEqual(['GET']);
		expect(server.received[0].fields.ConnectionId).toBe(id);
		expect(story.played).toEqual([{ verb: 'Say', text: 'Hello', attributes: {} }]);
	} finally {
		await server.close();
	}
});

describeContract('TeXML applications, against Telnyx’s schemas', (contract) => {
	/** Sends a request, checks it and its answer against the operation. */
	async function check(method: string, url: string, json?: unknown) {
		const headers: Record<string, string> =
			json === undefined ? {} : { 'content-type': 'application/json' };
		const body = json === undefined ? '' : JSON.stringify(json);
		const request = checkRequest(contract, { method, url, headers, body });
		const response = await fetch(`${sandbox.origin}${url}`, {
			method,
			headers: { authorization: `Bearer ${sandbox.account.apiKey}`, ...headers },
			body: json === undefined ? undefined : body,
		});
		const answer = await response.text();
		const found = findOperation(contract, method, url.split('?')[0])!;
		return {
			request,
			status: response.status,
			problems: checkAnswer(contract, found.operation, response.status, answer),
		};
	}

	test('the document’s example has the keys this suite expects', () => {
		const example = contract.document.components.schemas.TexmlApplication.example;
		expect(Object.keys(example).sort()).toEqual(ANSWER_KEYS);
	});

	test('every answer validates: create, list, get, update, delete, and their errors', async () => {
		const created = await check('POST', '/v2/texml_applications', EXAMPLE);
		expect(created).toEqual({ request: [], status: 201, problems: [] });
		const id = sandbox.store.calls.applications.at(-1)!.id;
		const minimal = { friendly_name: 'dial-in', voice_url: 'https://n8n.example.com/voice' };
		const cases: Array<[string, string, unknown, number]> = [
			['POST', '/v2/texml_applications', minimal, 201],
			['GET', '/v2/texml_applications', undefined, 200],
			[
				'GET',
				'/v2/texml_applications?page%5Bnumber%5D=2&page%5Bsize%5D=1&sort=-friendly_name',
				undefined,
				200,
			],
			['GET', `/v2/texml_applications/${id}`, undefined, 200],
			['PATCH', `/v2/texml_applications/${id}`, minimal, 200],
			['PATCH', `/v2/texml_applications/${id}`, { friendly_name: 'x' }, 422],
			['DELETE', `/v2/texml_applications/${id}`, undefined, 200],
			['GET', `/v2/texml_applications/${id}`, undefined, 404],
		];
		for (const [method, url, json, status] of cases) {
			const result = await check(method, url, json);
			expect([method, url, result.status, result.problems]).toEqual([method, url, status, []]);
		}
	});
});
