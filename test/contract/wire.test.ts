/** The contract checks themselves: they pass what the document allows and name what it does not. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import type { RecordedRequest } from '../../sandbox';
import { DECISIONS, type Operation } from '../support/openapi';
import { describeContract } from './describe-contract';
import { checkAnswer, checkExchanges, checkRequest, findOperation, formObject } from './wire';

const ACCOUNTS = '/v2/texml/Accounts/61bf923e-5e4d-4595-a110-56190ea18a1b';
const CONFERENCE = `${ACCOUNTS}/Conferences/cd5a70f4-759b-4d5e-9c06-88c00f16f3c1`;
const CALL = 'v3:KBnLO0ZK3DhKM5s7bE9VluaSmKsOchKht_fUYvxcp8ysbmzCCtpkmA';
const UUID = 'b08f0fa1-a32c-4218-b3b5-9cf78941ccac';
const URL_A = 'https://example.com/a.xml';
const FORM = { 'content-type': 'application/x-www-form-urlencoded' };

const request = (method: string, url: string, body = ''): RecordedRequest => ({
	method,
	url,
	body,
	headers: body ? FORM : {},
});

const json = (method: string, url: string, body: unknown): RecordedRequest => ({
	method,
	url,
	body: JSON.stringify(body),
	headers: { 'content-type': 'application/json' },
});

describeContract('Contract checks', (contract) => {
	test.each([
		[
			'GET',
			`${ACCOUNTS}/Conferences?Status=in-progress&DateCreated=%3E%3D2023-05-22&PageSize=20`,
			'',
		],
		['GET', `${ACCOUNTS}/Conferences.json?Page=1&PageSize=2&PageToken=abc`, ''],
		['GET', `${CONFERENCE}/Participants.json?Page=1&PageSize=2&PageToken=abc`, ''],
		['POST', `${CONFERENCE}/Participants/v3%3Aabc`, 'Muted=true&HoldMethod=GET'],
		[
			'POST',
			`${CONFERENCE}/Participants`,
			'From=%2B1&To=%2B2&Timeout=30&CustomHeaders%5B0%5D%5Bname%5D=X&CustomHeaders%5B0%5D%5Bvalue%5D=1',
		],
		['POST', `${CONFERENCE}/Participants/alice`, ''],
		['DELETE', `${CONFERENCE}/Participants/alice`, ''],
	])('passes %s %s %s', (method, url, body) => {
		expect(checkRequest(contract, request(method, url, body))).toEqual([]);
	});

	test.each([
		['an unknown path', 'GET', `${CONFERENCE}/Speakers`, '', 'no such operation'],
		['a method the path lacks', 'DELETE', CONFERENCE, '', 'no such operation'],
		[
			'an undeclared query name',
			'GET',
			`${ACCOUNTS}/Conferences?Limit=5`,
			'',
			'query Limit: not a parameter',
		],
		[
			'a query value outside its enum',
			'GET',
			`${ACCOUNTS}/Conferences?Status=paused`,
			'',
			'query Status=paused',
		],
		[
			'a query value of the wrong type',
			'GET',
			`${ACCOUNTS}/Conferences?Page=first`,
			'',
			'query Page=first',
		],
		[
			'a form key the request schema lacks',
			'POST',
			`${CONFERENCE}/Participants`,
			'MachineDetectionBeepProfile=both',
			'must NOT have unevaluated properties',
		],
		[
			'a form value outside its enum',
			'POST',
			`${CONFERENCE}/Participants/a`,
			'AnnounceMethod=PUT',
			'must be equal to one of the allowed values',
		],
		[
			'a form value of the wrong type',
			'POST',
			`${CONFERENCE}/Participants/a`,
			'Muted=maybe',
			'must be boolean',
		],
		[
			'a body where none is taken',
			'DELETE',
			`${CONFERENCE}/Participants/a`,
			'Muted=true',
			'takes no body',
		],
	])('names %s', (_what, method, url, body, problem) => {
		const problems = checkRequest(contract, request(method, url, body));
		expect(problems.join('\n')).toContain(problem);
	});

	test('a body sent as JSON is named', () => {
		const sent = {
			...request('POST', `${CONFERENCE}/Participants/a`, '{"Muted":true}'),
			headers: { 'content-type': 'application/json' },
		};
		expect(checkRequest(contract, sent).join('\n')).toContain(
			'not application/x-www-form-urlencoded',
		);
	});

	test('answers: a key typed string must not be null; 204 has no body; undeclared errors keep the error shape', () => {
		const list = findOperation(contract, 'GET', `${ACCOUNTS}/Conferences`)!.operation;
		expect(
			checkAnswer(contract, list, 200, JSON.stringify({ conferences: [], next_page_uri: null })),
		).toEqual(['GetTexmlConferences → 200: /next_page_uri must be string {"type":"string"}']);
		expect(
			checkAnswer(contract, list, 200, JSON.stringify({ conferences: [], made_up: 1 }))[0],
		).toContain('unevaluated');
		expect(checkAnswer(contract, list, 200, JSON.stringify({ conferences: [] }))).toEqual([]);
		expect(
			checkAnswer(
				contract,
				list,
				429,
				JSON.stringify({ errors: [{ code: '10011', detail: 'Slow down' }] }),
			),
		).toEqual([]);
		expect(checkAnswer(contract, list, 429, JSON.stringify({ error: 'Slow down' }))).not.toEqual(
			[],
		);
		expect(checkAnswer(contract, list, 201, '{}')).toEqual([
			'GetTexmlConferences → 201: status not declared',
		]);
		const remove = findOperation(contract, 'DELETE', `${CONFERENCE}/Participants/a`)!.operation;
		expect(checkAnswer(contract, remove, 204, '')).toEqual([]);
		expect(checkAnswer(contract, remove, 204, '{}')).not.toEqual([]);
	});

	test('…/Recordings.json is its own operation; other paths with .json are the same operation', () => {
		expect(
			findOperation(contract, 'GET', `${CONFERENCE}/Recordings.json`)!.operation.operationId,
		).toBe('FetchTeXMLConferenceRecordings');
		expect(findOperation(contract, 'GET', `${CONFERENCE}/Recordings`)!.operation.operationId).toBe(
			'GetTexmlConferenceRecordings',
		);
		expect(findOperation(contract, 'GET', `${CONFERENCE}.json`)!.operation.operationId).toBe(
			'GetTexmlConference',
		);
		expect(findOperation(contract, 'GET', `${CONFERENCE}.json`)!.params.conference_sid).toBe(
			'cd5a70f4-759b-4d5e-9c06-88c00f16f3c1',
		);
		const call = findOperation(contract, 'GET', `${ACCOUNTS}/Calls/${CALL}.json`)!;
		expect([call.operation.operationId, call.params.call_sid]).toEqual(['GetTexmlCall', CALL]);
		const recording = findOperation(contract, 'GET', `${ACCOUNTS}/Recordings/${UUID}.json`)!;
		expect(recording.params.recording_sid).toBe(UUID);
		expect(findOperation(contract, 'GET', `${ACCOUNTS}/Recordings/${UUID}`)).toBeUndefined();
	});

	test('custom SIP headers are read as the array the document declares', () => {
		expect(
			formObject(
				'CustomHeaders[0][name]=A&CustomHeaders[0][value]=1&CustomHeaders[1][name]=B&To=x',
			),
		).toEqual({
			CustomHeaders: [{ name: 'A', value: '1' }, { name: 'B' }],
			To: 'x',
		});
		const missingValue = request(
			'POST',
			`${CONFERENCE}/Participants`,
			'CustomHeaders%5B0%5D%5Bname%5D=B',
		);
		expect(checkRequest(contract, missingValue).join('\n')).toContain(
			"must have required property 'value'",
		);
	});

	test.each([
		[
			'a call initiated with a URL',
			{
				To: '+13125550123',
				From: '+13125550100',
				ApplicationSid: '1293384261075731499',
				Url: URL_A,
			},
		],
		[
			'a call initiated with inline TeXML, every kind of field',
			{
				To: 'sip:a@example.com',
				From: '+13125550100',
				ApplicationSid: '1293384261075731499',
				Texml: '<Response><Say>Hi</Say></Response>',
				Timeout: 30,
				Record: true,
				RecordingChannels: 'dual',
				CustomHeaders: [{ name: 'X-Case', value: '42' }],
			},
		],
		[
			'a call initiated with the application’s own instructions',
			{ To: '+13125550123', From: '+13125550100', ApplicationSid: '1293384261075731499' },
		],
	])('passes %s (a JSON body)', (_what, body) => {
		expect(checkRequest(contract, json('POST', `${ACCOUNTS}/Calls`, body))).toEqual([]);
	});

	test.each([
		[
			'a required key missing',
			{ To: '+1', From: '+2', Url: URL_A },
			"must have required property 'ApplicationSid'",
		],
		[
			'both Url and Texml',
			{ To: '+1', From: '+2', ApplicationSid: '1', Url: URL_A, Texml: '<Response/>' },
			'must match exactly one schema in oneOf',
		],
		[
			'a number sent as text',
			{ To: '+1', From: '+2', ApplicationSid: '1', Timeout: '30' },
			'/Timeout must be integer',
		],
		[
			'a key the request lacks',
			{ To: '+1', From: '+2', ApplicationSid: '1', Label: 'x' },
			'must NOT have unevaluated properties',
		],
	])('names %s in a JSON body', (_what, body, problem) => {
		expect(checkRequest(contract, json('POST', `${ACCOUNTS}/Calls`, body)).join('\n')).toContain(
			problem,
		);
	});

	test('a JSON body sent as a form, and a form body sent as JSON, are named', () => {
		const calls = `${ACCOUNTS}/Calls`;
		expect(
			checkRequest(contract, request('POST', calls, 'To=%2B1&From=%2B2&ApplicationSid=1')).join(
				'\n',
			),
		).toContain('not application/json');
		expect(checkRequest(contract, request('POST', calls, '')).join('\n')).toContain(
			'a application/json body is required',
		);
		expect(
			checkRequest(contract, json('POST', `${ACCOUNTS}/Calls/${CALL}`, { Status: 'completed' })),
		).toEqual([expect.stringContaining('not application/x-www-form-urlencoded')]);
	});

	test.each([
		['POST', `${ACCOUNTS}/Calls/${CALL}`, 'Status=completed'],
		['POST', `${ACCOUNTS}/Calls/${CALL}`, 'Url=https%3A%2F%2Fexample.com%2Fnext.xml&Method=GET'],
		['GET', `${ACCOUNTS}/Calls?Status=no-answer&StartTime_gt=2023-05-22&Page=1&PageToken=a`, ''],
		['GET', `${ACCOUNTS}/Calls/${CALL}/Recordings.json?Page=1&PageSize=2&PageToken=a`, ''],
		[
			'POST',
			`${ACCOUNTS}/Calls/${CALL}/Recordings.json`,
			'PlayBeep=false&RecordingChannels=single',
		],
		['POST', `${ACCOUNTS}/Calls/${CALL}/Recordings/${UUID}.json`, 'Status=paused'],
		['GET', `${ACCOUNTS}/Recordings.json?DateCreated=%3E%3D2023-05-22&PageToken=a`, ''],
		['GET', `${ACCOUNTS}/Recordings.json?DateCreated=2023-05-22T00:00:00Z`, ''],
		['DELETE', `${ACCOUNTS}/Recordings/${UUID}.json`, ''],
		['GET', `${ACCOUNTS}/Transcriptions.json?Page=1&PageSize=2&PageToken=a`, ''],
		['GET', `${ACCOUNTS}/Transcriptions/${UUID}.json`, ''],
		[
			'GET',
			'/v2/texml_applications?page%5Bnumber%5D=2&page%5Bsize%5D=250&filter%5Bfriendly_name%5D=sal&sort=-friendly_name',
			'',
		],
	])('passes %s %s %s', (method, url, body) => {
		expect(checkRequest(contract, request(method, url, body))).toEqual([]);
	});

	test.each([
		[
			'a call status other than completed',
			'POST',
			`${ACCOUNTS}/Calls/${CALL}`,
			'Status=canceled',
			'must be equal to one of the allowed values',
		],
		[
			'a live state as a list filter',
			'GET',
			`${ACCOUNTS}/Calls?Status=in-progress`,
			'',
			'query Status=in-progress',
		],
		[
			'a recording ID that is no UUID',
			'GET',
			`${ACCOUNTS}/Recordings/rec-1.json`,
			'',
			'path recording_sid=rec-1: /value must match format "uuid"',
		],
		[
			'a creation date that is no date',
			'GET',
			`${ACCOUNTS}/Recordings.json?DateCreated=yesterday`,
			'',
			'query DateCreated=yesterday',
		],
		[
			'a recording state the update lacks',
			'POST',
			`${ACCOUNTS}/Calls/${CALL}/Recordings/${UUID}.json`,
			'Status=completed',
			'must be equal to one of the allowed values',
		],
		[
			'a name filter under three characters',
			'GET',
			'/v2/texml_applications?filter%5Bfriendly_name%5D=sa',
			'',
			'query filter={"friendly_name":"sa"}',
		],
		[
			'a page beyond its maximum size',
			'GET',
			'/v2/texml_applications?page%5Bsize%5D=500',
			'',
			'must be <= 250',
		],
		[
			'a key a deepObject lacks',
			'GET',
			'/v2/texml_applications?filter%5Bname%5D=sales',
			'',
			'must NOT have unevaluated properties',
		],
		[
			'a deepObject sent flat',
			'GET',
			'/v2/texml_applications?page=2',
			'',
			'query page: not a parameter',
		],
	])('names %s', (_what, method, url, body, problem) => {
		expect(checkRequest(contract, request(method, url, body)).join('\n')).toContain(problem);
	});

	test('answers of the new operations: declared errors in their schema, 204 without a body', () => {
		const update = contract.operation('UpdateTexmlCall');
		const error = {
			errors: [
				{
					code: '10032',
					detail: 'Status must be one of completed',
					source: { pointer: '/Status' },
					title: 'Invalid enumerated value',
				},
			],
		};
		expect(checkAnswer(contract, update, 422, JSON.stringify(error))).toEqual([]);
		expect(
			checkAnswer(
				contract,
				update,
				422,
				JSON.stringify({ errors: [{ detail: 'x', why: 'y' }] }),
			)[0],
		).toContain('unevaluated');
		expect(
			checkAnswer(contract, update, 200, JSON.stringify({ sid: CALL, status: 'queued' })),
		).toEqual([
			'UpdateTexmlCall → 200: /status must be equal to one of the allowed values {"allowedValues":["ringing","in-progress","canceled","completed","failed","busy","no-answer"]}',
		]);
		const initiate = contract.operation('InitiateTexmlCall');
		expect(
			checkAnswer(
				contract,
				initiate,
				200,
				JSON.stringify({ from: '+1', to: '+2', status: 'queued' }),
			),
		).toEqual([]);
		expect(
			checkAnswer(contract, initiate, 200, JSON.stringify({ call_sid: CALL, status: 'queued' }))[0],
		).toContain('unevaluated');
		expect(
			checkAnswer(contract, initiate, 200, JSON.stringify({ status: 'accepted' }))[0],
		).toContain('/status must be equal to one of the allowed values');
		expect(checkAnswer(contract, contract.operation('DeleteTeXMLCallRecording'), 204, '')).toEqual(
			[],
		);
		const transcriptions = contract.operation('GetTeXMLRecordingTranscriptions');
		const page = {
			transcriptions: [],
			page: 0,
			page_size: 20,
			start: 0,
			end: 0,
			uri: `${ACCOUNTS}/Transcriptions.json?PageSize=20`,
			first_page_uri: `${ACCOUNTS}/Transcriptions.json?PageSize=20`,
		};
		expect(checkAnswer(contract, transcriptions, 200, JSON.stringify(page))).toEqual([]);
		const apps = contract.operation('FindTexmlApplications');
		const list = {
			data: [
				{
					id: '1293384261075731499',
					friendly_name: 'call-router',
					record_type: 'texml_application',
				},
			],
			meta: { page_number: 1, page_size: 250, total_pages: 1, total_results: 1 },
		};
		expect(
			checkAnswer(contract, apps, 200, JSON.stringify(list), 'application/json; charset=utf-8'),
		).toEqual([]);
		expect(checkAnswer(contract, apps, 200, JSON.stringify(list), 'text/html')).toEqual([
			'FindTexmlApplications → 200: answered as "text/html", not application/json',
		]);
	});

	test('a binary answer, where one is declared, is taken by its media type and must not be empty', () => {
		const audio: Operation = {
			...contract.operation('GetTeXMLCallRecording'),
			responses: {
				'200': {
					'audio/*': 'binary',
					'application/json': contract.schema('TexmlGetCallRecordingResponseBody'),
				},
			},
		};
		const mp3 = Buffer.from([0xff, 0xfb, 0x90, 0x64]);
		expect(checkAnswer(contract, audio, 200, mp3, 'audio/mpeg')).toEqual([]);
		expect(checkAnswer(contract, audio, 200, Buffer.alloc(0), 'audio/mpeg')).toEqual([
			'GetTeXMLCallRecording → 200: an empty audio/mpeg answer',
		]);
		expect(checkAnswer(contract, audio, 200, mp3, 'video/mp4')[0]).toContain(
			'not audio/* or application/json',
		);
		expect(
			checkAnswer(contract, audio, 200, JSON.stringify({ sid: UUID }), 'application/json'),
		).toEqual([]);
	});

	test('recorded exchanges: each request and its answer checked, whoami aside', () => {
		const answered = (r: RecordedRequest, status: number, answer: unknown) => ({
			...r,
			status,
			answer: answer === undefined ? '' : JSON.stringify(answer),
		});
		const { problems, operations } = checkExchanges(contract, [
			answered(request('GET', '/v2/whoami'), 200, { data: { organization_id: 'x' } }),
			answered(request('GET', '/v2/texml_applications?page%5Bnumber%5D=1'), 200, { data: [] }),
			answered(request('POST', `${ACCOUNTS}/Calls/${CALL}`, 'Status=completed'), 200, {
				sid: CALL,
				status: 'queued',
			}),
			answered(request('DELETE', `${ACCOUNTS}/Calls/${CALL}`), 204, undefined),
		]);
		expect(operations).toEqual(['FindTexmlApplications', 'UpdateTexmlCall']);
		expect(problems).toEqual([
			expect.stringContaining(
				'UpdateTexmlCall → 200: /status must be equal to one of the allowed values',
			),
			expect.stringContaining('DELETE /v2/texml/Accounts/'),
		]);
		expect(problems[1]).toContain('no such operation in the document');
	});

	test('every path and every component schema of the document compiles', () => {
		expect(contract.operations).toHaveLength(39);
		const names = Object.keys(contract.document.components.schemas);
		expect(names.length).toBeGreaterThanOrEqual(57);
		for (const name of names) expect(typeof contract.schema(name)).toBe('function');
		expect(() => contract.schema('Nothing')).toThrow('no component schema Nothing');
		expect(contract.schema('CallResource')({ sid: CALL, status: 'ringing' })).toBe(true);
		expect(contract.schema('CallResource')({ sid: CALL, status: 'queued' })).toBe(false);
	});

	test('every decision is listed in docs/contract.md, where it applies and what was decided', () => {
		const page = readFileSync(join(__dirname, '../../docs/contract.md'), 'utf8');
		expect(DECISIONS.length).toBeGreaterThanOrEqual(8);
		for (const { at, rule } of DECISIONS) expect(page).toContain(`- \`${at}\`: ${rule}`);
	});
});
