/**
 * n8n in queue mode as an operator runs it: one main process, `n8n worker` processes and one
 * `n8n webhook` process, sharing PostgreSQL, Redis and one user folder (where the community
 * package is installed once), each on its own free ports on 127.0.0.1.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';

import { freePort, type N8nHome } from './n8n';
import type { Service } from './queue-services';
import { run } from './runtime';

export interface N8nProcess {
	/** `main`, `webhook`, `worker-1`, … */
	name: string;
	url: string;
	child: ChildProcess;
	output(): string;
	/** Execution ids this process said it ran (workers: "Worker started execution N"). */
	executions(): string[];
	stop(signal?: NodeJS.Signals): Promise<void>;
}

export interface QueueCluster {
	home: N8nHome;
	main: N8nProcess;
	webhook?: N8nProcess;
	workers: N8nProcess[];
	/** Runs SQL against n8n's database; rows as arrays of strings. */
	sql(query: string): Promise<string[][]>;
	startWorkers(count: number): Promise<void>;
	startWebhook(): Promise<void>;
	stop(): Promise<void>;
}

/** The settings every process of the cluster shares (n8n docs, "Configuring queue mode"). */
export function queueEnv(home: N8nHome, postgres: Service, redis: Service): NodeJS.ProcessEnv {
	return {
		...home.env,
		EXECUTIONS_MODE: 'queue',
		OFFLOAD_MANUAL_EXECUTIONS_TO_WORKERS: 'true',
		QUEUE_BULL_REDIS_HOST: '127.0.0.1',
		QUEUE_BULL_REDIS_PORT: String(redis.port),
		DB_TYPE: 'postgresdb',
		DB_POSTGRESDB_HOST: '127.0.0.1',
		DB_POSTGRESDB_PORT: String(postgres.port),
		DB_POSTGRESDB_DATABASE: 'postgres',
		DB_POSTGRESDB_USER: 'postgres',
		DB_POSTGRESDB_PASSWORD: '',
		// Workers report "started execution" at info level; the rest of the log stays readable.
		N8N_LOG_LEVEL: 'info',
		QUEUE_HEALTH_CHECK_ACTIVE: 'true',
		N8N_WORKER_SERVER_ADDRESS: '127.0.0.1',
		// Binary data (a downloaded recording) in PostgreSQL, which every process reads: a file on
		// a worker's disk would be out of main's reach. n8n 2.x defaults to it in queue mode; said
		// here so that the e2e does not depend on that default (s3 needs an enterprise licence).
		N8N_DEFAULT_BINARY_DATA_MODE: 'database',
	};
}

const STARTED = /started execution (\d+)/i;

/** Every n8n process this run started and that still runs; none start once closing. */
const running = new Set<N8nProcess>();
let closing = false;

/** Stops every n8n process of this run (also those of a cluster still starting) and starts no more. */
export async function stopAllN8n() {
	closing = true;
	await Promise.all([...running].map((p) => p.stop()));
}

async function spawnN8n(
	home: N8nHome,
	env: NodeJS.ProcessEnv,
	name: string,
	args: string[],
	port: number,
): Promise<N8nProcess> {
	const processEnv = {
		...env,
		N8N_PORT: String(port),
		QUEUE_HEALTH_CHECK_PORT: String(port),
		N8N_RUNNERS_BROKER_PORT: String(await freePort()),
	};
	if (closing) throw new Error(`not starting ${name}: the run is stopping`);
	// Its own process group, so that stopping (or killing) it reaches its task runner too.
	const child = spawn(path.join(home.runtime.nodeBin, 'node'), [home.runtime.n8nBin, ...args], {
		env: processEnv,
		cwd: home.userFolder,
		stdio: ['ignore', 'pipe', 'pipe'],
		detached: true,
	});
	let output = '';
	const executions: string[] = [];
	const collect = (chunk: Buffer) => {
		const text = chunk.toString();
		output += text;
		for (const line of text.split('\n')) {
			const match = STARTED.exec(line);
			if (match) executions.push(match[1]);
		}
	};
	child.stdout?.on('data', collect);
	child.stderr?.on('data', collect);
	const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
	const proc: N8nProcess = {
		name,
		url: `http://127.0.0.1:${port}`,
		child,
		output: () => output,
		executions: () => [...executions],
		stop: async (signal = 'SIGTERM') => {
			const group = (sig: NodeJS.Signals) => {
				try {
					process.kill(-child.pid!, sig);
				} catch {
					// already gone
				}
			};
			if (child.exitCode !== null || child.signalCode !== null) return group('SIGKILL');
			group(signal);
			const timer = setTimeout(() => group('SIGKILL'), 20_000);
			await exited;
			clearTimeout(timer);
			group('SIGKILL'); // whatever of the group outlived n8n (its task runner)
			running.delete(proc);
		},
	};
	running.add(proc);
	return proc;
}

