/**
 * The Telnyx TeXML Answer Trigger as n8n runs it in responseNode mode: Telnyx's request to the
 * Voice URL (or an action URL) starts the workflow, and the workflow's TeXML is the HTTP answer.
 * Whatever the workflow does wrong, the caller still gets TeXML: the fallback.
 */
import type { INodeParameters } from 'n8n-workflow';

import { fallbackTexml } from '../../nodes/TelnyxTexmlAnswerTrigger/fallback';
import { EVENT_OUTPUTS } from '../../nodes/TelnyxTexmlAnswerTrigger/item';
import { newSigningKey } from '../../sandbox';
import { parseXml } from '../../sandbox/texml';
import { TelnyxTexmlAnswerTrigger } from '../../nodes/TelnyxTexmlAnswerTrigger/TelnyxTexmlAnswerTrigger.node';
import { TelnyxTexmlApi } from '../../credentials/TelnyxTexmlApi.credentials';
import { outputOf, type Engine, type WorkflowFile } from '../support/engine';
import { startAnswerServer, type AnswerServer } from '../support/answering';
import { ANSWER_TRIGGER_TYPE, answerTriggerNode } from '../support/fixtures';
import { held, Responder, RESPONDER_TYPE } from '../support/responders';

const telnyx = newSigningKey();
const WEBHOOK_ID = '0c7e2b9a-5d41-4e8f-a3b6-9f2d1c8e7a60';
const TEXML =
	'<?xml version="1.0" encoding="UTF-8"?><Response><Say>Welcome</Say><Hangup/></Response>';

/** The Voice URL request as Telnyx documents it (FETCH: the fields "included always"). */
const INCOMING = new URLSearchParams({
	AccountSid: '6a9a7976-012e-45d2-9258-6f5dc68d861e',
	CallSid: 'v3:fcc47bc6-e428-11ed-ad79-02420aef00b4',
	CallSidLegacy: 'v3:fcc47bc6-e428-11ed-ad79-02420aef00b4',
	From: '+13122010091',
	To: '+13122010090',
	ConnectionId: '1568109700606592442',
	ApiVersion: '2010-04-01',
	CallStatus: 'ringing',
}).toString();

const now = () => String(Math.floor(Date.now() / 1000));
const signed = (body: string, key = telnyx, timestamp = now()) => ({
	'content-type': 'application/x-www-form-urlencoded',
	'telnyx-timestamp': timestamp,
	'telnyx-signature-ed25519': key.sign(timestamp, body),
});

function engine(): Engine {
	return {
		package: {
			nodes: {
				[ANSWER_TRIGGER_TYPE]: new TelnyxTexmlAnswerTrigger(),
				[RESPONDER_TYPE]: new Responder(),
			},
			credentials: [new TelnyxTexmlApi()],
		},
		credentials: {
			telnyxTexmlApi: {
				apiKey: 'KEY0123',
				baseUrl: 'http://127.0.0.1:9/v2',
				publicKey: telnyx.publicKey,
			},
		},
	};
}

function workflow(
	trigger: Record<string, unknown> = {},
	responder: Record<string, unknown> = { mode: 'texml', body: TEXML },
): WorkflowFile {
	return {
		nodes: [
			answerTriggerNode('1293384261075731499', WEBHOOK_ID, {
				parameters: { budgetSeconds: 1, ...(trigger as INodeParameters) },
			}),
			{
				id: 'respond',
				name: 'Respond',
				type: RESPONDER_TYPE,
				typeVersion: 1,
				position: [200, 0],
				parameters: responder,
			},
		],
		connections: { 'Incoming Call': { main: [[{ node: 'Respond', type: 'main', index: 0 }]] } },
	} as WorkflowFile;
}

let server: AnswerServer | undefined;
afterEach(async () => {
	held.release?.();
	held.release = undefined;
	await server?.close();
	server = undefined;
});

async function call(
	file: WorkflowFile,
	init: { method?: string; body?: string; headers?: Record<string, string>; query?: string } = {},
) {
	server = await startAnswerServer(engine(), file, 'Incoming Call');
	const body = init.method === 'GET' ? undefined : (init.body ?? INCOMING);
	const response = await fetch(`${server.url}${init.query ?? ''}`, {
		method: init.method ?? 'POST',
		headers: init.headers ?? signed(body ?? ''),
		body,
	});
	return {
		status: response.status,
		contentType: response.headers.get('content-type') ?? '',
		connection: response.headers.get('connection'),
		text: await response.text(),
		server,
	};
}

