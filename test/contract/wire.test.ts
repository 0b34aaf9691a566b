/** The contract checks themselves: they pass what the document allows and name what it does not. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import type { RecordedRequest } from '../../sandbox';
import { DECISIONS } from '../support/openapi';
import { describeContract } from './describe-contract';
import { checkAnswer, checkRequest, findOperation, formObject } from './wire';

const ACCOUNTS = '/v2/texml/Accounts/61bf923e-5e4d-4595-a110-56190ea18a1b';
const CONFERENCE = `${ACCOUNTS}/Conferences/cd5a70f4-759b-4d5e-9c06-88c00f16f3c1`;
const FORM = { 'content-type': 'application/x-www-form-urlencoded' };

const request = (method: string, url: string, body = ''): RecordedRequest => ({
	method,
	url,
	body,
	headers: body ? FORM : {},
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

	test('every decision is listed in docs/contract.md, where it applies and what was decided', () => {
		const page = readFileSync(join(__dirname, '../../docs/contract.md'), 'utf8');
		expect(DECISIONS.length).toBeGreaterThanOrEqual(8);
		for (const { at, rule } of DECISIONS) expect(page).toContain(`- \`${at}\`: ${rule}`);
	});
});
