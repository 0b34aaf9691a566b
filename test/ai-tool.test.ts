import { participantResource } from '../sandbox';
import { runAgent, type ToolNode } from './support/agent';
import { startWorld, type World } from './support/fixtures';
import { locator, texmlRequests } from './support/texml';

/**
 * The node as a tool of an AI agent, through n8n-core's tool machinery: what the model is offered
 * (name, description, input schema from `$fromAI`) and what it gets back, Simplify and errors included.
 */
let world: World;
beforeEach(async () => {
	world = await startWorld();
});
afterEach(async () => await world.close());

const participantFromAi = locator(
	"={{ $fromAI('participant', 'The call SID or label of the participant', 'string') }}",
);

const muteTool: ToolNode = {
	name: 'Mute participant',
	parameters: {
		resource: 'conferenceParticipant',
		operation: 'update',
		accountSid: '',
		conferenceSid: locator(''),
		participant: participantFromAi,
		updateFields: { muted: "={{ $fromAI('muted', 'true to mute, false to unmute', 'boolean') }}" },
		simplify: true,
	},
};
const listTool: ToolNode = {
	name: 'List participants',
	parameters: {
		resource: 'conferenceParticipant',
		operation: 'getAll',
		accountSid: '',
		conferenceSid: locator(''),
		returnAll: true,
		simplify: true,
	},
};

/** The world's conference in every tool (known when the workflow is built). */
const inConference = (tool: ToolNode): ToolNode => ({
	...tool,
	parameters: { ...tool.parameters, conferenceSid: locator(world.conference.sid) },
});

test('the model is offered each operation by what it is for, with the $fromAI inputs as its schema', async () => {
	const run = await runAgent(world.engine, [inConference(muteTool), inConference(listTool)], []);

	const byName = [...run.offered].sort((a, b) => a.name.localeCompare(b.name));
	expect(byName).toEqual([
		{
			name: 'List_participants',
			description: 'Get many participants to list who is in a conference in Telnyx TeXML',
			parameters: expect.objectContaining({ type: 'object', properties: {} }),
		},
		{
			name: 'Mute_participant',
			description: 'Mute or hold or coach or announce to a conference caller in Telnyx TeXML',
			parameters: expect.objectContaining({
				type: 'object',
				properties: {
					participant: { type: 'string', description: 'The call SID or label of the participant' },
					muted: { type: 'boolean', description: 'true to mute, false to unmute' },
				},
				required: ['participant', 'muted'],
			}),
		},
	]);
});

test('list, then mute: the calls go over the wire and the model gets the simplified participants', async () => {
	const run = await runAgent(
		world.engine,
		[inConference(muteTool), inConference(listTool)],
		[
			{ tool: 'List_participants', args: {} },
			{ tool: 'Mute_participant', args: { participant: 'alice', muted: true } },
		],
	);

	const requests = texmlRequests(world);
	expect(requests.map((r) => [r.method, r.url.split('/Conferences/')[1], r.body])).toEqual([
		['GET', `${world.conference.sid}/Participants`, ''],
		['POST', `${world.conference.sid}/Participants/alice`, 'Muted=true'],
	]);
	const simplified = (p: (typeof world.conference.participants)[number]) => {
		const { call_sid, muted, hold, coaching, coaching_call_sid, status } = participantResource(
			world.conference,
			p,
		);
		return { call_sid, muted, hold, coaching, coaching_call_sid, status };
	};
	expect(run.results[0].error).toBeUndefined();
	// Listed before the mute.
	expect(JSON.parse(run.results[0].result!)).toEqual([
		{ ...simplified(world.alice), muted: false },
		simplified(world.bob),
		simplified(world.carol),
	]);
	expect(JSON.parse(run.results[1].result!)).toEqual([{ ...simplified(world.alice), muted: true }]);
	expect(run.results.map((r) => r.result).join()).not.toContain(world.sandbox.account.apiKey);
});

test('an unknown participant: the message alone tells the model what to do next', async () => {
	const expected = `Participant "nobody" was not found in conference "${world.conference.sid}" (Telnyx: Resource not found). List the participants of the conference to find the right call SID or label; the participant may have left already.`;

	// On Error → Continue: the model gets the error as the tool's result and the agent goes on
	// (n8n's RoutingNode alone would hand it `[{}]`: the node puts the message in the item's json).
	const continuing = await runAgent(
		world.engine,
		[{ ...inConference(muteTool), continueOnFail: true }, inConference(listTool)],
		[
			{ tool: 'Mute_participant', args: { participant: 'nobody', muted: true } },
			{ tool: 'List_participants', args: {} },
		],
	);
	expect(JSON.parse(continuing.results[0].result!)).toEqual([{ error: expected }]);
	expect(JSON.parse(continuing.results[1].result!)).toHaveLength(3);

	// A check before sending (an empty participant) reaches the model the same way, and sends nothing.
	const sent = texmlRequests(world).length;
	const refused = await runAgent(
		world.engine,
		[{ ...inConference(muteTool), continueOnFail: true }],
		[{ tool: 'Mute_participant', args: { participant: ' ', muted: true } }],
	);
	expect(JSON.parse(refused.results[0].result!)).toEqual([
		{
			error:
				'The "Participant" field is empty. Enter the participant’s call SID or label, or map one from the input data; list the participants of the conference to find it.',
		},
	]);
	expect(texmlRequests(world)).toHaveLength(sent);

	// n8n's default (stop): the tool call fails with the same message first.
	const stopping = await runAgent(
		world.engine,
		[inConference(muteTool)],
		[{ tool: 'Mute_participant', args: { participant: 'nobody', muted: true } }],
	);
	expect(stopping.results[0].error!.startsWith(expected)).toBe(true);
	expect(JSON.stringify([continuing, stopping])).not.toContain(world.sandbox.account.apiKey);
});

test('what a 200-person conference costs a model: Simplify cuts the tool result to a fraction', async () => {
	for (let i = world.conference.participants.length; i < 200; i++) {
		world.sandbox.store.addParticipant(world.conference, { label: `guest-${i}` });
	}
	const list = (name: string, simplify: boolean) => ({
		...inConference(listTool),
		name,
		parameters: { ...inConference(listTool).parameters, simplify },
	});

	const run = await runAgent(
		world.engine,
		[list('List raw', false), list('List simple', true)],
		[
			{ tool: 'List_raw', args: {} },
			{ tool: 'List_simple', args: {} },
		],
	);

	const [raw, simple] = run.results.map((r) => r.result!);
	const perParticipant = (result: string) => JSON.stringify(JSON.parse(result)[0]).length;
	expect(JSON.parse(raw)).toHaveLength(200);
	expect(JSON.parse(simple)).toHaveLength(200);
	expect(simple.length).toBeLessThan(raw.length / 3);
	process.stdout.write(
		`Characters of JSON the model receives (Simplify off → on): one participant ${perParticipant(raw)} → ${perParticipant(simple)}; ` +
			`a 200-participant list ${raw.length} → ${simple.length}\n`,
	);
});
