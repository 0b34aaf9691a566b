import type { RingInput, RingResult } from './incoming';
import type { TexmlSandbox } from './server';

/**
 * `npm run sandbox -- --ring=<voice-url> --digits=1234# --speech="weekly sync" --silence`: rings a
 * Voice URL by hand through the demo application, the caller's inputs in the order given.
 */

/** `--name=value` anywhere (the value may hold `=`, as a URL's query does). */
const valueOf = (arg: string, name: string) =>
	arg.startsWith(`--${name}=`) ? arg.slice(name.length + 3) : undefined;

export interface RingFlags {
	url: string;
	method: 'get' | 'post';
	from: string;
	to: string;
	inputs: RingInput[];
}

/** The ring flags, or undefined without `--ring=`. */
export function ringFlags(argv: string[]): RingFlags | undefined {
	const url = argv.map((a) => valueOf(a, 'ring')).find((v) => v !== undefined);
	if (!url) return undefined;
	const inputs: RingInput[] = [];
	for (const arg of argv) {
		const digits = valueOf(arg, 'digits');
		const speech = valueOf(arg, 'speech');
		if (digits !== undefined) inputs.push({ digits });
		if (speech !== undefined) inputs.push({ speech });
		if (arg === '--silence') inputs.push({ silence: true });
	}
	const method = argv
		.map((a) => valueOf(a, 'method'))
		.find(Boolean)
		?.toLowerCase();
	if (method !== undefined && method !== 'get' && method !== 'post')
		throw new Error('--method takes GET or POST');
	return {
		url,
		method: method ?? 'post',
		from: argv.map((a) => valueOf(a, 'from')).find(Boolean) ?? '+13125550100',
		to: argv.map((a) => valueOf(a, 'to')).find(Boolean) ?? '+13125550199',
		inputs,
	};
}

/** The call's story, one line a step. */
export function describeRing(story: RingResult): string[] {
	const lines = story.requests.map(
		(r) =>
			`  ${r.method} ${r.url}${r.fallback ? '  (fallback)' : ''}  → ${r.problem ?? `${r.status} ${r.contentType ?? ''}`.trim()}`,
	);
	const played = story.played.map((p) => {
		const what = p.heard
			? `heard ${new URLSearchParams(p.heard).toString()}`
			: p.nouns
				? p.nouns.map((n) => `${n.noun} ${n.value}`).join(', ')
				: (p.text ?? '');
		return `  ${p.inGather ? '  ' : ''}${p.verb} ${what}`.trimEnd();
	});
	const { ended } = story;
	const where =
		ended.kind === 'conference'
			? `conference ${ended.name} (${ended.participant.muted ? 'muted' : 'not muted'}, ${ended.conferenceStatus})`
			: ended.kind === 'error'
				? `error: ${ended.reason}`
				: ended.kind === 'enqueued'
					? `queue ${ended.queue}`
					: ended.kind === 'rejected'
						? `rejected (${ended.reason})`
						: ended.kind;
	return [
		'Requests:',
		...lines,
		'Played:',
		...played,
		`Ended: ${where}`,
		`Call SID: ${story.callSid}`,
	];
}

/** Points the application at the URL and rings it once. */
export async function ringByHand(sandbox: TexmlSandbox, applicationId: string, flags: RingFlags) {
	const app = sandbox.store.calls.applications.find((a) => a.id === applicationId)!;
	app.voiceUrl = flags.url;
	app.voiceMethod = flags.method;
	const story = await sandbox.ring({
		applicationId,
		from: flags.from,
		to: flags.to,
		inputs: flags.inputs,
	});
	return describeRing(story);
}
