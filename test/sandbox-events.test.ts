/**
 * The sandbox's conference status callbacks, checked from the receiving side: what arrives on the
 * wire, for which events, and that the signature verifies with the sandbox's public key.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

import { startSandbox, type ConferenceCallback, type TexmlSandbox } from '../sandbox';
import { verifiesEd25519 } from './support/receiver';

interface Received {
	method: string;
	url: string;
	headers: http.IncomingHttpHeaders;
	body: Buffer;
}

let sandbox: TexmlSandbox;
let server: http.Server;
let url: string;
const received: Received[] = [];

beforeEach(async () => {
	received.length = 0;
	sandbox = await startSandbox();
	server = http.createServer((req, res) => {
		const chunks: Buffer[] = [];
		req.on('data', (c: Buffer) => chunks.push(c));
		req.on('end', () => {
			received.push({
				method: req.method!,
				url: req.url!,
				headers: req.headers,
				body: Buffer.concat(chunks),
			});
			res.writeHead(204).end();
		});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks/conference?source=texml`;
});

afterEach(async () => {
	await sandbox.close();
	server.closeAllConnections();
	await new Promise((resolve) => server.close(resolve));
});

const fieldsOf = (r: Received) => Object.fromEntries(new URLSearchParams(r.body.toString('utf8')));

function conferenceWith(callback: Partial<ConferenceCallback>, friendlyName = 'weekly-sync') {
	return sandbox.store.addConference(sandbox.account.sid, {
		friendlyName,
		statusCallback: { url, method: 'POST', events: [], ...callback },
	});
}

test('a join is POSTed form-encoded, signed over timestamp|raw body with the sandbox public key', async () => {
	const conference = conferenceWith({ events: ['join'] });
	const alice = sandbox.store.addParticipant(conference, { label: 'alice' });
	await sandbox.statusCallbacks.waitFor((d) => d.fields.StatusCallbackEvent === 'participant-join');

	expect(received).toHaveLength(1);
	const [join] = received;
	expect([join.method, join.url, join.headers['content-type']]).toEqual([
		'POST',
		'/hooks/conference?source=texml',
		'application/x-www-form-urlencoded',
	]);
	const timestamp = join.headers['telnyx-timestamp'] as string;
	expect(Math.abs(Number(timestamp) - Date.now() / 1000)).toBeLessThan(5);
	expect(Buffer.from(sandbox.publicKey, 'base64')).toHaveLength(32);
	expect(
		verifiesEd25519(
			sandbox.publicKey,
			timestamp,
			join.body,
			join.headers['telnyx-signature-ed25519'] as string,
		),
	).toBe(true);
	expect(
		verifiesEd25519(
			sandbox.publicKey,
			timestamp,
			Buffer.concat([join.body, Buffer.from('&')]),
			join.headers['telnyx-signature-ed25519'] as string,
		),
	).toBe(false);

	expect(fieldsOf(join)).toEqual({
		AccountSid: sandbox.account.sid,
		CallSid: alice.callSid,
		CallSidLegacy: alice.callSid,
		ConferenceSid: conference.sid,
		ConnectionId: expect.stringMatching(/^\d+$/),
		FriendlyName: 'weekly-sync',
		ParticipantLabel: 'alice',
		SequenceNumber: '1',
		StatusCallbackEvent: 'participant-join',
		Timestamp: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/),
	});
});

test('statusCallbackEvent tokens pick the events; SequenceNumber counts every event of the conference', async () => {
	const conference = conferenceWith({ events: ['start', 'leave', 'end'] });
	const alice = sandbox.store.addParticipant(conference, { label: 'alice' });
	const bob = sandbox.store.addParticipant(conference, { endConferenceOnExit: true });
	sandbox.store.removeParticipant(conference, alice);
	sandbox.store.removeParticipant(conference, bob);
	await sandbox.statusCallbacks.waitFor((d) => d.fields.StatusCallbackEvent === 'conference-end');
	await sandbox.statusCallbacks.idle();

	expect(
		received.map((r) => [
			fieldsOf(r).StatusCallbackEvent,
			fieldsOf(r).SequenceNumber,
			fieldsOf(r).CallSid,
		]),
	).toEqual([
		['conference-start', '0', undefined],
		['participant-leave', '3', alice.callSid],
		['participant-leave', '4', bob.callSid],
		// Ended because bob left with End Conference On Exit: the call that ended it.
		['conference-end', '5', bob.callSid],
	]);
	expect(sandbox.statusCallbacks.deliveries.map((d) => d.status)).toEqual([204, 204, 204, 204]);
});

test('no tokens means every event, speaker changes included; no statusCallback means nothing is sent', async () => {
	sandbox.store.addConference(sandbox.account.sid, { friendlyName: 'silent', participants: [{}] });
	const conference = conferenceWith({ events: [] }, 'all-events');
	const alice = sandbox.store.addParticipant(conference, { label: 'alice' });
	sandbox.statusCallbacks.speech(conference, alice, 'start');
	sandbox.statusCallbacks.speech(conference, alice, 'stop');
	sandbox.store.endConference(conference);
	await sandbox.statusCallbacks.waitFor((d) => d.fields.StatusCallbackEvent === 'conference-end');

	expect(received.map((r) => [fieldsOf(r).FriendlyName, fieldsOf(r).StatusCallbackEvent])).toEqual([
		['all-events', 'conference-start'],
		['all-events', 'participant-join'],
		['all-events', 'participant-speech-start'],
		['all-events', 'participant-speech-stop'],
		['all-events', 'participant-leave'],
		['all-events', 'conference-end'],
	]);
});

test('statusCallbackMethod GET sends the fields as the query and signs the empty body', async () => {
	const conference = conferenceWith({ method: 'GET', events: ['join'] });
	sandbox.store.addParticipant(conference, { label: 'alice' });
	await sandbox.statusCallbacks.waitFor(() => true);

	const [join] = received;
	expect(join.method).toBe('GET');
	expect(join.body).toHaveLength(0);
	const query = new URL(join.url, 'http://x').searchParams;
	expect([
		query.get('source'),
		query.get('StatusCallbackEvent'),
		query.get('ParticipantLabel'),
	]).toEqual(['texml', 'participant-join', 'alice']);
	const timestamp = join.headers['telnyx-timestamp'] as string;
	expect(
		verifiesEd25519(
			sandbox.publicKey,
			timestamp,
			Buffer.alloc(0),
			join.headers['telnyx-signature-ed25519'] as string,
		),
	).toBe(true);
});

test('each sandbox has its own key pair, and waiting for a callback that never comes fails with what was sent', async () => {
	const other = await startSandbox();
	try {
		expect(other.publicKey).not.toBe(sandbox.publicKey);
	} finally {
		await other.close();
	}
	await expect(sandbox.statusCallbacks.waitFor(() => true, 50)).rejects.toThrow(
		'No matching status callback within 50 ms; delivered: none',
	);
});
