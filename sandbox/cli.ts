/**
 * `npm run sandbox`: the TeXML sandbox on its own, for pointing an n8n credential at it.
 * Seeds one live conference with three participants so there is something to update.
 */
import { startSandbox } from './server';

async function main() {
	const port = Number(process.env.PORT ?? process.argv.find((a) => a.startsWith('--port='))?.slice(7) ?? 0);
	const sandbox = await startSandbox({ port });
	const conference = sandbox.store.addConference(sandbox.account.sid, {
		friendlyName: 'sandbox-demo',
		participants: [{ label: 'host' }, { label: 'guest-1' }, { label: 'guest-2' }],
	});
	const lines = [
		`TeXML sandbox listening on ${sandbox.origin}`,
		'',
		'Telnyx TeXML API credential:',
		`  API Key   ${sandbox.account.apiKey}`,
		`  Base URL  ${sandbox.baseUrl}`,
		'',
		`Account SID     ${sandbox.account.sid}`,
		`Conference SID  ${conference.sid}  (${conference.friendlyName})`,
		...conference.participants.map((p) => `Participant     ${p.label}  ${p.callSid}`),
		'',
		'Press Ctrl+C to stop.',
	];
	process.stdout.write(`${lines.join('\n')}\n`);
	const stop = () => void sandbox.close().then(() => process.exit(0));
	process.on('SIGINT', stop);
	process.on('SIGTERM', stop);
}

void main();
