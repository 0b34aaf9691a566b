/**
 * `npm run sandbox`: the TeXML sandbox on its own, for pointing an n8n credential at it.
 * Seeds the demo conference (the one the example workflows address) with the demo API key.
 */
import { ringByHand, ringFlags } from './cli-ring';
import { DEMO, seedDemo } from './demo-data';
import type { FaultOptions } from './faults';
import { startSandbox } from './server';

/** `--name=value` or `--name` (true) from the command line. */
function flag(name: string): string | undefined {
	const arg = process.argv.find((a) => a === `--${name}` || a.startsWith(`--${name}=`));
	return arg === undefined ? undefined : (arg.split('=')[1] ?? 'true');
}

/**
 * Fault flags, e.g. `npm run sandbox -- --rate-limit=100 --rate-limit-headers=on429 --rate-limit-model=sliding --fault-ratio=0.1 --seed=42`.
 */
function faultsFromFlags(): FaultOptions {
	const number = (name: string) => (flag(name) === undefined ? undefined : Number(flag(name)));
	const headers = flag('rate-limit-headers');
	if (headers !== undefined && headers !== 'always' && headers !== 'on429') {
		throw new Error('--rate-limit-headers takes always or on429');
	}
	const model = flag('rate-limit-model');
	if (model !== undefined && model !== 'fixed' && model !== 'sliding' && model !== 'bucket') {
		throw new Error('--rate-limit-model takes fixed, sliding or bucket');
	}
	return {
		rateLimit: number('rate-limit'),
		rateLimitHeaders: headers,
		rateLimitModel: model,
		latencyMs: number('latency'),
		failFirst: flag('fail-first') === 'true',
		resetFirst: flag('reset-first') === 'true',
		faultRatio: number('fault-ratio'),
		seed: number('seed'),
	};
}

const modelWords = {
	fixed: 'fixed one-second window',
	sliding: 'sliding one-second window',
	bucket: 'token bucket',
};

function describeFaults(f: FaultOptions): string {
	const on = [
		f.rateLimit &&
			`rate limit ${f.rateLimit}/s, ${modelWords[f.rateLimitModel ?? 'fixed']} (429 + Retry-After; x-ratelimit-* on ${f.rateLimitHeaders === 'on429' ? '429s only' : 'every answer'})`,
		f.latencyMs && `latency ${f.latencyMs} ms`,
		f.failFirst && 'first attempt of each request: 503',
		f.resetFirst && 'first attempt of each request: connection reset',
		f.faultRatio && `random faults ${f.faultRatio * 100}% (seed ${f.seed ?? 1})`,
	].filter(Boolean);
	return on.length > 0
		? on.join('; ')
		: 'none (flags: --rate-limit=N --rate-limit-headers=always|on429 --rate-limit-model=fixed|sliding|bucket --latency=MS --fail-first --reset-first --fault-ratio=R --seed=S)';
}

async function main() {
	const port = Number(process.env.PORT ?? flag('port') ?? 0);
	const faults = faultsFromFlags();
	const sandbox = await startSandbox({ port, account: DEMO.account, faults });
	const conference = seedDemo(sandbox.store);
	// A finished recording of the demo conference, for Recording → Get and Download.
	const recording = sandbox.store.addRecording(conference, { duration: 5, channels: 2 });
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
		`Recording SID   ${recording.sid}  (5 s WAV, served from ${sandbox.media.origin})`,
		`Application ID  ${DEMO.application.id}  (${DEMO.application.friendlyName}: places calls, takes incoming calls)`,
		'',
		`Faults          ${describeFaults(faults)}`,
		'',
		'Ring a TeXML application (its Voice URL, e.g. an n8n Telnyx TeXML Answer Trigger), signed with the Public Key:',
		'  npm run sandbox -- --ring=<voice-url> [--method=GET] --digits=1234# [--speech="weekly sync"] [--silence]',
		'',
		'Press Ctrl+C to stop.',
	];
	process.stdout.write(`${lines.join('\n')}\n`);
	const ring = ringFlags(process.argv);
	if (ring) {
		process.stdout.write(`\nRinging ${ring.url} from ${ring.from} to ${ring.to}\n`);
		const story = await ringByHand(sandbox, DEMO.application.id, ring);
		process.stdout.write(`${story.join('\n')}\n`);
	}
	const stop = () => void sandbox.close().then(() => process.exit(0));
	process.on('SIGINT', stop);
	process.on('SIGTERM', stop);
}

void main();
