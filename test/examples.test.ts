import workflow from '../examples/update-participant.workflow.json';
import muteEveryone from '../examples/mute-everyone.workflow.json';
import startConference from '../examples/start-conference-call.workflow.json';
import { DEMO, seedDemo, startSandbox, type TexmlSandbox } from '../sandbox';
import { outputOf, runWorkflow, type WorkflowFile } from './support/engine';
import { sourcePackage } from './support/fixtures';

/** The example workflow file, as a user would import it, run against the demo sandbox. */
describe('examples/update-participant.workflow.json', () => {
	let sandbox: TexmlSandbox;
	beforeEach(async () => {
		sandbox = await startSandbox({ account: DEMO.account });
	});
	afterEach(() => sandbox.close());

	it('mutes guest-1, holds guest-2 with music and lets the host coach guest-1', async () => {
		const conference = seedDemo(sandbox.store);
		const [host, guest1, guest2] = conference.participants;
		const run = await runWorkflow(
			{
				package: sourcePackage(),
				credentials: { telnyxTexmlApi: { apiKey: DEMO.account.apiKey, baseUrl: sandbox.baseUrl } },
			},
			workflow as unknown as WorkflowFile,
		);

		expect(run.data.resultData.error).toBeUndefined();
		expect(sandbox.requests.map((r) => `${r.method} ${r.url.split('/').pop()} ${r.body}`)).toEqual([
			'POST guest-1 Muted=true',
			'POST guest-2 Hold=true&HoldMethod=GET&HoldUrl=https%3A%2F%2Fexample.com%2Fhold-music.mp3',
			`POST host BeepOnExit=false&CallSidToCoach=${encodeURIComponent(guest1.callSid)}&Coaching=true`,
		]);
		expect(outputOf(run, 'Host coaches guest-1')[0].json).toMatchObject({
			call_sid: host.callSid,
			coaching: true,
			coaching_call_sid: guest1.callSid,
		});
		expect([host.coaching, guest1.muted, guest2.hold]).toEqual([true, true, true]);
	});
});

describe('examples/mute-everyone.workflow.json', () => {
	let sandbox: TexmlSandbox;
	beforeEach(async () => {
		// Pages of two, so the three demo participants span two pages.
		sandbox = await startSandbox({ account: DEMO.account, pageSize: 2 });
	});
	afterEach(() => sandbox.close());

	it('lists the participants (account SID from the key, every page) and mutes each of them', async () => {
		const conference = seedDemo(sandbox.store);
		conference.participants[1].muted = true;
		const run = await runWorkflow(
			{
				package: sourcePackage(),
				credentials: { telnyxTexmlApi: { apiKey: DEMO.account.apiKey, baseUrl: sandbox.baseUrl } },
			},
			muteEveryone as unknown as WorkflowFile,
		);

		expect(run.data.resultData.error).toBeUndefined();
		const participants = `/v2/texml/Accounts/${DEMO.account.sid}/Conferences/${DEMO.conference.sid}/Participants`;
		expect(sandbox.requests.map((r) => `${r.method} ${r.url.split('?')[0]} ${r.body}`)).toEqual([
			'GET /v2/whoami ',
			`GET ${participants} `,
			`GET ${participants}.json `,
			...DEMO.participants.map((p) => `POST ${participants}/${p.callSid} Muted=true`),
		]);
		expect(outputOf(run, 'List participants')).toHaveLength(3);
		expect(
			outputOf(run, 'Mute each participant').map((o) => [o.json.call_sid, o.json.muted]),
		).toEqual(DEMO.participants.map((p) => [p.callSid, true]));
		expect(conference.participants.every((p) => p.muted)).toBe(true);
	});
});

/**
 * The on-call example from its Telnyx node on (Set and Split Out are n8n-nodes-base, run in the
 * real app by the e2e): the Split Out's items as input, one call per callee into one conference.
 */
describe('examples/start-conference-call.workflow.json', () => {
	let sandbox: TexmlSandbox;
	beforeEach(async () => {
		sandbox = await startSandbox({ account: DEMO.account });
		seedDemo(sandbox.store);
	});
	afterEach(() => sandbox.close());

	it('calls each callee into on-call-bridge; the host ends it on leaving', async () => {
		const list = startConference.nodes.find((n) => n.name === 'On-call list')!;
		const { callees } = JSON.parse(String(list.parameters.jsonOutput)) as {
			callees: Array<{ name: string; number: string; host: boolean }>;
		};
		const run = await runWorkflow(
			{
				package: sourcePackage(),
				credentials: { telnyxTexmlApi: { apiKey: DEMO.account.apiKey, baseUrl: sandbox.baseUrl } },
			},
			{
				nodes: startConference.nodes.filter((n) => n.name === 'Call into the bridge'),
				connections: {},
			} as unknown as WorkflowFile,
			{ node: 'Call into the bridge', items: callees.map((json) => ({ json })) },
		);

		expect(run.data.resultData.error).toBeUndefined();
		const posts = sandbox.requests.filter((r) => r.method === 'POST');
		expect(posts.map((r) => JSON.parse(r.body).ApplicationSid)).toEqual(
			callees.map(() => DEMO.application.id),
		);
		expect(outputOf(run, 'Call into the bridge').map((o) => o.json.to)).toEqual(
			callees.map((c) => c.number),
		);
		const bridge = sandbox.store.conferences.find((c) => c.friendlyName === 'on-call-bridge')!;
		expect(bridge.status).toBe('in-progress');
		expect(
			bridge.participants.map((p) => [p.label, p.dial?.to, p.endConferenceOnExit]).sort(),
		).toEqual(callees.map((c) => [c.name, c.number, c.host]).sort());

		const host = bridge.participants.find((p) => p.label === 'host')!;
		sandbox.store.calls.hangUp(sandbox.store.calls.byParticipant(host)!);
		expect(bridge.status).toBe('completed');
		expect(sandbox.store.calls.calls.every((c) => c.status === 'completed')).toBe(true);
	});
});
