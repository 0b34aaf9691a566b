/**
 * Every answer the sandbox gives, for every endpoint of Telnyx's document (first, middle and last
 * pages of each list, `…/Recordings.json`, error answers), validated against its response schema.
 */
import { startSandbox, type Conference, type TexmlSandbox } from '../../sandbox';
import { describeContract } from './describe-contract';
import { checkAnswer, findOperation } from './wire';

interface Answer {
	status: number;
	body: string;
}

describeContract('Sandbox answers, against Telnyx’s response schemas', (contract) => {
	let sandbox: TexmlSandbox;
	let live: Conference;
	let ended: Conference;
	let waiting: Conference;
	let conferences: string;

	beforeAll(async () => {
		sandbox = await startSandbox({ pageSize: 2 });
		const { store, account } = sandbox;
		conferences = `/v2/texml/Accounts/${account.sid}/Conferences`;
		live = store.addConference(account.sid, {
			friendlyName: 'weekly-sync',
			participants: [{ label: 'host' }, {}, { label: 'coach' }, {}, {}],
		});
		const [host, guest, coach] = live.participants;
		coach.coaching = true;
		coach.coachingCallSid = guest.callSid;
		host.muted = true;
		store.addRecording(live, { status: 'completed', duration: 42 });
		store.addRecording(live, { status: 'processing', duration: null });
		store.addRecording(live, { status: 'absent', duration: 0, errorCode: '13617' });
		store.addRecording(live, { status: 'deleted', channels: 2 });
		store.addRecording(live, { status: 'completed', source: 'DialVerb' });
		ended = store.addConference(account.sid, {
			friendlyName: 'ended',
			participants: [{ endConferenceOnExit: true }],
		});
		store.removeParticipant(ended, ended.participants[0]);
		waiting = store.addConference(account.sid, { friendlyName: 'later', status: 'init' });
		for (let i = 0; i < 3; i++) store.addConference(account.sid, { friendlyName: `history-${i}` });
		// Call recordings: one running, one paused, one stopped; voicemails with transcriptions.
		const [, , , caller, other] = live.participants;
		store.startCallRecording(account.sid, caller.callSid);
		store.startCallRecording(account.sid, other.callSid).status = 'paused';
		const stopped = store.startCallRecording(account.sid, other.callSid);
		store.finishRecording(stopped, 'completed', true);
		for (let i = 0; i < 3; i++)
			store.recordVerb(account.sid, caller.callSid, { seconds: 4 + i, transcribe: `Message ${i}` });
		store.addTranscription(store.recordings[store.recordings.length - 1], {
			status: 'in-progress',
		});
	});
	afterAll(() => sandbox.close());

	async function send(method: string, url: string, form?: Record<string, string>): Promise<Answer> {
		const response = await fetch(`${sandbox.origin}${url}`, {
			method,
			headers: {
				authorization: `Bearer ${sandbox.account.apiKey}`,
				...(form ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
			},
			body: form ? new URLSearchParams(form).toString() : undefined,
		});
		return { status: response.status, body: await response.text() };
	}

	/** Checks the answer against the operation the request went to. */
	async function check(method: string, url: string, form?: Record<string, string>) {
		const answer = await send(method, url, form);
		const found = findOperation(contract, method, url.split('?')[0]);
		if (!found) throw new Error(`${method} ${url} is no operation of the document`);
		return { answer, problems: checkAnswer(contract, found.operation, answer.status, answer.body) };
	}

	/** Every page of a list, following next_page_uri to the last; each page is checked. */
	async function everyPage(url: string) {
		const problems: string[] = [];
		const pages: unknown[] = [];
		let next: string | undefined = url;
		while (next) {
			const { answer, problems: found } = await check('GET', next);
			expect(answer.status).toBe(200);
			problems.push(...found);
			const page = JSON.parse(answer.body);
			pages.push(page);
			next = page.next_page_uri ?? undefined;
			if (pages.length > 10) throw new Error(`${url} does not end`);
		}
		return { problems, pages };
	}

	const conference = (c: Conference) => `${conferences}/${c.sid}`;
	const account = () => `/v2/texml/Accounts/${sandbox.account.sid}`;
	const recordingOf = (i: number) =>
		`${account()}/Recordings/${sandbox.store.recordings[i].sid}.json`;
	const callOf = (i: number) =>
		`${account()}/Calls/${encodeURIComponent(live.participants[i].callSid)}`;
	const participant = (c: Conference, id: string) =>
		`${conference(c)}/Participants/${encodeURIComponent(id)}`;

	test.each([
		['the conference list', () => `${conferences}`],
		[
			'the conference list, filtered',
			() =>
				`${conferences}?Status=in-progress&FriendlyName=weekly-sync&DateCreated=%3E%3D2020-01-01`,
		],
		[
			'the conference list, filtered to nothing',
			() => `${conferences}?Status=init&FriendlyName=nobody`,
		],
		['the participant list', () => `${conference(live)}/Participants`],
		[
			'the participant list of an ended conference (empty)',
			() => `${conference(ended)}/Participants`,
		],
		['the recording list (…/Recordings)', () => `${conference(live)}/Recordings`],
		['the recording list (…/Recordings.json)', () => `${conference(live)}/Recordings.json`],
		[
			'the recordings of a conference without any (…/Recordings.json)',
			() => `${conference(waiting)}/Recordings.json`,
		],
		['the account’s recordings', () => `${account()}/Recordings.json`],
		[
			'the account’s recordings, by date',
			() => `${account()}/Recordings.json?DateCreated=%3E%3D2020-01-01`,
		],
		['the account’s transcriptions', () => `${account()}/Transcriptions.json`],
		[
			'the recordings of a call',
			() =>
				`${account()}/Calls/${encodeURIComponent(live.participants[3].callSid)}/Recordings.json`,
		],
	])('%s: every page up to the last', async (_name, url) => {
		const { problems, pages } = await everyPage(url());
		expect(problems).toEqual([]);
		expect(pages.length).toBeGreaterThan(0);
	});

	test.each([
		['a live conference', () => ['GET', conference(live)]],
		['an ended conference', () => ['GET', conference(ended)]],
		['a conference not started yet', () => ['GET', conference(waiting)]],
		['a participant who coaches', () => ['GET', participant(live, live.participants[2].callSid)]],
		['a participant by label', () => ['GET', participant(live, 'host')]],
		['a conference recording (Recordings/{sid}.json)', () => ['GET', recordingOf(0)]],
		['a recording in progress', () => ['GET', recordingOf(1)]],
		['an absent recording', () => ['GET', recordingOf(2)]],
		['a voicemail with a transcription', () => ['GET', recordingOf(8)]],
		[
			'a transcription',
			() => ['GET', `${account()}/Transcriptions/${sandbox.store.transcriptions[0].sid}.json`],
		],
		[
			'a transcription in progress (no text yet)',
			() => ['GET', `${account()}/Transcriptions/${sandbox.store.transcriptions[3].sid}.json`],
		],
	])('%s', async (_name, request) => {
		const [method, url] = request();
		const { answer, problems } = await check(method, url);
		expect(answer.status).toBe(200);
		expect(problems).toEqual([]);
	});

	test.each([
		[
			'an announcement to the conference',
			() => conference(live),
			{ AnnounceUrl: 'https://example.com/a.xml', AnnounceMethod: 'GET' },
		],
		[
			'a participant muted',
			() => participant(live, 'host'),
			{ Muted: 'false', Hold: 'true', HoldUrl: 'https://example.com/h.mp3' },
		],
		[
			'a participant set to coach',
			() => participant(live, live.participants[3].callSid),
			{ Coaching: 'true', CallSidToCoach: 'host' },
		],
		['a participant no longer coaching', () => participant(live, 'coach'), { Coaching: 'false' }],
		[
			'a dial, minimal',
			() => `${conference(live)}/Participants`,
			{ From: '+13125550100', To: '+13125550123' },
		],
		[
			'a dial, coaching, muted, labelled',
			() => `${conference(live)}/Participants`,
			{
				From: '+13125550100',
				To: 'sip:a@example.com',
				Label: 'sup',
				Coaching: 'true',
				CallSidToCoach: 'host',
				Muted: 'true',
			},
		],
		['the conference ended', () => conference(waiting), { Status: 'completed' }],
		[
			'a call recording started, every field',
			() => `${callOf(1)}/Recordings.json`,
			{
				PlayBeep: 'false',
				RecordingChannels: 'single',
				RecordingStatusCallback: 'https://example.com/r',
				RecordingStatusCallbackEvent: 'in-progress completed absent',
				RecordingStatusCallbackMethod: 'POST',
				RecordingTrack: 'inbound',
				SendRecordingUrl: 'false',
			},
		],
		[
			'a call recording paused',
			() =>
				`${callOf(3)}/Recordings/${sandbox.store.recordings.find((r) => r.status === 'processing' && r.conferenceSid === null)!.sid}.json`,
			{ Status: 'paused' },
		],
		[
			'a call recording stopped',
			() =>
				`${callOf(4)}/Recordings/${sandbox.store.recordings.find((r) => r.status === 'paused' && r.callSid === live.participants[4].callSid)!.sid}.json`,
			{ Status: 'stopped' },
		],
	])('%s', async (_name, url, form) => {
		const { answer, problems } = await check('POST', url(), form);
		expect(answer.status).toBe(200);
		expect(problems).toEqual([]);
	});

	test.each([
		['a recording deleted', () => recordingOf(2)],
		[
			'a transcription deleted',
			() => `${account()}/Transcriptions/${sandbox.store.transcriptions[1].sid}.json`,
		],
	])('%s: 204, no body', async (_name, url) => {
		const { answer, problems } = await check('DELETE', url());
		expect(answer.status).toBe(204);
		expect(problems).toEqual([]);
	});

	test('a participant removed: 204, no body', async () => {
		const { answer, problems } = await check(
			'DELETE',
			participant(live, live.participants[4].callSid),
		);
		expect(answer.status).toBe(204);
		expect(problems).toEqual([]);
	});

	test.each([
		[
			'404, unknown conference (get)',
			() => ['GET', `${conferences}/0f3c1b1e-0000-4000-8000-000000000000`],
		],
		[
			'404, unknown conference (participants)',
			() => ['GET', `${conferences}/0f3c1b1e-0000-4000-8000-000000000000/Participants`],
		],
		[
			'404, unknown conference (Recordings.json)',
			() => ['GET', `${conferences}/0f3c1b1e-0000-4000-8000-000000000000/Recordings.json`],
		],
		['404, unknown participant (delete)', () => ['DELETE', participant(live, 'nobody')]],
		['404, unknown participant (update)', () => ['POST', participant(live, 'nobody')]],
		[
			'404, another account',
			() => ['GET', `/v2/texml/Accounts/0f3c1b1e-0000-4000-8000-000000000001/Conferences`],
		],
		['404, unknown recording', () => ['GET', `${account()}/Recordings/nope.json`]],
		['404, unknown transcription', () => ['DELETE', `${account()}/Transcriptions/nope.json`]],
		[
			'404, recordings of an unknown call',
			() => ['GET', `${account()}/Calls/v3:nope/Recordings.json`],
		],
		[
			'404, recording an unknown call',
			() => ['POST', `${account()}/Calls/v3:nope/Recordings.json`],
		],
		[
			'422, an invalid recording date',
			() => ['GET', `${account()}/Recordings.json?DateCreated=May`],
		],
		['422, an invalid filter', () => ['GET', `${conferences}?Status=paused`]],
		['422, an invalid page token', () => ['GET', `${conferences}?PageToken=nonsense`]],
	])('%s', async (_name, request) => {
		const [method, url] = request();
		const { answer, problems } = await check(method, url);
		expect(answer.status).toBeGreaterThanOrEqual(400);
		expect(problems).toEqual([]);
	});

	test('422 on a bad form field, 401 without a valid key', async () => {
		const bad = await check('POST', participant(live, 'host'), { Muted: 'maybe' });
		expect(bad.answer.status).toBe(422);
		expect(bad.problems).toEqual([]);
		const response = await fetch(`${sandbox.origin}${conferences}`, {
			headers: { authorization: 'Bearer nope' },
		});
		const found = findOperation(contract, 'GET', conferences)!;
		expect(response.status).toBe(401);
		expect(checkAnswer(contract, found.operation, 401, await response.text())).toEqual([]);
	});
});
