/**
 * The sandbox's Queues API (GetTexmlQueues, CreateTexmlQueue, GetTexmlQueue, UpdateTexmlQueue,
 * DeleteTexmlQueue) over plain HTTP, every exchange checked against Telnyx's document, and the
 * queue the store keeps: `<Enqueue>`d calls counted, a call that ends leaving its queue.
 */
import { startSandbox, type TexmlSandbox } from '../sandbox';
import { averageWait } from '../sandbox/queues';
import { describeContract } from './contract/describe-contract';
import { exchangeWith, placeLiveCall } from './support/sandbox-http';

describeContract('Queues in the sandbox', (contract) => {
	let sandbox: TexmlSandbox;
	let queues: string;
	const send = exchangeWith(contract, () => sandbox);

	beforeEach(async () => {
		sandbox = await startSandbox({ pageSize: 2 });
		queues = `/texml/Accounts/${sandbox.account.sid}/Queues`;
	});
	afterEach(() => sandbox.close());

	/** A live call of the account (on `<Say>`), to put in a queue. */
	const liveCall = () => placeLiveCall(sandbox, '<Response><Say>Please hold.</Say></Response>');

	test('create: the name is the SID; the answer has every key of the document’s example', async () => {
		const created = await send('POST', queues, { FriendlyName: 'support', MaxSize: '10' });
		expect([created.status, created.problems, created.operationId]).toEqual([
			200,
			[],
			'CreateTexmlQueue',
		]);
		const example = contract.document.components.schemas.QueueResource.example;
		expect(Object.keys(created.body).sort()).toEqual(Object.keys(example).sort());
		expect(created.body).toMatchObject({
			account_sid: sandbox.account.sid,
			average_wait_time: 0,
			current_size: 0,
			max_size: 10,
			sid: 'support',
			uri: `/Accounts/${sandbox.account.sid}/Queues/support.json`,
			subresource_uris: { members: `/Accounts/${sandbox.account.sid}/Queues/support/Members.json` },
		});
		expect(created.body.date_created).toMatch(
			/^\w{3}, \d{2} \w{3} \d{4} \d{2}:\d{2}:\d{2} \+0000$/,
		);
		expect(sandbox.store.queues.find(sandbox.account.sid, 'support')).toMatchObject({
			maxSize: 10,
			members: [],
		});
	});

	test('create without a size: 100, as Twilio; without a name: a generated one', async () => {
		const sized = await send('POST', queues, { FriendlyName: 'sales' });
		expect([sized.status, sized.body.max_size, sized.problems]).toEqual([200, 100, []]);
		const unnamed = await send('POST', queues, {});
		expect([unnamed.status, unnamed.problems]).toEqual([200, []]);
		expect(unnamed.body.sid).toMatch(/^[0-9a-f-]{36}$/);
	});

	test('create refuses a name in use, a size below 1 and an unknown field, naming the field', async () => {
		await send('POST', queues, { FriendlyName: 'support' });
		const again = await send('POST', queues, { FriendlyName: 'support' });
		const zero = await send(
			'POST',
			queues,
			{ FriendlyName: 'x', MaxSize: '0' },
			{ checkSent: false },
		);
		// The contract refuses it too (see its decisions).
		const sent = (await send('POST', queues, { FriendlyName: 'y', MaxSize: '0' })).problems;
		expect(sent).toEqual([expect.stringMatching(/^CreateTexmlQueue: form \/MaxSize /)]);
		const text = await send(
			'POST',
			queues,
			{ FriendlyName: 'x', MaxSize: 'ten' },
			{ checkSent: false },
		);
		const unknown = await send('POST', queues, { Name: 'x' }, { checkSent: false });
		for (const [answer, field] of [
			[again, 'FriendlyName'],
			[zero, 'MaxSize'],
			[text, 'MaxSize'],
			[unknown, 'Name'],
		] as const) {
			expect([answer.status, answer.problems]).toEqual([422, []]);
			expect(answer.body.errors[0].source.pointer).toBe(`/${field}`);
		}
		expect(sandbox.store.queues.queues.map((q) => q.sid)).toEqual(['support']);
	});

	test('get (also as …/{sid}.json), update the size, delete; unknown queues are 404', async () => {
		await send('POST', queues, { FriendlyName: 'support', MaxSize: '5' });
		const got = await send('GET', `${queues}/support.json`);
		expect([got.status, got.body.sid, got.problems, got.operationId]).toEqual([
			200,
			'support',
			[],
			'GetTexmlQueue',
		]);
		const updated = await send('POST', `${queues}/support`, { MaxSize: '7' });
		expect([updated.status, updated.body.max_size, updated.problems]).toEqual([200, 7, []]);
		expect(sandbox.store.queues.find(sandbox.account.sid, 'support')!.maxSize).toBe(7);
		const deleted = await send('DELETE', `${queues}/support`);
		expect([deleted.status, deleted.problems]).toEqual([204, []]);
		expect(sandbox.store.queues.queues).toEqual([]);
		for (const method of ['GET', 'POST', 'DELETE']) {
			const missing = await send(
				method,
				`${queues}/support`,
				method === 'POST' ? { MaxSize: '1' } : undefined,
			);
			expect([missing.status, missing.problems]).toEqual([404, []]);
		}
	});

	test('a name with spaces and slashes is one path segment', async () => {
		await send('POST', queues, { FriendlyName: 'Tier 2/Billing' });
		const got = await send('GET', `${queues}/${encodeURIComponent('Tier 2/Billing')}`);
		expect([got.status, got.body.sid, got.problems]).toEqual([200, 'Tier 2/Billing', []]);
		expect(got.body.uri).toBe(`/Accounts/${sandbox.account.sid}/Queues/Tier%202%2FBilling.json`);
	});

	test('the list pages like every other list, each page checked; date filters apply', async () => {
		for (const name of ['a', 'b', 'c', 'd', 'e'])
			await send('POST', queues, { FriendlyName: name });
		const seen: string[] = [];
		let next: string | undefined = queues;
		let pages = 0;
		while (next) {
			const listed = await send('GET', next.replace(/^\/v2/, ''));
			expect([listed.status, listed.problems, listed.operationId]).toEqual([
				200,
				[],
				'GetTexmlQueues',
			]);
			seen.push(...listed.body.queues.map((q: { sid: string }) => q.sid));
			next = listed.body.next_page_uri;
			if (++pages > 5) throw new Error('the list does not end');
		}
		expect(pages).toBe(3);
		expect(seen).toEqual(['a', 'b', 'c', 'd', 'e']);
		const today = new Date().toISOString().slice(0, 10);
		const none = await send('GET', `${queues}?DateCreated=${encodeURIComponent(`>${today}`)}`);
		expect([none.status, none.body.queues, none.problems]).toEqual([200, [], []]);
		const bad = await send('GET', `${queues}?DateCreated=yesterday`);
		expect([bad.status, bad.problems]).toEqual([422, []]);
	});

	test('<Enqueue>: made on first use, calls counted, a full queue refuses, the head is dequeued', async () => {
		const { account, store } = sandbox;
		const [first, second, third] = [liveCall(), liveCall(), liveCall()];
		expect(store.enqueue(account.sid, 'support', first.sid)).toMatchObject({
			result: 'enqueued',
			position: 1,
		});
		expect(store.enqueue(account.sid, 'support', second.sid).position).toBe(2);
		// The same call again keeps its place.
		expect(store.enqueue(account.sid, 'support', first.sid).position).toBe(1);
		let got = await send('GET', `${queues}/support`);
		expect([got.status, got.body.current_size, got.body.max_size, got.problems]).toEqual([
			200,
			2,
			100,
			[],
		]);
		await send('POST', `${queues}/support`, { MaxSize: '2' });
		expect(store.enqueue(account.sid, 'support', third.sid).result).toBe('queue-full');
		expect(store.dequeue(account.sid, 'support')).toBe(first.sid);
		expect(store.dequeue(account.sid, 'nowhere')).toBeUndefined();
		got = await send('GET', `${queues}/support`);
		expect(got.body.current_size).toBe(1);
	});

	test('a call that ends leaves its queue; a queue with calls waiting is not deleted', async () => {
		const { account, store } = sandbox;
		const call = liveCall();
		store.enqueue(account.sid, 'support', call.sid);
		const refused = await send('DELETE', `${queues}/support`);
		expect([refused.status, refused.problems]).toEqual([422, []]);
		expect(refused.body.errors[0].detail).toContain('1 call(s) waiting');
		store.calls.hangUp(call);
		const got = await send('GET', `${queues}/support`);
		expect(got.body.current_size).toBe(0);
		expect((await send('DELETE', `${queues}/support`)).status).toBe(204);
	});

	test('the average wait is that of the calls waiting now, in whole seconds', () => {
		const { account, store } = sandbox;
		const [a, b] = [liveCall(), liveCall()];
		const { queue } = store.enqueue(account.sid, 'support', a.sid);
		store.enqueue(account.sid, 'support', b.sid);
		const now = new Date();
		queue.members[0].enqueuedAt = new Date(now.getTime() - 40_000);
		queue.members[1].enqueuedAt = new Date(now.getTime() - 20_000);
		expect(averageWait(queue, now)).toBe(30);
	});

	test('another account’s queues are 404; without a valid key, 401', async () => {
		await send('POST', queues, { FriendlyName: 'support' });
		const foreign = await send(
			'GET',
			`/texml/Accounts/0f3c1b1e-0000-4000-8000-000000000001/Queues/support`,
		);
		expect([foreign.status, foreign.problems]).toEqual([404, []]);
		const anonymous = await send('GET', queues, undefined, { apiKey: 'nope' });
		expect(anonymous.status).toBe(401);
	});
});