/** Waits until a process answers `path` with 200 (and JSON when asked), or fails with its log tail. */
async function waitReady(proc: N8nProcess, urlPath: string, json: boolean, timeoutMs = 180_000) {
	const deadline = Date.now() + timeoutMs;
	while (Date.now() < deadline) {
		if (proc.child.exitCode !== null)
			throw new Error(
				`${proc.name} exited with ${proc.child.exitCode}\n${proc.output().slice(-3000)}`,
			);
		try {
			const res = await fetch(`${proc.url}${urlPath}`);
			if (res.ok && (!json || res.headers.get('content-type')?.includes('application/json')))
				return;
		} catch {
			// not listening yet
		}
		await new Promise((resolve) => setTimeout(resolve, 300));
	}
	await proc.stop();
	throw new Error(
		`${proc.name} was not ready within ${timeoutMs / 1000} s\n${proc.output().slice(-3000)}`,
	);
}

/**
 * A worker on a free port, ready; a port another process took in between (the worker says it is
 * "already in use" and exits) means another try on another port.
 */
async function startWorkerOn(
	home: N8nHome,
	env: NodeJS.ProcessEnv,
	name: string,
	concurrency: number,
) {
	for (let attempt = 1; ; attempt++) {
		const worker = await spawnN8n(
			home,
			env,
			name,
			['worker', `--concurrency=${concurrency}`],
			await freePort(),
		);
		try {
			await waitReady(worker, '/healthz/readiness', false);
			return worker;
		} catch (error) {
			await worker.stop();
			if (attempt >= 3 || !worker.output().includes('already in use')) throw error;
		}
	}
}

/**
 * Starts main (the database is migrated and the workflows imported by then), then waits for its REST
 * API. Every process gets WEBHOOK_URL = the webhook process's origin (its port is chosen here), as an
 * operator sets it behind a load balancer: the production URLs n8n hands out (a trigger registering
 * its URL with Telnyx on activation) then point at the webhook process, not at main.
 */
export async function startCluster(
	home: N8nHome,
	postgres: Service,
	redis: Service,
	concurrency = 10,
): Promise<QueueCluster> {
	const webhookPort = await freePort();
	const env = {
		...queueEnv(home, postgres, redis),
		WEBHOOK_URL: `http://127.0.0.1:${webhookPort}/`,
	};
	const main = await spawnN8n(home, env, 'main', ['start'], home.port);
	await waitReady(main, '/rest/settings', true);
	const workers: N8nProcess[] = [];
	const startWorker = async (name: string) => await startWorkerOn(home, env, name, concurrency);
	const cluster: QueueCluster = {
		home,
		main,
		workers,
		sql: async (query) => {
			const out = await run(
				'psql',
				[
					'-h',
					'127.0.0.1',
					'-p',
					String(postgres.port),
					'-U',
					'postgres',
					'-d',
					'postgres',
					'-At',
					'-F',
					'\t',
					'-c',
					query,
				],
				{ quiet: true, env: { ...process.env, PGCONNECT_TIMEOUT: '10' } },
			);
			return out
				.split('\n')
				.filter((line) => line.length > 0)
				.map((line) => line.split('\t'));
		},
		startWorkers: async (count) => {
			const first = workers.length;
			const started = await Promise.all(
				Array.from({ length: count }, async (_, i) => await startWorker(`worker-${first + i + 1}`)),
			);
			workers.push(...started);
		},
		startWebhook: async () => {
			cluster.webhook = await spawnN8n(home, env, 'webhook', ['webhook'], webhookPort);
			await waitReady(cluster.webhook, '/healthz/readiness', false);
		},
		stop: async () => {
			await Promise.all(
				[...workers, ...(cluster.webhook ? [cluster.webhook] : [])].map((p) => p.stop()),
			);
			await main.stop();
		},
	};
	return cluster;
}

/** `n8n <args>` (import and the like) against the cluster's database. */
export function queueCli(home: N8nHome, postgres: Service, redis: Service, args: string[]) {
	return run(path.join(home.runtime.nodeBin, 'node'), [home.runtime.n8nBin, ...args], {
		env: { ...queueEnv(home, postgres, redis), N8N_RUNNERS_BROKER_PORT: undefined },
		cwd: home.userFolder,
		quiet: true,
	});
}
