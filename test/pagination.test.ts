import http from 'node:http';
import type { AddressInfo } from 'node:net';

import type { INode } from 'n8n-workflow';

import { nextPageUrl as followNextPage } from '../nodes/TelnyxTexml/transport/pagination';
import { startWorld, type World } from './support/fixtures';
import { runTexml } from './support/texml';

const node = {
	id: '1',
	name: 'Telnyx TeXML',
	type: 'telnyxTexml',
	typeVersion: 1,
	position: [0, 0],
	parameters: {},
} as INode;
const nextPageUrl = (baseUrl: string, uri: unknown) => followNextPage(node, baseUrl, uri);

describe('next_page_uri (relative to the host, already with /v2)', () => {
	test('is resolved against the origin of the Base URL, not appended to its /v2', () => {
		const next = nextPageUrl(
			'https://api.telnyx.com/v2',
			'/v2/texml/Accounts/a/Conferences.json?Page=1&PageSize=1&PageToken=MTY4',
		);
		expect(next?.href).toBe(
			'https://api.telnyx.com/v2/texml/Accounts/a/Conferences.json?Page=1&PageSize=1&PageToken=MTY4',
		);
	});

	test('keeps Telnyx’s own query exactly (lowercase paging keys included)', () => {
		expect(
			nextPageUrl('http://127.0.0.1:8080/v2', '/v2/x/Participants.json?page=1&pagesize=20')?.href,
		).toBe('http://127.0.0.1:8080/v2/x/Participants.json?page=1&pagesize=20');
	});

	test.each([null, undefined, '', '  '])('%j means there is no next page', (uri) => {
		expect(nextPageUrl('https://api.telnyx.com/v2', uri)).toBeUndefined();
	});

	test.each(['https://elsewhere.example/v2/texml?Page=1', '//elsewhere.example/v2/texml?Page=1'])(
		'a page on another host (%s) is an error, neither followed (the key would go with it) nor dropped',
		(uri) => {
			expect(() => nextPageUrl('https://api.telnyx.com/v2', uri)).toThrow(
				'Telnyx pointed to the next page on another host',
			);
		},
	);
});

describe('a list server that misbehaves', () => {
	let world: World;
	let server: http.Server;
	const seen: string[] = [];
	let answer: (url: string) => unknown;

	beforeEach(async () => {
		world = await startWorld();
		seen.length = 0;
		server = http.createServer((req, res) => {
			seen.push(req.url ?? '');
			res.writeHead(200, { 'content-type': 'application/json' });
			res.end(JSON.stringify(answer(req.url ?? '')));
		});
		await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
		const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
		world.engine.credentials.telnyxTexmlApi.baseUrl = `${origin}/v2`;
	});
	afterEach(async () => {
		server.closeAllConnections();
		await new Promise((resolve) => server.close(resolve));
		await world.close();
	});

	const list = () =>
		runTexml(
			world,
			{ resource: 'conference', operation: 'getAll', returnAll: true },
			{ continueOnFail: true },
		);

	test('a next_page_uri pointing back to a page already read ends the list instead of looping', async () => {
		answer = (url) => ({
			conferences: [{ sid: url }],
			next_page_uri: '/v2/texml/Accounts/a/Conferences.json?Page=1&PageToken=same',
		});

		const { output } = await list();

		expect(seen).toHaveLength(2);
		expect(output).toHaveLength(2);
	});

	test('a next page on another host fails the item after the first page, without sending there', async () => {
		answer = () => ({
			conferences: [{ sid: 'a' }],
			next_page_uri: 'http://localhost:1/v2/texml/Accounts/a/Conferences.json?Page=1',
		});

		const { output } = await list();

		expect(seen).toHaveLength(1);
		expect(output).toHaveLength(1);
		expect(output[0].json.error).toBe(
			'Telnyx pointed to the next page on another host (http://localhost:1), so the list stops here: the page was not read and the API key was not sent there. Check the Base URL of the credential.',
		);
	});

	test('a page without the list is an item error, not an empty result', async () => {
		answer = () => ({ data: [] });

		const { output } = await list();

		expect(output[0].json.error).toBe(
			'Telnyx answered without a list of conferences. Check that the Base URL of the credential points to the Telnyx API.',
		);
	});
});
