import { startWorld, type World } from '../support/fixtures';
import { runTexml, texmlRequests } from '../support/texml';

let world: World;
beforeEach(async () => {
	world = await startWorld();
});
afterEach(async () => await world.close());

describe('Call SIPREC Session → Stop (POST …/Calls/{call_sid}/Siprec/{siprec_sid}.json)', () => {
	test('sends Status=stopped; the output is the stopped session', async () => {
		await runTexml(world, {
			resource: 'callSiprec',
			operation: 'start',
			callSid: world.bob.callSid,
			connectorName: 'rec',
		});
		const [session] = world.sandbox.store.sessions.siprecs;

		const { output, error } = await runTexml(world, {
			resource: 'callSiprec',
			operation: 'stop',
			callSid: world.bob.callSid,
			siprecSid: session.sid,
			simplify: true,
		});

		expect(error).toBeUndefined();
		const request = texmlRequests(world)[1];
		expect(request).toMatchObject({
			method: 'POST',
			url: `/v2/texml/Accounts/${world.sandbox.account.sid}/Calls/${world.bob.callSid}/Siprec/${session.sid}.json`,
			body: 'Status=stopped',
		});
		expect(session.status).toBe('stopped');
		expect(output[0].json).toEqual({
			sid: session.sid,
			call_sid: world.bob.callSid,
			status: 'stopped',
		});
	});

	test('a SIPREC Session SID of ".." is refused before sending', async () => {
		const { output } = await runTexml(
			world,
			{ resource: 'callSiprec', operation: 'stop', callSid: world.bob.callSid, siprecSid: '..' },
			{ continueOnFail: true },
		);
		expect(texmlRequests(world)).toHaveLength(0);
		expect(output[0].json.error).toBe(
			'The "SIPREC Session SID" field cannot be "..". Enter the ID or label itself.',
		);
	});
});
