/**
 * The workflows in `test/e2e/`, run by n8n's CLI against the sandbox. Each case checks both sides:
 * what went over the wire and what n8n's run contains.
 */
import type { RecordedRequest, TexmlSandbox } from '../../sandbox';
import { expectEqual, expectTrue, type Checks } from './checks';
import { execute, type CliExecution, type N8nHome } from './n8n';
import { MANUAL_TRIGGER, type WorkflowFile } from './workflows';
import { WORLD } from './world';

const PARTICIPANTS = `/v2/texml/Accounts/${WORLD.accountSid}/Conferences/${WORLD.conferenceSid}/Participants`;
/** The node's 404 for a participant: names it and the conference, and says how to find the right one. */
const notFound = (participant: string) =>
	`Participant "${participant}" was not found in conference "${WORLD.conferenceSid}" (Telnyx: Resource not found). ` +
	'List the participants of the conference to find the right call SID or label; the participant may have left already.';

function nodeRun(execution: CliExecution, nodeName: string) {
	const run = execution.run?.data.resultData.runData[nodeName]?.[0];
	expectTrue(
		run,
		`n8n's run has no data for "${nodeName}" (exit ${execution.exitCode})\n${execution.output.slice(-2000)}`,
	);
	return run;
}

function outputItems(execution: CliExecution, nodeName: string) {
	return (nodeRun(execution, nodeName).data?.main[0] ?? []).map((item) => item.json);
}

/** Checks one request as the sandbox received it: method, raw path, bearer key and form body. */
function expectRequest(
	request: RecordedRequest | undefined,
	path: string,
	form: Record<string, string>,
	status: number,
) {
	expectTrue(request, `the sandbox received no request for ${path}`);
	expectEqual(request.method, 'POST', 'method');
	expectEqual(request.url, path, 'raw request path');
	expectEqual(request.headers.authorization, `Bearer ${WORLD.apiKey}`, 'Authorization header');
	expectEqual(request.headers['content-type'], 'application/x-www-form-urlencoded', 'Content-Type');
	expectEqual(Object.fromEntries(new URLSearchParams(request.body)), form, 'form body');
	expectEqual(request.status, status, 'sandbox answer status');
}

/** Runs a workflow with the sandbox's request log emptied first; returns the run and the requests. */
async function executeFresh(home: N8nHome, sandbox: TexmlSandbox, workflowId: string) {
	sandbox.requests.length = 0;
	const execution = await execute(home, workflowId);
	return { execution, requests: [...sandbox.requests] };
}

