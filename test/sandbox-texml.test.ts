/** The sandbox's side of the contract, spoken to directly over HTTP as Telnyx would be. */
import { startSandbox, type TexmlSandbox } from '../sandbox';

let sandbox: TexmlSandbox;
let conferences: string;
let conferenceSid: string;

beforeEach(async () => {
	sandbox = await startSandbox({ pageSize: 2 });
	const conference = sandbox.store.addConference(sandbox.account.sid, {
		friendlyName: 'sync',
		participants: [{ label: 'a' }, { label: 'b' }, { label: 'c' }],
	});
	for (let i = 0; i < 3; i++) sandbox.store.addRecording(conference);
	conferenceSid = conference.sid;
	conferences = `/v2/texml/Accounts/${sandbox.account.sid}/Conferences`;
});
afterEach(async () => await sandbox.close());

async function call(method: string, path: string, form?: Record<string, string>) {
	const response = await fetch(`${sandbox.origin}${path}`, {
		method,
		headers: {
			authorization: `Bearer ${sandbox.account.apiKey}`,
			...(form ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
		},
		body: form ? new URLSearchParams(form).toString() : undefined,
	});
	const text = await response.text();
	return { status: response.status, body: text ? JSON.parse(text) : undefined };
}

test('list pages are Twilio-style and zero-indexed; the last one has no next_page_uri', async () => {
	const first = await call('GET', `${conferences}/${conferenceSid}/Participants`);
	expect(first.body).toMatchObject({ page: 0, page_size: 2, start: 0, end: 1 });
	expect(first.body.participants).toHaveLength(2);
	expect(first.body.first_page_uri).toBe(
		`${conferences}/${conferenceSid}/Participants.json?Page=0&PageSize=2`,
	);

	const second = await call('GET', first.body.next_page_uri);
	expect(second.body).toMatchObject({ page: 1, page_size: 2, start: 2, end: 2 });
	expect(second.body).not.toHaveProperty('next_page_uri');
	expect(second.body.participants.map((p: { call_sid: string }) => p.call_sid)).toEqual([
		sandbox.store.conferences[0].participants[2].callSid,
	]);
});

test('/Recordings carries the stray participants list and pages within itself', async () => {
	const index = await call('GET', `${conferences}/${conferenceSid}/Recordings`);
	expect(index.body.participants).toEqual([]);
	expect(index.body).not.toHaveProperty('previous_page_uri');
	expect(index.body.next_page_uri).toMatch(/\/Recordings\?Page=1&PageSize=2&PageToken=/);
	const last = await call('GET', index.body.next_page_uri);
	expect(last.body.recordings).toHaveLength(1);
	expect(last.body).not.toHaveProperty('next_page_uri');
});

test('Recordings.json: its own record shape, and previous_page_uri back', async () => {
	const first = await call('GET', `${conferences}/${conferenceSid}/Recordings.json`);
	expect(first.body).not.toHaveProperty('participants');
	expect(first.body).not.toHaveProperty('previous_page_uri');
	expect(first.body.recordings[0]).toMatchObject({
		date_created: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/),
		duration: expect.any(String),
		error_code: null,
		subresources_uris: { transcriptions: null },
	});
	const json = await call('GET', first.body.next_page_uri);
	expect(json.body.recordings).toHaveLength(1);
	expect(json.body.previous_page_uri).toMatch(/Recordings\.json\?Page=0&PageSize=2/);
});

test.each([
	['GET', '?Status=ended', {}, 'Status'],
	['GET', '?PageSize=0', {}, 'PageSize'],
	['GET', '?Page=1&PageToken=not-a-token', {}, 'PageToken'],
	['GET', '?DateCreated=2026-02-30x', {}, 'DateCreated'],
	['POST', '/{conference}/Participants', { From: '+1' }, 'To'],
	['POST', '/{conference}/Participants', { From: '+1', To: '+2', Beep: 'sometimes' }, 'Beep'],
	[
		'POST',
		'/{conference}/Participants',
		{ From: '+1', To: '+2', StatusCallbackEvent: 'answered hungup' },
		'StatusCallbackEvent',
	],
	['POST', '/{conference}/Participants', { From: '+1', To: '+2', Label: 'a' }, 'Label'],
	['POST', '/{conference}/Participants', { From: '+1', To: '+2', Timeout: '121' }, 'Timeout'],
	['POST', '/{conference}', { Status: 'in-progress' }, 'Status'],
])('%s …/Conferences%s %j is a 422 naming %s', async (method, suffix, form, field) => {
	const body = method === 'POST' ? (form as Record<string, string>) : undefined;
	const answer = await call(
		method,
		`${conferences}${suffix.replace('{conference}', conferenceSid)}`,
		body,
	);
	expect(answer.status).toBe(422);
	expect(answer.body.errors[0].source).toEqual({ pointer: `/${field}` });
});

test('a removed participant is gone: DELETE answers 204 once, then 404', async () => {
	const path = `${conferences}/${conferenceSid}/Participants/b`;
	expect((await call('DELETE', path)).status).toBe(204);
	expect((await call('DELETE', path)).status).toBe(404);
	const list = await call('GET', `${conferences}/${conferenceSid}/Participants?PageSize=10`);
	expect(list.body.participants).toHaveLength(2);
});

test('ending a conference makes it completed with the reason, and empties it', async () => {
	const { body } = await call('POST', `${conferences}/${conferenceSid}`, { Status: 'completed' });
	expect(body).toMatchObject({
		status: 'completed',
		reason_conference_ended: 'conference-ended-via-api',
	});
	const list = await call('GET', `${conferences}?Status=completed`);
	expect(list.body.conferences.map((c: { sid: string }) => c.sid)).toEqual([conferenceSid]);
	expect(
		(await call('GET', `${conferences}/${conferenceSid}/Participants`)).body.participants,
	).toEqual([]);
});
