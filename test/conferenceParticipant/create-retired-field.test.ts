/** A saved Dial that still has Machine Detection Beep Profile set: a clear error, nothing dialled. */
import { startWorld, type World } from '../support/fixtures';
import { runTexml, texmlRequests } from '../support/texml';

let world: World;
beforeEach(async () => {
	world = await startWorld();
});
afterEach(() => world.close());

const dial = (
	machineDetectionOptions: Record<string, unknown>,
	options: Parameters<typeof runTexml>[2] = {},
) =>
	runTexml(
		world,
		{
			resource: 'conferenceParticipant',
			operation: 'create',
			from: '+13125550100',
			to: '={{ $json.to }}',
			machineDetectionOptions,
		},
		options,
	);

test('the workflow stops with an error naming the field, and no request leaves', async () => {
	const { error, output } = await dial(
		{ machineDetection: 'Enable', machineDetectionBeepProfile: 'freq_only' },
		{ items: [{ json: { to: '+13125550123' } }] },
	);

	expect(error?.message).toBe('The "Machine Detection Beep Profile" field is no longer supported');
	expect(error?.description).toBe(
		'Telnyx’s conference dial does not take it (only TeXML calls do), so the node does not send it. ' +
			'Remove "Machine Detection Beep Profile" under Answering Machine Detection to dial.',
	);
	expect(output).toEqual([]);
	expect(texmlRequests(world)).toEqual([]);
	expect(world.conference.participants).toHaveLength(3);
});

test('with continue-on-fail, the item that has it becomes an error item and the others are dialled', async () => {
	const { error, output } = await dial(
		{ machineDetectionBeepProfile: '={{ $json.profile }}' },
		{
			continueOnFail: true,
			items: [{ json: { to: '+13125550123', profile: 'both' } }, { json: { to: '+13125550124' } }],
		},
	);

	expect(error).toBeUndefined();
	expect(output).toHaveLength(2);
	expect(output[0].json.error).toBe(
		'The "Machine Detection Beep Profile" field is no longer supported',
	);
	expect(output[1].json).toMatchObject({
		conference_sid: world.conference.sid,
		status: 'connected',
	});
	const requests = texmlRequests(world);
	expect(requests).toHaveLength(1);
	expect(requests[0].body).toBe('From=%2B13125550100&To=%2B13125550124');
});

test('left empty, it counts as not set', async () => {
	const { error } = await dial(
		{ machineDetectionBeepProfile: '' },
		{ items: [{ json: { to: '+13125550123' } }] },
	);
	expect(error).toBeUndefined();
	expect(texmlRequests(world)[0].body).toBe('From=%2B13125550100&To=%2B13125550123');
});