export async function runCliCases(checks: Checks, home: N8nHome, sandbox: TexmlSandbox) {
	await checks.check('update: mute and hold a participant by call SID', async () => {
		const { execution, requests } = await executeFresh(home, sandbox, 'e2eUpdatePart001');
		expectEqual(execution.exitCode, 0, 'n8n execute exit code');
		expectEqual(
			execution.run?.status ?? execution.run?.finished,
			execution.run?.status ? 'success' : true,
			'run status',
		);
		expectEqual(requests.length, 1, 'requests sent');
		expectRequest(
			requests[0],
			`${PARTICIPANTS}/${WORLD.alice.callSid}`,
			{
				Muted: 'true',
				Hold: 'true',
				HoldUrl: 'https://example.com/hold-music.xml',
				HoldMethod: 'GET',
			},
			200,
		);
		expectTrue(
			requests[0].body.includes('HoldUrl=https%3A%2F%2Fexample.com%2Fhold-music.xml'),
			`body is not form-encoded: ${requests[0].body}`,
		);
		const [participant, ...rest] = outputItems(execution, 'Mute and hold Alice');
		expectEqual(rest.length, 0, 'extra output items');
		expectEqual(
			{
				call_sid: participant.call_sid,
				conference_sid: participant.conference_sid,
				account_sid: participant.account_sid,
				muted: participant.muted,
				hold: participant.hold,
				status: participant.status,
			},
			{
				call_sid: WORLD.alice.callSid,
				conference_sid: WORLD.conferenceSid,
				account_sid: WORLD.accountSid,
				muted: true,
				hold: true,
				status: 'connected',
			},
			'node output',
		);
		const conference = sandbox.store.conference(WORLD.accountSid, WORLD.conferenceSid);
		const alice = conference?.participants.find((p) => p.callSid === WORLD.alice.callSid);
		expectEqual(
			[alice?.muted, alice?.hold, alice?.holdUrl],
			[true, true, 'https://example.com/hold-music.xml'],
			'sandbox state',
		);
	});

	await checks.check(
		'update: unknown participant fails with the 404 and Telnyx detail',
		async () => {
			const { execution, requests } = await executeFresh(home, sandbox, 'e2eNotFound00001');
			expectTrue(
				execution.exitCode !== 0,
				'n8n execute should exit non-zero when the workflow fails',
			);
			expectEqual(requests.length, 1, 'requests sent (the 404 is not retried)');
			expectRequest(requests[0], `${PARTICIPANTS}/v3:e2e-already-gone`, { Muted: 'false' }, 404);
			const run = nodeRun(execution, 'Unmute a participant who left');
			expectEqual(execution.run?.status ?? 'error', 'error', 'run status');
			expectEqual(run.error?.message, notFound('v3:e2e-already-gone'), 'node error message');
			expectEqual(run.error?.httpCode, '404', 'node error httpCode');
			expectTrue(
				run.error?.description?.includes('the account SID is not the one that owns the API key'),
				`node error description lacks the hint: ${run.error?.description}`,
			);
			expectTrue(!execution.output.includes(WORLD.apiKey), 'the API key appears in n8n output');
		},
	);

	await checks.check(
		'update: continue on fail turns the 404 into an error item between results',
		async () => {
			const { execution, requests } = await executeFresh(home, sandbox, 'e2eContinueFail1');
			expectEqual(execution.exitCode, 0, 'n8n execute exit code');
			// Newer n8n sends the items' requests concurrently, so arrival order is not item order.
			expectEqual(
				requests.map((r) => [r.url, r.status]).sort(),
				[
					[`${PARTICIPANTS}/alice`, 200],
					[`${PARTICIPANTS}/bob%20smith`, 200],
					[`${PARTICIPANTS}/left-already`, 404],
				],
				'requests (raw path, answer)',
			);
			for (const request of requests)
				expectRequest(request, request.url, { Muted: 'true' }, request.status ?? 0);
			const items = outputItems(execution, 'Mute each participant');
			expectEqual(items.length, 3, 'output items (one per input item)');
			expectEqual([items[0].call_sid, items[0].muted], [WORLD.alice.callSid, true], 'item 0');
			expectTrue(
				items[1].error === notFound('left-already'),
				`item 1 should be the error item, got ${JSON.stringify(items[1])}`,
			);
			expectEqual([items[2].call_sid, items[2].muted], [WORLD.bob.callSid, true], 'item 2');
		},
	);
}

/** Every shipped example that starts from a manual trigger runs as is: success, and every request answered 2xx. */
export async function runExamples(
	checks: Checks,
	home: N8nHome,
	sandbox: TexmlSandbox,
	workflows: WorkflowFile[],
) {
	for (const { file, workflow } of workflows.filter((w) => w.example)) {
		if (!workflow.nodes.some((n) => n.type === MANUAL_TRIGGER)) continue;
		await checks.check(`example ${file.split('/').pop()} runs as shipped`, async () => {
			const { execution, requests } = await executeFresh(home, sandbox, workflow.id);
			expectEqual(execution.exitCode, 0, `n8n execute exit code\n${execution.output.slice(-1500)}`);
			expectTrue(requests.length > 0, 'the example sent no request');
			for (const request of requests) {
				expectTrue(
					request.status !== undefined &&
						request.status < 300 &&
						request.headers.authorization === `Bearer ${WORLD.apiKey}`,
					`${request.method} ${request.url} → ${request.status}`,
				);
			}
			const telnyxNodes = workflow.nodes.filter(
				(n) => n.type === 'n8n-nodes-telnyx-texml.telnyxTexml',
			);
			for (const node of telnyxNodes) {
				expectTrue(outputItems(execution, node.name).length > 0, `"${node.name}" has no output`);
			}
		});
	}
}
