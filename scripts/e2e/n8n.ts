/** One n8n user folder: environment, CLI commands and the server, all on 127.0.0.1. */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';

import { run, withNode, type Runtime } from './runtime';

/** Ports handed out in this run: the system may offer a port again once it is closed. */
const handedOut = new Set<number>();

/**
 * A free TCP port on 127.0.0.1 (n8n's defaults 5678/5679 may be taken by another n8n), never one
 * handed out before in this run: two processes started together must not be given the same one,
 * nor a new worker the port of one still shutting down.
 */
export async function freePort(): Promise<number> {
	for (;;) {
		const port = await new Promise<number>((resolve, reject) => {
			const server = net.createServer();
			server.on('error', reject);
			server.listen(0, '127.0.0.1', () => {
				const { port } = server.address() as net.AddressInfo;
				server.close(() => resolve(port));
			});
		});
		if (handedOut.has(port)) continue;
		handedOut.add(port);
		return port;
	}
}

export interface N8nHome {
	runtime: Runtime;
	/** N8N_USER_FOLDER; n8n keeps its database, config and community packages in `<userFolder>/.n8n`. */
	userFolder: string;
	port: number;
	url: string;
	env: NodeJS.ProcessEnv;
}

export async function createHome(
	runtime: Runtime,
	userFolder: string,
	port?: number,
): Promise<N8nHome> {
	mkdirSync(path.join(userFolder, '.n8n'), { recursive: true });
	const listenPort = port ?? (await freePort());
	const env = withNode(runtime.nodeBin, {
		PATH: process.env.PATH,
		HOME: userFolder,
		TMPDIR: process.env.TMPDIR,
		N8N_USER_FOLDER: userFolder,
		N8N_ENCRYPTION_KEY: 'e2e-telnyx-texml-encryption-key',
		N8N_DIAGNOSTICS_ENABLED: 'false',
		N8N_PERSONALIZATION_ENABLED: 'false',
		N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
		N8N_TEMPLATES_ENABLED: 'false',
		N8N_VERIFIED_PACKAGES_ENABLED: 'false',
		N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS: 'true',
		N8N_LISTEN_ADDRESS: '127.0.0.1',
		N8N_HOST: '127.0.0.1',
		N8N_PORT: String(listenPort),
		N8N_PROTOCOL: 'http',
		N8N_SECURE_COOKIE: 'false',
		N8N_COMMUNITY_PACKAGES_ALLOW_TOOL_USAGE: 'true',
		N8N_RUNNERS_BROKER_PORT: String(await freePort()),
		N8N_RUNNERS_MODE: 'internal',
		DB_TYPE: 'sqlite',
		N8N_LOG_LEVEL: 'info',
		NODE_OPTIONS: '--max-old-space-size=2048',
		// isolated-vm ships no Node 20 build and its source build fails there; n8n 1.12x then needs
		// its classic expression engine (n8n 2.x does not use isolated-vm for expressions).
		...(runtime.isolatedVm ? {} : { N8N_EXPRESSION_ENGINE: 'legacy' }),
	});
	return { runtime, userFolder, port: listenPort, url: `http://127.0.0.1:${listenPort}`, env };
}

/** Runs `n8n <args>` to completion and returns what it printed. */
export function cli(home: N8nHome, args: string[]): Promise<string> {
	return run(path.join(home.runtime.nodeBin, 'node'), [home.runtime.n8nBin, ...args], {
		env: home.env,
		cwd: home.userFolder,
		quiet: true,
	});
}

/** Result of `n8n execute`: its exit code and the run JSON it printed after its log lines. */
export interface CliExecution {
	exitCode: number;
	output: string;
	run?: ExecutionRun;
}

export interface ExecutionRun {
	status?: string;
	finished?: boolean;
	data: {
		resultData: {
			error?: { message?: string; description?: string };
			runData: Record<
				string,
				Array<{
					error?: { message?: string; description?: string; httpCode?: string };
					data?: { main: Array<Array<{ json: Record<string, unknown> }> | null> };
				}>
			>;
		};
	};
}

/**
 * `n8n execute --id` prints log lines, then the run as pretty JSON. It exits non-zero when the
 * workflow failed, so the exit code is returned rather than thrown.
 */
export function execute(home: N8nHome, workflowId: string): Promise<CliExecution> {
	return new Promise((resolve, reject) => {
		const child = spawn(
			path.join(home.runtime.nodeBin, 'node'),
			[home.runtime.n8nBin, 'execute', `--id=${workflowId}`, '--rawOutput'],
			{ env: home.env, cwd: home.userFolder, stdio: ['ignore', 'pipe', 'pipe'] },
		);
		let output = '';
		child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
		child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
		child.on('error', reject);
		child.on('close', (code) => resolve({ exitCode: code ?? -1, output, run: parseRun(output) }));
	});
}

function parseRun(output: string): ExecutionRun | undefined {
	const lines = output.split('\n');
	const start = lines.indexOf('{');
	if (start < 0) return undefined;
	const end = lines.lastIndexOf('}');
	try {
		return JSON.parse(lines.slice(start, end + 1).join('\n')) as ExecutionRun;
	} catch {
		return undefined;
	}
}

export interface N8nServer {
	url: string;
	process: ChildProcess;
	/** What the server printed so far (for failure reports). */
	output(): string;
	stop(): Promise<void>;
}

/**
 * Starts `n8n start` and waits until the editor's REST API answers with JSON: /healthz/readiness
 * turns 200 several seconds before the REST routes are mounted.
 */
export async function startServer(home: N8nHome, timeoutMs = 120_000): Promise<N8nServer> {
	const child = spawn(path.join(home.runtime.nodeBin, 'node'), [home.runtime.n8nBin, 'start'], {
		env: home.env,
		cwd: home.userFolder,
		stdio: ['ignore', 'pipe', 'pipe'],
	});
	let output = '';
	child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
	child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
	const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
	const server: N8nServer = {
		url: home.url,
		process: child,
		output: () => output,
		stop: async () => {
			if (child.exitCode !== null || child.signalCode !== null) return;
			child.kill('SIGTERM');
			const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
			await exited;
			clearTimeout(timer);
		},
	};
	const deadline = Date.now() + timeoutMs;
	while (Date.now() < deadline) {
		if (child.exitCode !== null)
			throw new Error(`n8n start exited with ${child.exitCode}\n${output.slice(-3000)}`);
		try {
			// While starting, newer n8n answers every path with 200 "n8n is starting up" as text.
			const res = await fetch(`${home.url}/rest/settings`);
			if (res.ok && res.headers.get('content-type')?.includes('application/json')) return server;
		} catch {
			// not listening yet
		}
		await new Promise((resolve) => setTimeout(resolve, 250));
	}
	await server.stop();
	throw new Error(`n8n did not become ready within ${timeoutMs / 1000} s\n${output.slice(-3000)}`);
}

/** Writes JSON to a file for `n8n import:*`. */
export function writeJson(file: string, value: unknown) {
	mkdirSync(path.dirname(file), { recursive: true });
	writeFileSync(file, `${JSON.stringify(value, null, 2)}\n`);
}
