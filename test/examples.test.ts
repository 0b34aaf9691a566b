import workflow from '../examples/update-participant.workflow.json';
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
