/**
 * A local HTTP server that receives the sandbox's callbacks as a customer's server would, and an
 * Ed25519 check written apart from the node's and the sandbox's code.
 */
import { createPublicKey, verify } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Received {
	method: string;
	url: string;
	headers: http.IncomingHttpHeaders;
	body: string;
	/** The form fields (of the body, or of the query for a GET). */
	fields: Record<string, string>;
}

export interface Receiver {
	/** http://127.0.0.1:<port> */
	origin: string;
	received: Received[];
	close(): Promise<void>;
}

/** Reads a request whole: its form fields are the body's, or the query's for a GET. */
export function readReceived(req: http.IncomingMessage): Promise<Received> {
	return new Promise((resolve) => {
		const chunks: Buffer[] = [];
		req.on('data', (c: Buffer) => chunks.push(c));
		req.on('end', () => {
			const body = Buffer.concat(chunks).toString('utf8');
			const query = new URL(req.url ?? '/', 'http://x').searchParams;
			resolve({
				method: req.method ?? '',
				url: req.url ?? '',
				headers: req.headers,
				body,
				fields: Object.fromEntries(req.method === 'GET' ? query : new URLSearchParams(body)),
			});
		});
	});
}

export async function startReceiver(): Promise<Receiver> {
	const received: Received[] = [];
	const server = http.createServer((req, res) => {
		void readReceived(req).then((request) => {
			received.push(request);
			res.writeHead(204).end();
		});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	return {
		origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
		received,
		close: async () => {
			server.closeAllConnections();
			await new Promise((resolve) => server.close(resolve));
		},
	};
}

/** Whether a received callback carries a valid Telnyx signature by this public key (base64, raw). */
export function signedBy(publicKey: string, callback: Received): boolean {
	return verifiesEd25519(
		publicKey,
		String(callback.headers['telnyx-timestamp']),
		callback.body,
		String(callback.headers['telnyx-signature-ed25519']),
	);
}

/** Telnyx's signature check: SPKI DER of the raw key (base64), over `timestamp|body`. */
export function verifiesEd25519(
	publicKey: string,
	timestamp: string,
	body: Buffer | string,
	signature: string,
): boolean {
	const der = Buffer.concat([
		Buffer.from('302a300506032b6570032100', 'hex'),
		Buffer.from(publicKey, 'base64'),
	]);
	const key = createPublicKey({ key: der, format: 'der', type: 'spki' });
	return verify(
		null,
		Buffer.concat([Buffer.from(`${timestamp}|`), Buffer.from(body)]),
		key,
		Buffer.from(signature, 'base64'),
	);
}
