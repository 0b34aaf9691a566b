/**
 * P8: Recording → Download of a 100 MB recording (a 55-minute dual-channel WAV) from the sandbox:
 * wall time against a plain `fetch` to a file (look-up, then the media link), and the process's
 * peak RSS growth, with n8n's in-memory binary mode (`default`) and its `filesystem` mode.
 *
 * Each measure runs in a fresh child process (the sandbox stays in the parent, so its memory is not
 * counted). Peak RSS is the kernel's high-water mark (VmHWM), reset through /proc/self/clear_refs
 * once the child has warmed up: no sampling gaps while the event loop is busy. Linux only.
 *
 * `npm run bench -- --download` prints only this row; `npm run bench` includes it.
 */
import { spawn } from 'node:child_process';
import {
	createWriteStream,
	mkdtempSync,
	readFileSync,
	rmSync,
	statSync,
	writeFileSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';

import type { IBinaryData } from 'n8n-workflow';

import { startSandbox } from '../sandbox';
import { median } from './stats';

type Mode = 'fetch' | 'default' | 'filesystem';

interface Measure {
	mode: Mode;
	seconds: number;
	/** Peak RSS minus RSS before the download, in bytes. */
	peakGrowth: number;
	bytes: number;
}

/** 3 277 s of 8 kHz 16-bit stereo: 104 864 044 bytes, just over 100 MiB. */
const SECONDS = 3277;
const ROUNDS = 5;

const rssNow = () => process.memoryUsage.rss();

function peakRss(): number {
	const match = /VmHWM:\s+(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'));
	return Number(match?.[1] ?? 0) * 1024;
}

/** Sets the high-water mark back to the current RSS (Linux: `5` to clear_refs). */
function resetPeak() {
	writeFileSync('/proc/self/clear_refs', '5');
}

interface ChildInput {
	mode: Mode;
	baseUrl: string;
	apiKey: string;
	accountSid: string;
	warmSid: string;
	sid: string;
	dir: string;
}

/** Runs in the child: warms up with a small recording, then measures the big one. */
async function child(input: ChildInput): Promise<Measure> {
	if (input.mode === 'filesystem') {
		const { Container } = await import('@n8n/di');
		const { BinaryDataService } = await import('n8n-core');
		await Container.get(BinaryDataService).init();
	}
	const run = async (sid: string): Promise<number> => {
		if (input.mode === 'fetch') {
			const url = `${input.baseUrl}/texml/Accounts/${input.accountSid}/Recordings/${sid}.json`;
			const answer = await fetch(url, { headers: { authorization: `Bearer ${input.apiKey}` } });
			const recording = (await answer.json()) as { media_url: string };
			const media = await fetch(recording.media_url);
			const file = path.join(input.dir, `${sid}.wav`);
			await pipeline(Readable.fromWeb(media.body as never), createWriteStream(file));
			return statSync(file).size;
		}
		const { runNode } = await import('../test/support/engine');
		const { sourcePackage } = await import('../test/support/fixtures');
		const { output, error } = await runNode(
			{
				package: sourcePackage(),
				credentials: { telnyxTexmlApi: { apiKey: input.apiKey, baseUrl: input.baseUrl } },
			},
			{
				type: 'n8n-nodes-telnyx-texml.telnyxTexml',
				parameters: {
					resource: 'recording',
					operation: 'download',
					accountSid: input.accountSid,
					recordingSid: sid,
				} as never,
			},
		);
		if (error) throw error;
		const binary = output[0].binary?.data as IBinaryData;
		return binary.bytes ?? Buffer.from(binary.data, 'base64').length;
	};
	await run(input.warmSid);
	global.gc?.();
	const before = rssNow();
	resetPeak();
	const started = process.hrtime.bigint();
	const bytes = await run(input.sid);
	const seconds = Number(process.hrtime.bigint() - started) / 1e9;
	return { mode: input.mode, seconds, peakGrowth: peakRss() - before, bytes };
}

function spawnChild(input: ChildInput): Promise<Measure> {
	return new Promise((resolve, reject) => {
		const env = {
			...process.env,
			N8N_LOG_LEVEL: 'silent',
			N8N_USER_FOLDER: input.dir,
			N8N_DEFAULT_BINARY_DATA_MODE: input.mode === 'filesystem' ? 'filesystem' : 'default',
			N8N_BINARY_DATA_STORAGE_PATH: path.join(input.dir, 'binary'),
		};
		const proc = spawn(process.execPath, ['--expose-gc', __filename, '--child'], {
			env,
			stdio: ['pipe', 'pipe', 'inherit'],
		});
		let out = '';
		proc.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
		proc.on('close', (code) =>
			code === 0
				? resolve(JSON.parse(out) as Measure)
				: reject(new Error(`P8 child: exit ${code}`)),
		);
		proc.stdin.end(JSON.stringify(input));
	});
}

/** The P8 rows of the benchmark table. */
export async function downloadFigures(log: (line: string) => void): Promise<string[][]> {
	const sandbox = await startSandbox();
	const dir = mkdtempSync(path.join(os.tmpdir(), 'telnyx-p8-'));
	try {
		const conference = sandbox.store.addConference(sandbox.account.sid);
		const warm = sandbox.store.addRecording(conference, { duration: 5, channels: 2 });
		const big = sandbox.store.addRecording(conference, { duration: SECONDS, channels: 2 });
		const input = (mode: Mode): ChildInput => ({
			mode,
			baseUrl: sandbox.baseUrl,
			apiKey: sandbox.account.apiKey,
			accountSid: sandbox.account.sid,
			warmSid: warm.sid,
			sid: big.sid,
			dir,
		});
		const results: Record<Mode, Measure[]> = { fetch: [], default: [], filesystem: [] };
		for (let round = 0; round < ROUNDS; round++) {
			for (const mode of ['fetch', 'default', 'filesystem'] as const) {
				log(`P8: ${mode}, round ${round + 1} of ${ROUNDS}…`);
				const measure = await spawnChild(input(mode));
				if (measure.bytes !== (await sandbox.media.fingerprint(big)).bytes)
					throw new Error(`P8 ${mode}: ${measure.bytes} bytes arrived`);
				results[mode].push(measure);
			}
		}
		const size = results.fetch[0].bytes;
		const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;
		const wall = (mode: Mode) => median(results[mode].map((m) => m.seconds));
		const peak = (mode: Mode) => median(results[mode].map((m) => m.peakGrowth));
		const x = (n: number) => `${n.toFixed(2)}×`;
		const row = (mode: 'default' | 'filesystem', limit: number, limitText: string) => {
			const ratio = wall(mode) / wall('fetch');
			return [
				`P8 download of a ${mb(size)} recording, ${mode} binary mode (median of ${ROUNDS})`,
				`${wall(mode).toFixed(2)} s, peak RSS +${mb(peak(mode))} (${x(peak(mode) / size)} the file)`,
				`plain fetch to a file: ${wall('fetch').toFixed(2)} s, peak RSS +${mb(peak('fetch'))}`,
				x(ratio),
				`peak ≤ ${limitText}: ${peak(mode) <= limit ? 'met' : 'NOT met'}; wall ≤ 1.2×: ${ratio <= 1.2 ? 'met' : 'NOT met'}`,
			];
		};
		return [
			row('default', 1.2 * size, '1.2× the file'),
			row('filesystem', 32 * 1024 * 1024, '32 MB'),
		];
	} finally {
		await sandbox.close();
		rmSync(dir, { recursive: true, force: true });
	}
}

if (process.argv.includes('--child')) {
	let raw = '';
	process.stdin.on('data', (chunk: Buffer) => (raw += chunk.toString()));
	process.stdin.on('end', () => {
		child(JSON.parse(raw) as ChildInput).then(
			(measure) => {
				process.stdout.write(JSON.stringify(measure));
				process.exit(0);
			},
			(error: Error) => {
				process.stderr.write(`${error.stack ?? error}\n`);
				process.exit(1);
			},
		);
	});
}