const startItem = async (s: AnswerServer) => {
	const run = await s.answered[0].run;
	return outputOf(run!, 'Incoming Call')[0]?.json;
};

const fallbackSays = (text: string) => {
	const root = parseXml(text);
	return root.children.map((verb) => `${verb.name}${verb.text ? `:${verb.text}` : ''}`);
};

describe("the workflow's TeXML is the answer to Telnyx", () => {
	test('a signed Voice URL request gets 200, an XML content type and exactly the TeXML the workflow built', async () => {
		const { status, contentType, text } = await call(workflow());
		expect(status).toBe(200);
		expect(contentType).toBe('application/xml; charset=utf-8');
		expect(text).toBe(TEXML);
	});

	test('the item carries every field Telnyx sent, event "call", the query of the URL and the trigger URL', async () => {
		const { server } = await call(workflow(), { query: '?attempt=2' });
		expect(await startItem(server)).toEqual({
			...Object.fromEntries(new URLSearchParams(INCOMING)),
			event: 'call',
			query: { attempt: '2' },
			webhookUrl: server.url,
		});
	});

	test('a Gather result is event "gather" with Digits as sent; ?event= from the builder wins over the fields', async () => {
		const gather = `${INCOMING}&Digits=1234`;
		const first = await call(workflow(), { body: gather, headers: signed(gather) });
		expect(await startItem(first.server)).toMatchObject({ event: 'gather', Digits: '1234' });
		await first.server.close();
		const dial = await call(workflow(), { query: '?event=dial' });
		expect(await startItem(dial.server)).toMatchObject({ event: 'dial', query: { event: 'dial' } });
	});
});

describe('One Output per Event', () => {
	/** Each event's output leads to a Responder answering its own TeXML. */
	function perEvent(): WorkflowFile {
		const file = workflow({ outputPerEvent: true });
		const responders = EVENT_OUTPUTS.map(({ event }, index) => ({
			...file.nodes[1],
			id: `respond-${event}`,
			name: `Respond ${event}`,
			position: [200, index * 160] as [number, number],
			parameters: { mode: 'texml', body: `<Response><Say>${event}</Say></Response>` },
		}));
		return {
			nodes: [file.nodes[0], ...responders],
			connections: {
				'Incoming Call': {
					main: responders.map((node) => [{ node: node.name, type: 'main', index: 0 }]),
				},
			},
		} as WorkflowFile;
	}

	test.each([
		['the incoming call', INCOMING, '', 'call'],
		['a Gather result (Digits)', `${INCOMING}&Digits=1234`, '', 'gather'],
		[
			'a Record result (RecordingUrl)',
			`${INCOMING}&RecordingUrl=https%3A%2F%2Fx.test%2Fr.wav`,
			'',
			'record',
		],
		['a Dial result named by ?event=', INCOMING, '?event=dial', 'dial'],
		['a Redirect named by ?event=', INCOMING, '?event=redirect', 'redirect'],
	])('%s runs only the branch of its output', async (_, body, query, event) => {
		const { text, server } = await call(perEvent(), { body, headers: signed(body), query });
		expect(text).toBe(`<Response><Say>${event}</Say></Response>`);
		const run = await server.answered[0].run;
		const ran = Object.keys(run!.data.resultData.runData).sort();
		expect(ran).toEqual(['Incoming Call', `Respond ${event}`].sort());
		const outputs = run!.data.resultData.runData['Incoming Call'][0].data!.main;
		expect(outputs.map((items) => items?.length ?? 0)).toEqual(
			EVENT_OUTPUTS.map((output) => (output.event === event ? 1 : 0)),
		);
	});

	test('the editor gets one named output per event when it is on, one output when it is off', () => {
		const expression = new TelnyxTexmlAnswerTrigger().description.outputs as string;
		const outputs = (on: boolean) =>
			// The editor evaluates `$parameter`; the expression is plain JavaScript inside {{ }}.
			new Function('$parameter', `return ${expression.slice(3, -2)}`)({ outputPerEvent: on });
		expect(outputs(false)).toEqual(['main']);
		expect(outputs(true)).toEqual(
			['Incoming Call', 'Gather', 'Record', 'Dial', 'Enqueue', 'AI Gather', 'Redirect'].map(
				(displayName) => ({ type: 'main', displayName }),
			),
		);
	});
});

