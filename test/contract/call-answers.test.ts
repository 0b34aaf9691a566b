/**
 * Every answer the sandbox gives on the Calls endpoints and the TeXML applications list (calls
 * placed, got, listed page by page, redirected, hung up; their error answers), validated against
 * the response schema of the operation in Telnyx's document.
 */
import { startSandbox, type TexmlSandbox } from '../../sandbox';
import { REFUSING_ORIGIN } from '../support/fixtures';
import { describeContract } from './describe-contract';
import { checkAnswer, checkRequest, findOperation } from './wire';

describeContract('Sandbox answers on calls, against Telnyx’s response schemas', (contract) => {
	let sandbox: TexmlSandbox;
	let calls: string;
	let live: string;
	let ended: string;

	const JOIN = '<Response><Dial><Conference>bridge</Conference></Dial></Response>';

	beforeAll(async () => {
		sandbox = await startSandbox({ pageSize: 2 });
		const { store, account, application } = sandbox;
		calls = `/v2/texml/Accounts/${account.sid}/Calls`;
		const place = (to: string, texml: string) =>
			store.calls.place(
				account.sid,
				{ applicationSid: application.id, from: '+13125550100', to, customHeaders: [] },
				{ texml },
			);
		live = place('+13125550101', JOIN).sid;
		ended = place('+13125550102', JOIN).sid;
		store.calls.hangUp(store.calls.find(account.sid, ended)!);
		for (let i = 0; i < 3; i++) place(`+1312555020${i}`, '<Response><Say>Hi</Say></Response>');
		for (let i = 0; i < 3; i++)
			store.calls.addApplication(account.sid, { friendlyName: `app-${i}` });
	});
	afterAll(() => sandbox.close());

	/** Sends a request (form, JSON or none), checks it and the answer against the operation. */
	async function check(method: string, url: string, body?: Record<string, unknown>, json = false) {
		const encoded = body
			? json
				? JSON.stringify(body)
				: new URLSearchParams(body as Record<string, string>).toString()
			: undefined;
		const headers: Record<string, string> = { authorization: `Bearer ${sandbox.account.apiKey}` };
		if (body)
			headers['content-type'] = json ? 'application/json' : 'application/x-www-form-urlencoded';
		const response = await fetch(`${sandbox.origin}${url}`, { method, headers, body: encoded });
		const answer = { status: response.status, body: await response.text() };
		const found = findOperation(contract, method, url.split('?')[0]);
		if (!found) throw new Error(`${method} ${url} is no operation of the document`);
		const request = checkRequest(contract, {
			method,
			url,
			headers: { 'content-type': headers['content-type'] },
			body: encoded ?? '',
		});
		return {
			answer,
			request,
			problems: checkAnswer(contract, found.operation, answer.status, answer.body),
		};
	}

	test.each([
		['the call list', () => calls],
		['the call list, filtered', () => `${calls}?To=%2B13125550102&Status=completed`],
		[
			'the call list, by start date',
			() => `${calls}?StartTime_gt=2020-01-01&StartTime_lt=2999-01-01`,
		],
		['the call list, filtered to nothing', () => `${calls}?Status=busy`],
	])('%s: every page up to the last', async (_name, url) => {
		let next: string | undefined = url();
		let pages = 0;
		while (next) {
			const { answer, problems } = await check('GET', next);
			expect([answer.status, problems]).toEqual([200, []]);
			next = JSON.parse(answer.body).next_page_uri ?? undefined;
			if (++pages > 10) throw new Error('the list does not end');
		}
		expect(pages).toBeGreaterThan(0);
	});

	test.each([
		['a live call', () => `${calls}/${live}`],
		['an ended call', () => `${calls}/${ended}`],
		['a call by its .json URI', () => `${calls}/${live}.json`],
	])('%s', async (_name, url) => {
		const { answer, problems } = await check('GET', url());
		expect([answer.status, problems]).toEqual([200, []]);
	});

	test.each([
		['joining a conference', { Texml: JOIN }],
		[
			'with TeXML and a status callback',
			{
				Texml: '<Response><Say>Hi</Say></Response>',
				StatusCallback: 'https://example.com/s',
				StatusCallbackEvent: 'initiated ringing answered completed',
			},
		],
		[
			'from a URL',
			{
				Url: `${REFUSING_ORIGIN}/t.xml`,
				UrlMethod: 'GET',
				FallbackUrl: `${REFUSING_ORIGIN}/f.xml`,
			},
		],
		['the application’s default', {}],
		[
			'every typed field',
			{
				Texml: JOIN,
				Timeout: 30,
				TimeLimit: 60,
				Record: true,
				SendRecordingUrl: false,
				CustomHeaders: [{ name: 'X-A', value: '1' }],
				MachineDetection: 'Enable',
				MachineDetectionTimeout: 5000,
			},
		],
	])('a call placed, %s', async (_name, fields) => {
		const { answer, problems, request } = await check(
			'POST',
			calls,
			{
				To: '+13125550301',
				From: '+13125550100',
				ApplicationSid: sandbox.application.id,
				...fields,
			},
			true,
		);
		expect(request).toEqual([]);
		expect([answer.status, problems]).toEqual([200, []]);
		expect(JSON.parse(answer.body)).toEqual({
			from: '+13125550100',
			status: 'queued',
			to: '+13125550301',
		});
	});

	test.each([
		['redirected with TeXML', () => ({ Texml: JOIN.replace('bridge', 'other') })],
		[
			'redirected to a URL',
			() => ({
				Url: `${REFUSING_ORIGIN}/t.xml`,
				Method: 'GET',
				FallbackUrl: `${REFUSING_ORIGIN}/f.xml`,
				FallbackMethod: 'POST',
			}),
		],
		[
			'given a status callback',
			() => ({ StatusCallback: 'https://example.com/s', StatusCallbackMethod: 'POST' }),
		],
		['hung up', () => ({ Status: 'completed' })],
	])('a call %s', async (_name, form) => {
		// A call of its own: a redirect to a URL nobody answers ends the call it redirects.
		const { store, account, application } = sandbox;
		const call = store.calls.place(
			account.sid,
			{
				applicationSid: application.id,
				from: '+13125550100',
				to: '+13125550401',
				customHeaders: [],
			},
			{ texml: JOIN },
		);
		const { answer, problems, request } = await check('POST', `${calls}/${call.sid}`, form());
		expect(request).toEqual([]);
		expect([answer.status, problems]).toEqual([200, []]);
	});

	test.each([
		['404, an unknown call', () => ['GET', `${calls}/v3:nobody`]],
		[
			'404, another account’s calls',
			() => ['GET', '/v2/texml/Accounts/0f3c1b1e-0000-4000-8000-000000000001/Calls'],
		],
		['422, an invalid status filter', () => ['GET', `${calls}?Status=ringing`]],
		['422, a date filter that is not a date', () => ['GET', `${calls}?StartTime=yesterday`]],
		[
			'404, hanging up an unknown call',
			() => ['POST', `${calls}/v3:nobody`, { Status: 'completed' }],
		],
		[
			'422, a status other than completed',
			() => ['POST', `${calls}/${live}`, { Status: 'canceled' }],
		],
		['422, redirecting an ended call', () => ['POST', `${calls}/${ended}`, { Texml: JOIN }]],
		[
			'422, malformed TeXML on a redirect',
			() => ['POST', `${calls}/${live}`, { Texml: '<Response>' }],
		],
	])('%s', async (_name, make) => {
		const [method, url, form] = make() as [string, string, Record<string, string> | undefined];
		const { answer, problems } = await check(method, url, form);
		expect(answer.status).toBeGreaterThanOrEqual(400);
		expect(problems).toEqual([]);
	});

	test.each([
		['no To', { From: '+1', ApplicationSid: 'x' }],
		['an empty ApplicationSid', { To: '+1', From: '+1', ApplicationSid: '' }],
		['an unknown application', { To: '+1', From: '+1', ApplicationSid: '1' }],
		['both Url and Texml', { To: '+1', From: '+1', Texml: JOIN, Url: 'https://example.com/t.xml' }],
		['malformed TeXML', { To: '+1', From: '+1', Texml: '<Response><Say></Response>' }],
		['a Timeout given as text', { To: '+1', From: '+1', Timeout: '30' }],
	])('422 for a call placed with %s', async (_name, fields) => {
		const body = { ApplicationSid: sandbox.application.id, ...fields };
		const { answer, problems } = await check('POST', calls, body, true);
		expect(answer.status).toBe(422);
		expect(problems).toEqual([]);
	});

	test('404 for a call placed in another account', async () => {
		const { answer, problems } = await check(
			'POST',
			'/v2/texml/Accounts/0f3c1b1e-0000-4000-8000-000000000001/Calls',
			{ To: '+1', From: '+1', ApplicationSid: sandbox.application.id },
			true,
		);
		expect([answer.status, problems]).toEqual([404, []]);
	});

	test.each([
		['the applications, first page', '/v2/texml_applications'],
		['a page of two', '/v2/texml_applications?page%5Bnumber%5D=2&page%5Bsize%5D=2'],
		['by name, sorted', '/v2/texml_applications?filter%5Bfriendly_name%5D=app&sort=-friendly_name'],
	])('%s', async (_name, url) => {
		const { answer, problems, request } = await check('GET', url);
		expect(request).toEqual([]);
		expect([answer.status, problems]).toEqual([200, []]);
	});

	test('400 for a name filter shorter than three characters', async () => {
		const { answer, problems } = await check(
			'GET',
			'/v2/texml_applications?filter%5Bfriendly_name%5D=ap',
		);
		expect([answer.status, problems]).toEqual([400, []]);
	});
});
