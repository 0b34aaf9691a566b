/**
 * An optional key without a value may come left out (as Telnyx's examples show) or as `null` (as
 * Twilio-style APIs also send it). The node reads both the same way wherever it uses one: the end
 * of a list (`next_page_uri`), the pickers, Simplify, Delete's output. Run through the engine
 * against the sandbox in both shapes.
 */
import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { loadOptionsContext } from '../support/engine';
import { NODE_TYPE, startWorld, type World } from '../support/fixtures';
import { jsonOf, locator, runTexml, texmlRequests } from '../support/texml';

describe.each(['omit', 'null'] as const)('optional keys without a value: %s', (missingKeys) => {
	let world: World;

	beforeEach(async () => {
		world = await startWorld({ pageSize: 2, missingKeys });
		const { store, account } = world.sandbox;
		const ended = store.addConference(account.sid, { friendlyName: 'ended', participants: [{}] });
		store.endConference(ended);
		store.addConference(account.sid, { friendlyName: 'standup' });
		for (let i = 0; i < 3; i++) store.addRecording(world.conference, { errorCode: null });
	});
	afterEach(() => world.close());

	/** The last page's answer as it went over the wire. */
	const lastAnswer = () => JSON.parse(texmlRequests(world).at(-1)!.answer!) as IDataObject;

	test('the sandbox answers in this shape', async () => {
		await runTexml(world, { resource: 'conference', operation: 'get' });
		const answer = lastAnswer();
		if (missingKeys === 'null')
			expect(answer).toMatchObject({
				reason_conference_ended: null,
				call_sid_ending_conference: null,
			});
		else expect(answer).not.toHaveProperty('reason_conference_ended');
	});

	test.each([
		['conference', 3],
		['conferenceParticipant', 3],
		['conferenceRecording', 3],
	])('%s → Get Many, Return All ends on the last page', async (resource, count) => {
		const { output, error } = await runTexml(world, {
			resource,
			operation: 'getAll',
			returnAll: true,
		});
		expect(error).toBeUndefined();
		expect(output).toHaveLength(count);
		expect(texmlRequests(world)).toHaveLength(2);
		const last = lastAnswer();
		if (missingKeys === 'null') expect(last.next_page_uri).toBeNull();
		else expect(last).not.toHaveProperty('next_page_uri');
	});

	test('Get passes the answer through as Telnyx gave it', async () => {
		const { output } = await runTexml(world, { resource: 'conference', operation: 'get' });
		expect(output[0].json).toEqual(lastAnswer());
		expect(output[0].json.status).toBe('in-progress');
	});

	test('Simplify keeps an unset coaching_call_sid the way it came', async () => {
		const { output } = await runTexml(world, {
			resource: 'conferenceParticipant',
			operation: 'get',
			participant: locator(world.bob.callSid),
			simplify: true,
		});
		expect(jsonOf(output)).toEqual([
			{
				call_sid: world.bob.callSid,
				muted: false,
				hold: false,
				coaching: false,
				status: 'connected',
				...(missingKeys === 'null' ? { coaching_call_sid: null } : {}),
			},
		]);
	});

	test('Delete outputs the same summary', async () => {
		const { output } = await runTexml(world, {
			resource: 'conferenceParticipant',
			operation: 'delete',
			participant: locator('alice'),
		});
		expect(jsonOf(output)).toEqual([
			{ deleted: true, conference_sid: world.conference.sid, participant: 'alice' },
		]);
	});

	async function search(
		method: string,
		parameters: Record<string, unknown>,
	): Promise<INodeListSearchResult> {
		const context = loadOptionsContext(world.engine, {
			type: NODE_TYPE,
			parameters: parameters as never,
		});
		const listSearch = world.engine.package.nodes[NODE_TYPE].methods!.listSearch![method] as (
			this: ILoadOptionsFunctions,
		) => Promise<INodeListSearchResult>;
		return await listSearch.call(context);
	}

	test('the conference picker reads every page and says there is no more', async () => {
		const { results, paginationToken } = await search('searchConferences', {
			accountSid: world.sandbox.account.sid,
		});
		// Live ones first (created in the same millisecond here, so in either order), then the ended one.
		expect(
			results
				.map((r) => r.name.split(' (')[0])
				.slice(0, 2)
				.sort(),
		).toEqual(['standup', 'weekly-sync']);
		expect(results.map((r) => r.name.split(' (')[0])[2]).toBe('ended');
		expect(paginationToken).toBeUndefined();
	});

	test('the participant picker lists everyone, labels or not', async () => {
		const { results } = await search('searchParticipants', {
			accountSid: world.sandbox.account.sid,
			conferenceSid: locator(world.conference.sid),
		});
		expect(results.map((r) => r.value)).toEqual([
			world.alice.callSid,
			world.bob.callSid,
			world.carol.callSid,
		]);
		expect(results[1].name).toBe(`${world.bob.callSid} (unmuted)`);
	});
});