describe('a caller never hears silence', () => {
	test('the workflow fails: Telnyx gets the fallback TeXML (apology, then hang up), status 200', async () => {
		const { status, contentType, text } = await call(workflow({}, { mode: 'fail' }));
		expect(status).toBe(200);
		expect(contentType).toBe('application/xml; charset=utf-8');
		expect(fallbackSays(text)).toEqual([
			'Say:Sorry, we cannot take your call right now. Please try again later.',
			'Hangup',
		]);
	});

	test('the workflow answers no TeXML (JSON, or nothing at all): the fallback', async () => {
		const json = await call(workflow({}, { mode: 'json', body: TEXML }));
		expect(fallbackSays(json.text)).toContain('Hangup');
		await json.server.close();
		const silent = await call(workflow({}, { mode: 'silent' }));
		expect(silent.status).toBe(200);
		expect(fallbackSays(silent.text)).toContain('Hangup');
	});

	test('the workflow answers malformed XML: the fallback, never the broken document', async () => {
		const { text } = await call(
			workflow({}, { mode: 'texml', body: '<Response><Say>Hi</Response>' }),
		);
		expect(fallbackSays(text)).toContain('Hangup');
	});

	test('the workflow takes longer than the budget: the fallback goes out, and the late answer is dropped', async () => {
		const { status, text, server, connection } = await call(
			workflow(
				{
					fallbackMessage: 'One moment & goodbye <3',
					fallbackRedirectUrl: 'https://example.com/vm.xml',
				},
				{ mode: 'hold', body: TEXML },
			),
		);
		expect(status).toBe(200);
		// Nothing the workflow does later on this response can reach a request a client sends next.
		expect(connection).toBe('close');
		expect(fallbackSays(text)).toEqual([
			'Say:One moment & goodbye <3',
			'Redirect:https://example.com/vm.xml',
		]);
		// The held step goes on only now, after the caller was answered: its answer reaches no one.
		held.release!();
		const run = await server.answered[0].run;
		expect(run?.data.resultData.error).toBeUndefined();
		expect(server.answered).toHaveLength(1);
	});
});

describe('signatures', () => {
	test('a POST with a forged signature gets 401 and starts nothing', async () => {
		const { status, server } = await call(workflow(), {
			headers: signed(INCOMING, newSigningKey()),
		});
		expect(status).toBe(401);
		expect(await server.answered[0].run).toBeUndefined();
	});

	test('an unsigned GET gets 401 unless Allow Unsigned GET is on; then its query is the item', async () => {
		const query = `?${INCOMING}`;
		const refused = await call(workflow(), { method: 'GET', query, headers: {} });
		expect(refused.status).toBe(401);
		await refused.server.close();
		const allowed = await call(workflow({ allowUnsignedGet: true }), {
			method: 'GET',
			query,
			headers: {},
		});
		expect(allowed.status).toBe(200);
		expect(allowed.text).toBe(TEXML);
		expect(await startItem(allowed.server)).toMatchObject({ From: '+13122010091', event: 'call' });
	});
});

describe('the fallback document', () => {
	test('written by the one TeXML writer: escaped, and a value TeXML cannot carry gives the default apology', () => {
		expect(fallbackTexml('Tom & Jerry <3', 'https://example.com/vm.xml?a=1&b=2')).toBe(
			'<?xml version="1.0" encoding="UTF-8"?><Response><Say>Tom &amp; Jerry &lt;3</Say><Redirect>https://example.com/vm.xml?a=1&amp;b=2</Redirect></Response>',
		);
		expect(fallbackTexml('Closed\u0007', '')).toBe(
			'<?xml version="1.0" encoding="UTF-8"?><Response><Say>Sorry, we cannot take your call right now. Please try again later.</Say><Hangup/></Response>',
		);
		expect(fallbackTexml('', '')).toBe(
			'<?xml version="1.0" encoding="UTF-8"?><Response><Hangup/></Response>',
		);
	});
});
