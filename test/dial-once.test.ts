import http from 'node:http';
import type { AddressInfo } from 'node:net';

import { startWorld, type World } from './support/fixtures';
import { runTexml } from './support/texml';

/**
 * Dialing is not idempotent: a second POST would ring a second phone. Whatever Telnyx answers,
 * the node sends the dial once per item (retrying, if ever, is for requests that are safe to repeat).
 * The one exception, a 429 (Telnyx did not process the dial), is in rate-limits.test.ts.
 */
describe('Participant → Create is sent once per item, whatever Telnyx answers', () => {
	let world: World;
	let server: http.Server;
	const posts: string[] = [];

	beforeEach(async () => {
		world = await startWorld();
		posts.length = 0;
	});
	afterEach(async () => {
		server.closeAllConnections();
		await new Promise((resolve) => server.close(resolve));
		await world.close();
	});

	async function answerWith(status: number, headers: Record<string, string> = {}) {
		server = http.createServer((req, res) => {
			req.resume();
			req.on('end', () => {
				if (req.method === 'POST') posts.push(req.url ?? '');
				// 0: the connection drops before any answer, as when a proxy or Telnyx resets it.
				if (status === 0) {
					req.socket.destroy();
					return;
				}
				res.writeHead(status, { 'content-type': 'application/json', ...headers });
				res.end(JSON.stringify({ errors: [{ code: '10007', title: 'Unexpected error', detail: 'Try again later.' }] }));
			});
		});
		await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
		world.engine.credentials.telnyxTexmlApi.baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v2`;
	}

	test.each([
		['500', 500, {}],
		['503 with Retry-After', 503, { 'retry-after': '0' }],
		['408', 408, {}],
		['409', 409, {}],
		['401', 401, {}],
		['a dropped connection', 0, {}],
	])('answered %s: one POST per item, each item an error', async (_answer, status, headers) => {
		await answerWith(status, headers);

		const { output } = await runTexml(
			world,
			{ resource: 'conferenceParticipant', operation: 'create', from: '+13125550100', to: '={{ $json.to }}' },
			{ items: [{ json: { to: '+13125550001' } }, { json: { to: '+13125550002' } }], continueOnFail: true },
		);

		expect(posts).toHaveLength(2);
		expect(output).toHaveLength(2);
		expect(output.every((item) => typeof item.json.error === 'string')).toBe(true);
	});
});
