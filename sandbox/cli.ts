/**
 * `npm run sandbox`: the TeXML sandbox on its own, for pointing an n8n credential at it.
 * Seeds the demo conference (the one the example workflows address) with the demo API key.
 */
import { DEMO, seedDemo } from './demo-data';
import { startSandbox } from './server';

async function main() {
	const port = Number(process.env.PORT ?? process.argv.find((a) => a.startsWith('--port='))?.slice(7) ?? 0);
	const sandbox = await startSandbox({ port, account: DEMO.account });
	const conference = seedDemo(sandbox.store);
	const lines = [
		`TeXML sandbox listening on ${sandbox.origin}`,
		'',
		'Telnyx TeXML API credential:',
		`  API Key   ${sandbox.account.apiKey}`,
		`  Base URL  ${sandbox.baseUrl}`,
		`  Public Key ${sandbox.publicKey}  (verifies the sandbox's signed status callbacks)`,
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
