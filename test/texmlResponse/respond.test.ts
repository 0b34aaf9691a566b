/**
 * The output and the answer: each item gets its `texml`; with Respond to Call the first item's
 * TeXML goes to n8n's sendResponse hook once (status 200, application/xml; charset=utf-8), what
 * n8n's webhook server answers the waiting call with. With continue-on-fail a bad item becomes an
 * error item and the others still build.
 */
import { runNode } from '../support/engine';
import { RESPONSE_NODE_TYPE } from '../support/fixtures';
import { build, responseEngine, TRIGGER_URL, verbsOf } from './run';

const sayTo = { verb: 'say', sayText: '=Hello {{ $json.name }}' };

describe('output and answer', () => {
	test('each item keeps its json and gets its texml; the first item is the answer, sent once', async () => {
		const built = await build({
			verbs: [sayTo, { verb: 'hangup' }],
			items: [{ json: { name: 'Ada', n: 1 } }, { json: { name: 'Grace', n: 2 } }],
		});
		expect(built.error).toBeUndefined();
		expect(built.output.map((item) => item.json)).toEqual([
			{
				name: 'Ada',
				n: 1,
				texml:
					'<?xml version="1.0" encoding="UTF-8"?><Response><Say>Hello Ada</Say><Hangup/></Response>',
			},
			{
				name: 'Grace',
				n: 2,
				texml:
					'<?xml version="1.0" encoding="UTF-8"?><Response><Say>Hello Grace</Say><Hangup/></Response>',
			},
		]);
		expect(built.output.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
		expect(built.responses).toEqual([
			{
				body: built.output[0].json.texml,
				headers: { 'content-type': 'application/xml; charset=utf-8' },
				statusCode: 200,
			},
		]);
	});

	test('behind the answer trigger the call item passes through with its texml', async () => {
		const trigger = {
			CallSid: 'v3:abc',
			From: '+13125550123',
			event: 'call',
			webhookUrl: TRIGGER_URL,
		};
		const built = await build({ verbs: [{ verb: 'say', sayText: '={{ $json.From }}' }], trigger });
		expect(built.output.map((item) => item.json)).toEqual([
			{
				...trigger,
				texml: '<?xml version="1.0" encoding="UTF-8"?><Response><Say>+13125550123</Say></Response>',
			},
		]);
		expect(built.responses).toHaveLength(1);
	});

	test('with Respond to Call off the TeXML is only output', async () => {
		const built = await build({
			verbs: [sayTo],
			items: [{ json: { name: 'Ada' } }],
			respondToCall: false,
		});
		expect(verbsOf(built.texml)).toEqual([{ name: 'Say', text: 'Hello Ada' }]);
		expect(built.responses).toEqual([]);
	});

	test('in a run no webhook started, sendResponse has no listener and answering is a no-op', async () => {
		// runNode runs in manual mode without a sendResponse handler, as n8n's editor does.
		const { output, error } = await runNode(
			responseEngine(),
			{ type: RESPONSE_NODE_TYPE, parameters: { verbs: { verb: [{ verb: 'hangup' }] } } },
			[{ json: {} }],
		);
		expect(error).toBeUndefined();
		expect(output[0].json.texml).toBe(
			'<?xml version="1.0" encoding="UTF-8"?><Response><Hangup/></Response>',
		);
	});

	test('a bad item fails the run without continue-on-fail, and nothing is answered', async () => {
		const built = await build({
			verbs: [{ verb: 'pause', pauseLength: '={{ $json.seconds }}' }],
			items: [{ json: { seconds: 2 } }, { json: { seconds: 500 } }],
		});
		expect(built.error?.message).toBe(
			'Verb 1 (Pause): the "Length" field must be a whole number from 1 to 180, but it is 500. Enter a whole number from 1 to 180.',
		);
		expect(built.output).toEqual([]);
		expect(built.responses).toEqual([]);
	});

	test('with continue-on-fail a bad item becomes an error item and the others still build', async () => {
		const built = await build({
			verbs: [{ verb: 'pause', pauseLength: '={{ $json.seconds }}' }],
			items: [{ json: { seconds: 2 } }, { json: { seconds: 500 } }, { json: { seconds: 3 } }],
			continueOnFail: true,
		});
		expect(built.error).toBeUndefined();
		expect(built.output.map((item) => item.json)).toEqual([
			{
				seconds: 2,
				texml: '<?xml version="1.0" encoding="UTF-8"?><Response><Pause length="2"/></Response>',
			},
			{
				seconds: 500,
				error:
					'Verb 1 (Pause): the "Length" field must be a whole number from 1 to 180, but it is 500. Enter a whole number from 1 to 180.',
			},
			{
				seconds: 3,
				texml: '<?xml version="1.0" encoding="UTF-8"?><Response><Pause length="3"/></Response>',
			},
		]);
		expect(built.responses.map((r) => (r as { body: string }).body)).toEqual([
			built.output[0].json.texml,
		]);
	});

	test('when the first item fails under continue-on-fail nothing is answered: the trigger’s fallback speaks', async () => {
		const built = await build({
			verbs: [{ verb: 'pause', pauseLength: '={{ $json.seconds }}' }],
			items: [{ json: { seconds: 0 } }, { json: { seconds: 3 } }],
			continueOnFail: true,
		});
		expect(built.output.map((item) => Object.keys(item.json))).toEqual([
			['seconds', 'error'],
			['seconds', 'texml'],
		]);
		expect(built.responses).toEqual([]);
	});
});
