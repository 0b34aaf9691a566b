import http from 'node:http';
import type { AddressInfo } from 'node:net';

import { readReceived, type Received } from './receiver';

/**
 * A tiny TeXML application for the sandbox to ring: answers by path (the query ignored), records
 * every request as received. An answer `hang` never comes (a time-out), and tells `onHang`.
 */

export type Answer = { status?: number; type?: string; body: string } | 'hang';

export interface TexmlServer {
	origin: string;
	received: Received[];
	/** Called when a request meets a `hang` answer. */
	onHang?: () => void;
	close(): Promise<void>;
}

/** A `<Response>` document with the XML declaration, answered as application/xml. */
export const texml = (inner: string): Answer => ({
	body: `<?xml version="1.0" encoding="UTF-8"?><Response>${inner}</Response>`,
});

export async function startTexmlServer(
	routes: Record<string, Answer | ((request: Received) => Answer)>,
): Promise<TexmlServer> {
	const received: Received[] = [];
	const server = http.createServer((req, res) => {
		void readReceived(req).then((request) => {
			received.push(request);
			const route = routes[new URL(request.url, 'http://local').pathname];
			const answer = typeof route === 'function' ? route(request) : route;
			if (answer === 'hang') return api.onHang?.();
			if (!answer) return res.writeHead(404).end('no such route');
			res
				.writeHead(answer.status ?? 200, { 'content-type': answer.type ?? 'application/xml' })
				.end(answer.body);
		});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const api: TexmlServer = {
		origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
		received,
		close: async () => {
			server.closeAllConnections();
			await new Promise<void>((resolve) => server.close(() => resolve()));
		},
	};
	return api;
}
