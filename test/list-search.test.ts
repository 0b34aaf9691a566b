import type { ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { loadOptionsContext } from './support/engine';
import { NODE_TYPE, startWorld, type World } from './support/fixtures';
import { locator, texmlRequests, whoamiCalls } from './support/texml';

let world: World;

beforeEach(async () => {
	world = await startWorld({ pageSize: 2 });
});
afterEach(async () => await world.close());

/** Calls a listSearch method the way the editor does: a LoadOptionsContext for the node as edited. */
async function search(
	method: string,
	parameters: Record<string, unknown>,
	filter?: string,
): Promise<INodeListSearchResult> {
	const context = loadOptionsContext(world.engine, {
		type: NODE_TYPE,
		parameters: parameters as never,
	});
	const node = world.engine.package.nodes[NODE_TYPE];
	const listSearch = node.methods!.listSearch![method] as (
		this: ILoadOptionsFunctions,
		filter?: string,
	) => Promise<INodeListSearchResult>;
	return await listSearch.call(context, filter);
}

describe('Conference picker (searchConferences)', () => {
	beforeEach(() => {
		const { store, account } = world.sandbox;
		const day = (d: number) => new Date(Date.UTC(2026, 10, d, 9, 30));
		store.addConference(account.sid, {
			friendlyName: 'sales-review',
			status: 'completed',
			dateCreated: day(20),
		});
		store.addConference(account.sid, {
			friendlyName: 'support-bridge',
			status: 'in-progress',
			dateCreated: day(21),
		});
		store.addConference(account.sid, {
			friendlyName: 'sales-standup',
			status: 'init',
			dateCreated: day(22),
		});
		store.addConference(account.sid, {
			friendlyName: 'sales-escalation',
			status: 'in-progress',
			dateCreated: day(23),
		});
		world.conference.dateCreated = day(24);
	});

	test('lists every page, in-progress first, showing status and creation date; the value is the SID', async () => {
		const { results } = await search('searchConferences', {
			resource: 'conference',
			operation: 'get',
			accountSid: '',
		});

		expect(results.map((r) => r.name)).toEqual([
			'weekly-sync (in progress, created 2026-11-24 09:30 UTC)',
			'sales-escalation (in progress, created 2026-11-23 09:30 UTC)',
			'support-bridge (in progress, created 2026-11-21 09:30 UTC)',
			'sales-standup (waiting, created 2026-11-22 09:30 UTC)',
			'sales-review (ended, created 2026-11-20 09:30 UTC)',
		]);
		const byName = new Map(world.sandbox.store.conferences.map((c) => [c.friendlyName, c.sid]));
		expect(results[0].value).toBe(byName.get('weekly-sync'));
		// Account SID empty: the key's account; then the live ones (3, two pages), then the history (5, three pages).
		expect(whoamiCalls(world)).toBe(1);
		const conferences = `/v2/texml/Accounts/${world.sandbox.account.sid}/Conferences`;
		expect(texmlRequests(world).map((r) => r.url.replace(/&PageToken=.*/, ''))).toEqual([
			`${conferences}?Status=in-progress`,
			`${conferences}.json?Status=in-progress&Page=1&PageSize=2`,
			conferences,
			`${conferences}.json?Page=1&PageSize=2`,
			`${conferences}.json?Page=2&PageSize=2`,
		]);
	});

	test('a long history comes a few pages per scroll: the pagination token continues it', async () => {
		const { store, account } = world.sandbox;
		for (let i = 0; i < 6; i++) {
			store.addConference(account.sid, {
				friendlyName: `old-${i}`,
				status: 'completed',
				dateCreated: new Date(Date.UTC(2025, 0, 1 + i)),
			});
		}

		const first = await search('searchConferences', { accountSid: account.sid });
		const context = loadOptionsContext(world.engine, {
			type: NODE_TYPE,
			parameters: { accountSid: account.sid },
		});
		const more = await world.engine.package.nodes[
			NODE_TYPE
		].methods!.listSearch!.searchConferences.call(
			context,
			undefined,
			first.paginationToken as string,
		);

		// 11 conferences: 3 live first, then the newest 6 of the history (3 pages of 2) less the live ones.
		expect(first.results.map((r) => r.name.split(' ')[0])).toEqual([
			'weekly-sync',
			'sales-escalation',
			'support-bridge',
			'sales-standup',
			'sales-review',
			'old-5',
		]);
		expect(first.paginationToken).toMatch(/Conferences\.json\?Page=3&PageSize=2&PageToken=/);
		expect(more.results.map((r) => r.name.split(' ')[0])).toEqual([
			'old-4',
			'old-3',
			'old-2',
			'old-1',
			'old-0',
		]);
		expect(more.paginationToken).toBeUndefined();
		const all = [...first.results, ...more.results].map((r) => r.value);
		expect(new Set(all).size).toBe(11);
	});

	test('a pagination token for another host is refused, and nothing is sent there', async () => {
		const context = loadOptionsContext(world.engine, {
			type: NODE_TYPE,
			parameters: { accountSid: 'a' },
		});

		await expect(
			world.engine.package.nodes[NODE_TYPE].methods!.listSearch!.searchConferences.call(
				context,
				undefined,
				'https://elsewhere.example/v2/texml/Accounts/a/Conferences.json?Page=1',
			),
		).rejects.toThrow('Telnyx pointed to the next page on another host');
		expect(world.sandbox.requests).toHaveLength(0);
	});

	test('searches by friendly name, case-insensitively', async () => {
		const { results } = await search(
			'searchConferences',
			{ accountSid: world.sandbox.account.sid },
			'SALES',
		);

		expect(results.map((r) => r.name.split(' ')[0])).toEqual([
			'sales-escalation',
			'sales-standup',
			'sales-review',
		]);
		expect(whoamiCalls(world)).toBe(0);
	});

	test('an Account SID given as an expression cannot be resolved while editing: the key’s account is used', async () => {
		const { results } = await search(
			'searchConferences',
			{ accountSid: '={{ $json.account }}' },
			'weekly',
		);

		expect(whoamiCalls(world)).toBe(1);
		expect(results).toHaveLength(1);
	});

	test('a rejected key is the same clear error as in an execution', async () => {
		world.engine.credentials.telnyxTexmlApi.apiKey = 'KEY-WRONG';

		await expect(search('searchConferences', { accountSid: '' })).rejects.toThrow(
			'Could not look up the account SID of the API key: Telnyx rejected the API key',
		);
	});
});

describe('Participant picker (searchParticipants)', () => {
	test('lists the participants of the selected conference with call SID and muted/hold state', async () => {
		world.bob.muted = true;
		world.carol.hold = true;
		world.carol.muted = true;
		world.sandbox.store.addParticipant(world.conference, { label: 'dave', status: 'connecting' });

		const { results } = await search('searchParticipants', {
			resource: 'conferenceParticipant',
			operation: 'update',
			accountSid: '',
			conferenceSid: locator(world.conference.sid, 'list'),
		});

		const dave = world.conference.participants[3];
		expect(results).toEqual([
			{ name: `${world.alice.callSid} (unmuted)`, value: world.alice.callSid },
			{ name: `${world.bob.callSid} (muted)`, value: world.bob.callSid },
			{ name: `${world.carol.callSid} (muted, on hold)`, value: world.carol.callSid },
			{ name: `${dave.callSid} (unmuted, connecting)`, value: dave.callSid },
		]);
		const path = `/v2/texml/Accounts/${world.sandbox.account.sid}/Conferences/${world.conference.sid}/Participants`;
		expect(texmlRequests(world).map((r) => r.url.split('?')[0])).toEqual([path, `${path}.json`]);
		expect(whoamiCalls(world)).toBe(1);
	});

	test('the search matches part of a call SID (or of a label, when Telnyx gives one)', async () => {
		const { results } = await search(
			'searchParticipants',
			{ accountSid: world.sandbox.account.sid, conferenceSid: locator(world.conference.sid) },
			world.bob.callSid.slice(3, 12).toLowerCase(),
		);

		expect(results.map((r) => r.value)).toEqual([world.bob.callSid]);
	});

	test('without a conference picked there is nothing to list and nothing is sent', async () => {
		const { results } = await search('searchParticipants', {
			accountSid: '',
			conferenceSid: locator('', 'list'),
		});

		expect(results).toEqual([]);
		expect(world.sandbox.requests).toHaveLength(0);
	});
});

describe('Application picker (searchTexmlApplications)', () => {
	const appRequests = () =>
		world.sandbox.requests.filter((r) => r.url.startsWith('/v2/texml_applications'));

	test('lists the TeXML applications by friendly name, value = the application id, from page 1 on', async () => {
		const { store, account, application } = world.sandbox;
		const ops = store.calls.addApplication(account.sid, { friendlyName: 'Ops Bridge' });
		store.calls.addApplication(account.sid, { friendlyName: 'Old IVR', active: false });

		const { results, paginationToken } = await search('searchTexmlApplications', {
			resource: 'call',
			operation: 'create',
		});

		expect(results).toEqual([
			{ name: 'Old IVR (inactive)', value: expect.any(String) },
			{ name: 'Ops Bridge', value: ops.id },
			{ name: 'Sandbox TeXML App', value: application.id },
		]);
		expect(paginationToken).toBeUndefined();
		expect(appRequests().map((r) => r.url)).toEqual([
			'/v2/texml_applications?page%5Bnumber%5D=1&page%5Bsize%5D=250&sort=friendly_name',
		]);
		expect(whoamiCalls(world)).toBe(0);
	});

	test('a search of three characters or more goes to Telnyx as filter[friendly_name]; shorter ones are matched here', async () => {
		world.sandbox.store.calls.addApplication(world.sandbox.account.sid, {
			friendlyName: 'Ops Bridge',
		});

		const long = await search('searchTexmlApplications', { resource: 'call' }, 'bridge');
		const short = await search('searchTexmlApplications', { resource: 'call' }, 'op');

		expect(long.results.map((r) => r.name)).toEqual(['Ops Bridge']);
		expect(short.results.map((r) => r.name)).toEqual(['Ops Bridge']);
		const [first, second] = appRequests().map((r) => new URLSearchParams(r.url.split('?')[1]));
		expect(first.get('filter[friendly_name]')).toBe('bridge');
		expect(second.has('filter[friendly_name]')).toBe(false);
	});

	test('follows Telnyx’s pages (page[number] up to total_pages) and hands back the next page to scroll to', async () => {
		const { store, account } = world.sandbox;
		for (let i = 0; i < 1100; i++)
			store.calls.addApplication(account.sid, {
				friendlyName: `app-${String(i).padStart(4, '0')}`,
			});

		const first = await search('searchTexmlApplications', { resource: 'call' });

		expect(
			appRequests().map((r) => new URLSearchParams(r.url.split('?')[1]).get('page[number]')),
		).toEqual(['1', '2', '3', '4']);
		expect(first.results).toHaveLength(1000);
		expect(first.paginationToken).toBe('5');
	});
});
