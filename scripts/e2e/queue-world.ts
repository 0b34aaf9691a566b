/**
 * Everything a queue-mode run needs, started in order and stopped in reverse, also on failure and
 * on Ctrl+C: the TeXML sandbox, PostgreSQL, Redis, the package installed once in the shared user
 * folder, the credential and workflows imported, n8n main, its workers and a webhook process, and
 * the scripted model the recap example's OpenAI credential points at.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import type { SigningKey, TexmlSandbox } from '../../sandbox';
import { openAiCredential } from './ai-context';
import { addAnsweringApplications, FALLBACK_FIXTURES } from './answering';
import { startScriptedModel, type ScriptedModel } from './model';
import { createHome, writeJson } from './n8n';
import { buildAndPack, installIntoUserFolder } from './package';
import { queueCli, startCluster, stopAllN8n, type QueueCluster } from './queue-cluster';
import { MUTE_WORKFLOW, muteWorkflow } from './queue-workflows';
import { ensureServicePackages, startPostgres, startRedis } from './queue-services';
import { EditorSession } from './rest';
import { ensureN8n, log, type Runtime } from './runtime';
import { activate } from './trigger';
import { loadWorkflows, type WorkflowFile } from './workflows';
import { credentialFixture, startWorld } from './world';

export interface QueueWorld {
	runtime: Runtime;
	sandbox: TexmlSandbox;
	cluster: QueueCluster;
	editor: EditorSession;
	/** The scripted model the imported OpenAI credential points at (the recap example's). */
	model: ScriptedModel;
	/**
	 * Signs callbacks for the credential's Public Key (the trigger case posts its own): the sandbox's
	 * key, which also signs the calls it rings.
	 */
	signer: SigningKey;
	examples: WorkflowFile[];
	/** The answer fallback fixtures (test/e2e/answer-fallback.workflow.json), imported too. */
	fallbacks: WorkflowFile[];
	/** Stops every worker, then starts `count` fresh ones (a fresh limiter in each). */
	restartWorkers(count: number): Promise<void>;
	stop(): Promise<void>;
}

const stops: Array<() => Promise<void>> = [];
let signalsHooked = false;

/** Ctrl+C or a kill stops what this run started before the process exits. */
function hookSignals() {
	if (signalsHooked) return;
	signalsHooked = true;
	for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
		process.once(signal, () => {
			log(`${signal}: stopping n8n, PostgreSQL and Redis`);
			void Promise.allSettled(
				stops
					.splice(0)
					.reverse()
					.map((stop) => stop()),
			).then(() => process.exit(130));
		});
	}
}

export async function startQueueWorld(options: {
	workers: number;
	n8n: string;
	keep?: boolean;
}): Promise<QueueWorld> {
	hookSignals();
	const started = Date.now();
	const runtime = await ensureN8n(options.n8n);
	await ensureServicePackages();
	const scratch = mkdtempSync(path.join(os.tmpdir(), 'n8n-queue-'));
	// PostgreSQL runs as its own user: its folder sits directly under the temp folder, not in scratch.
	const pgFolder = mkdtempSync(path.join(os.tmpdir(), 'n8n-queue-pg-'));
	const cleanups: Array<() => Promise<void>> = [
		async () => {
			if (options.keep) return log(`kept ${scratch}`);
			rmSync(scratch, { recursive: true, force: true });
			rmSync(pgFolder, { recursive: true, force: true });
		},
	];
	const stop = async () => {
		const index = stops.indexOf(stop);
		if (index >= 0) stops.splice(index, 1);
		for (const cleanup of cleanups.splice(0).reverse()) {
			await cleanup().catch((error: unknown) =>
				log(`stopping: ${error instanceof Error ? error.message : String(error)}`),
			);
		}
	};
	stops.push(stop);
	try {
		const sandbox = await startWorld();
		addAnsweringApplications(sandbox);
		cleanups.push(() => sandbox.close());
		const [postgres, redis] = await Promise.all([
			startPostgres(pgFolder),
			startRedis(path.join(scratch, 'redis')),
		]);
		cleanups.push(
			() => postgres.stop(),
			() => redis.stop(),
		);
		log(`PostgreSQL on ${postgres.port}, Redis on ${redis.port}, sandbox ${sandbox.baseUrl}`);
		const model = await startScriptedModel();
		cleanups.push(() => model.close());

		const tarball = await buildAndPack(scratch);
		const home = await createHome(runtime, path.join(scratch, 'user'));
		await installIntoUserFolder(home.userFolder, tarball);
		const signer = { publicKey: sandbox.publicKey, sign: sandbox.statusCallbacks.sign };
		writeJson(path.join(scratch, 'credentials.json'), [
			...credentialFixture(sandbox),
			openAiCredential(model),
		]);
		const workflows = loadWorkflows();
		const examples = workflows.filter((w) => w.example);
		const fallbacks = workflows.filter((w) => w.file.endsWith(FALLBACK_FIXTURES));
		writeJson(path.join(scratch, 'workflows.json'), [
			muteWorkflow(),
			...[...examples, ...fallbacks].map((w) => w.workflow),
		]);
		await queueCli(home, postgres, redis, [
			'import:credentials',
			`--input=${path.join(scratch, 'credentials.json')}`,
		]);
		await queueCli(home, postgres, redis, [
			'import:workflow',
			`--input=${path.join(scratch, 'workflows.json')}`,
		]);

		// Registered before main starts: a stop while the cluster is starting reaches it too.
		cleanups.push(() => stopAllN8n());
		const cluster = await startCluster(home, postgres, redis);
		const editor = new EditorSession(cluster.main.url);
		await editor.signIn();
		await activate(editor, MUTE_WORKFLOW.id);
		await cluster.startWebhook();
		await cluster.startWorkers(options.workers);
		log(
			`n8n ${runtime.n8nVersion} in queue mode: main ${cluster.main.url}, webhook ${cluster.webhook?.url}, ${options.workers} workers (ready after ${((Date.now() - started) / 1000).toFixed(0)} s)`,
		);

		return {
			runtime,
			sandbox,
			cluster,
			editor,
			model,
			signer,
			examples,
			fallbacks,
			restartWorkers: async (count) => {
				await Promise.all(cluster.workers.splice(0).map((w) => w.stop()));
				await cluster.startWorkers(count);
			},
			stop,
		};
	} catch (error) {
		await stop();
		throw error;
	}
}
