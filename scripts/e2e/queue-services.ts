/**
 * PostgreSQL and Redis for n8n's queue mode, from Debian's packages: private instances on free
 * ports on 127.0.0.1, their data in a scratch folder, started as plain background processes (no
 * systemd) and stopped with the run. Installed with apt when missing and allowed (root).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { chownSync, existsSync, mkdirSync, readdirSync } from 'node:fs';
import path from 'node:path';

import { freePort } from './n8n';
import { log, run } from './runtime';

export interface Service {
	name: string;
	port: number;
	/** What the process printed so far (for failure reports). */
	output(): string;
	stop(): Promise<void>;
}

/** PostgreSQL's server binaries: on PATH, else Debian's versioned folder (the newest). */
function postgresBin(): string | undefined {
	for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
		if (dir && existsSync(path.join(dir, 'initdb')) && existsSync(path.join(dir, 'postgres')))
			return dir;
	}
	const root = '/usr/lib/postgresql';
	if (!existsSync(root)) return undefined;
	const versions = readdirSync(root)
		.filter((v) => existsSync(path.join(root, v, 'bin', 'postgres')))
		.sort((a, b) => Number(b) - Number(a));
	return versions.length > 0 ? path.join(root, versions[0], 'bin') : undefined;
}

function redisBin(): string | undefined {
	for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
		if (dir && existsSync(path.join(dir, 'redis-server'))) return path.join(dir, 'redis-server');
	}
	return existsSync('/usr/bin/redis-server') ? '/usr/bin/redis-server' : undefined;
}

const isRoot = () => process.getuid?.() === 0;

/** Installs Debian's postgresql and redis-server when a binary is missing (root only). */
export async function ensureServicePackages() {
	const missing = [!postgresBin() && 'postgresql', !redisBin() && 'redis-server'].filter(
		Boolean,
	) as string[];
	if (missing.length === 0) return;
	if (!isRoot())
		throw new Error(
			`queue mode needs ${missing.join(' and ')}: install them (apt-get install -y ${missing.join(' ')})`,
		);
	log(`installing ${missing.join(' and ')} with apt-get`);
	const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
	await run('apt-get', ['update'], { env, quiet: true });
	await run('apt-get', ['install', '-y', '--no-install-recommends', ...missing], {
		env,
		quiet: true,
	});
}

function startProcess(
	name: string,
	command: string,
	args: string[],
	port: number,
	ids: { uid?: number; gid?: number } = {},
): { child: ChildProcess; service: Service } {
	const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'], ...ids });
	let output = '';
	child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
	child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
	const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
	const service: Service = {
		name,
		port,
		output: () => output,
		stop: async () => {
			if (child.exitCode !== null || child.signalCode !== null) return;
			// PostgreSQL's "fast" shutdown on SIGINT; Redis exits on SIGTERM.
			child.kill(name === 'postgres' ? 'SIGINT' : 'SIGTERM');
			const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
			await exited;
			clearTimeout(timer);
		},
	};
	return { child, service };
}

/** Waits until a TCP port on 127.0.0.1 accepts connections, or the process has exited. */
async function waitForPort(service: Service, child: ChildProcess, timeoutMs = 60_000) {
	const net = await import('node:net');
	const deadline = Date.now() + timeoutMs;
	while (Date.now() < deadline) {
		if (child.exitCode !== null)
			throw new Error(
				`${service.name} exited with ${child.exitCode}\n${service.output().slice(-2000)}`,
			);
		const open = await new Promise<boolean>((resolve) => {
			const socket = net.connect(service.port, '127.0.0.1');
			socket.once('connect', () => (socket.destroy(), resolve(true)));
			socket.once('error', () => resolve(false));
		});
		if (open) return;
		await new Promise((resolve) => setTimeout(resolve, 200));
	}
	await service.stop();
	throw new Error(
		`${service.name} did not listen on ${service.port} within ${timeoutMs / 1000} s\n${service.output().slice(-2000)}`,
	);
}

/**
 * A private PostgreSQL cluster (user `postgres`, trust auth on 127.0.0.1, durability off: the data
 * lives for one run). PostgreSQL refuses to run as root, so as root it runs as the `postgres` user.
 */
export async function startPostgres(folder: string): Promise<Service> {
	const bin = postgresBin();
	if (!bin) throw new Error('PostgreSQL is not installed');
	const data = path.join(folder, 'data');
	mkdirSync(folder, { recursive: true });
	// The folder must be reachable by that user: make it with mkdtemp directly under /tmp.
	const ids = isRoot() ? await postgresIds() : {};
	if (ids.uid !== undefined) chownSync(folder, ids.uid, ids.gid!);
	const env = { PATH: process.env.PATH, LANG: 'C.UTF-8', HOME: folder };
	await run(
		path.join(bin, 'initdb'),
		['-D', data, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--no-sync'],
		{
			quiet: true,
			cwd: folder,
			env,
			...ids,
		},
	);
	const port = await freePort();
	const { child, service } = startProcess(
		'postgres',
		path.join(bin, 'postgres'),
		[
			'-D',
			data,
			'-h',
			'127.0.0.1',
			'-p',
			String(port),
			'-k',
			folder,
			'-c',
			'fsync=off',
			'-c',
			'synchronous_commit=off',
			'-c',
			'full_page_writes=off',
			'-c',
			'max_connections=200',
		],
		port,
		ids,
	);
	await waitForPort(service, child);
	return service;
}

async function postgresIds(): Promise<{ uid?: number; gid?: number }> {
	const [uid, gid] = await Promise.all([
		run('id', ['-u', 'postgres'], { quiet: true }),
		run('id', ['-g', 'postgres'], { quiet: true }),
	]);
	return { uid: Number(uid.trim()), gid: Number(gid.trim()) };
}

/** A private Redis: no persistence, 127.0.0.1 only. */
export async function startRedis(folder: string): Promise<Service> {
	const bin = redisBin();
	if (!bin) throw new Error('Redis is not installed');
	mkdirSync(folder, { recursive: true });
	const port = await freePort();
	const { child, service } = startProcess(
		'redis',
		bin,
		[
			'--port',
			String(port),
			'--bind',
			'127.0.0.1',
			'--save',
			'',
			'--appendonly',
			'no',
			'--dir',
			folder,
			'--daemonize',
			'no',
		],
		port,
	);
	await waitForPort(service, child);
	return service;
}
