import type { TexmlApplication } from '../../sandbox';
import { startWorld, type World } from '../support/fixtures';
import { locator, runTexml, texmlRequests } from '../support/texml';

let world: World;
let app: TexmlApplication;
beforeEach(async () => {
	world = await startWorld();
	app = world.sandbox.store.calls.addApplication(world.sandbox.account.sid, {
		friendlyName: 'ai-line',
	});
});
afterEach(async () => await world.close());

function place(parameters: Record<string, unknown>, options: Parameters<typeof runTexml>[2] = {}) {
	return runTexml(
		world,
		{
			resource: 'aiCall',
			operation: 'create',
			from: '+13125550100',
			to: '+13125550123',
			application: locator(app.id),
			aiAssistantId: 'assistant-42',
			...parameters,
		},
		options,
	);
}

const aiCalls = () => world.sandbox.requests.filter((r) => r.url.startsWith('/v2/texml/ai_calls/'));

describe('AI Call → Create (POST /texml/ai_calls/{connection_id}, JSON)', () => {
	test('sends From, To and the assistant as JSON to the application’s path, no Account SID; the output is the call', async () => {
		const { output, error } = await place({
			aiCallOptions: {
				aiAssistantVersion: '2026-11-01',
				aiAssistantDynamicVariables: '{"customer_name": "Ada", "tier": "gold"}',
				conversationCallback: 'https://example.com/hooks/ai',
				conversationCallbacks: 'https://a.example.com/ai, https://b.example.com/ai',
				statusCallbackEvent: ['answered', 'completed'],
				timeout: 45,
				machineDetection: 'Enable',
				asyncAmd: true,
			},
			recordingOptions: { record: true, recordingChannels: 'dual' },
		});

		expect(error).toBeUndefined();
		const [request] = aiCalls();
		expect(request.method).toBe('POST');
		expect(request.url).toBe(`/v2/texml/ai_calls/${app.id}`);
		expect(request.headers['content-type']).toBe('application/json');
		expect(JSON.parse(request.body)).toEqual({
			From: '+13125550100',
			To: '+13125550123',
			AIAssistantId: 'assistant-42',
			AIAssistantVersion: '2026-11-01',
			AIAssistantDynamicVariables: { customer_name: 'Ada', tier: 'gold' },
			AsyncAmd: true,
			ConversationCallback: 'https://example.com/hooks/ai',
			ConversationCallbacks: ['https://a.example.com/ai', 'https://b.example.com/ai'],
			MachineDetection: 'Enable',
			Record: true,
			RecordingChannels: 'dual',
			StatusCallbackEvent: 'answered completed',
			Timeout: 45,
		});
		expect(world.sandbox.requests.filter((r) => r.url === '/v2/whoami')).toHaveLength(0);
		expect(output[0].json).toMatchObject({
			from: '+13125550100',
			to: '+13125550123',
			status: 'queued',
		});
		const placed = world.sandbox.store.aiCalls.calls[0];
		expect(output[0].json.call_sid).toBe(placed.callSid);
		expect(placed).toMatchObject({
			assistantId: 'assistant-42',
			dynamicVariables: { customer_name: 'Ada', tier: 'gold' },
		});
	});

	test.each([
		[
			{ aiAssistantId: '={{ $json.none }}' },
			'The "AI Assistant ID" field is empty. Enter a value for it or map one from the input data.',
		],
		[
			{ aiCallOptions: { timeout: 200 } },
			'The "Timeout" field must be a whole number from 5 to 120, but it is 200. Enter a whole number from 5 to 120.',
		],
		[
			{ aiCallOptions: { aiAssistantDynamicVariables: '["a"]' } },
			'The "AI Assistant Dynamic Variables" field must be a JSON object, but it is "["a"]". Enter an object such as {"name": "Ada"}, or map one from the input data.',
		],
		[
			{ aiCallOptions: { conversationCallbacks: 'https://a.example.com, ftp://b' } },
			'The "Conversation Callbacks" field must be absolute http(s) URLs separated by commas, but it is "https://a.example.com, ftp://b". Enter full addresses such as https://example.com/a, https://example.com/b.',
		],
		[
			{ application: locator('={{ $json.none }}') },
			'The "Application" field is empty. Pick the TeXML application from the list or enter its ID.',
		],
	])('bad input is refused before sending: %j', async (parameters, message) => {
		const { output } = await place(parameters, { continueOnFail: true });
		expect(aiCalls()).toHaveLength(0);
		expect(output[0].json.error).toBe(message);
	});

	test('not idempotent: a 503 is not sent again (the call may have been placed)', async () => {
		world.sandbox.faults.configure({ failFirst: true });
		const { output } = await place({}, { continueOnFail: true });
		expect(aiCalls()).toHaveLength(1);
		expect(output[0].json.error).toBeDefined();
		expect(world.sandbox.store.aiCalls.calls).toHaveLength(0);
	});

	test('an unknown application is Telnyx’s 422, shown; with continue-on-fail the next item is placed', async () => {
		const { output } = await place(
			{ application: locator('={{ $json.app }}') },
			{ continueOnFail: true, items: [{ json: { app: 'nope' } }, { json: { app: app.id } }] },
		);
		expect(aiCalls()).toHaveLength(2);
		expect(output[0].json.error).toMatch(/connection_id/);
		expect(output[1].json.status).toBe('queued');
		expect(texmlRequests(world).every((r) => !r.body.includes(world.sandbox.account.apiKey))).toBe(
			true,
		);
	});
});
