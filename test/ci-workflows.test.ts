import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';

import { DOCUMENT_FILE } from './support/openapi';

/**
 * The GitHub Actions workflows: CI runs the whole test command on every supported Node.js, and a
 * version tag publishes with npm provenance (what n8n's verification requires), the npm token
 * coming only from the repository's secrets and never printed.
 */
interface Step {
	name?: string;
	uses?: string;
	run?: string;
	with?: Record<string, unknown>;
	env?: Record<string, string>;
}
interface Job {
	permissions?: Record<string, string>;
	strategy?: { matrix?: Record<string, unknown[]> };
	steps: Step[];
}
interface Workflow {
	on: Record<string, { branches?: string[]; tags?: string[] } | null>;
	permissions?: Record<string, string>;
	jobs: Record<string, Job>;
}

const workflowDir = join(__dirname, '..', '.github', 'workflows');
const read = (file: string) => parse(readFileSync(join(workflowDir, file), 'utf8')) as Workflow;
const runs = (job: Job) => job.steps.map((step) => step.run?.trim()).filter(Boolean) as string[];
/** The position of the first step whose command is exactly `command`, or -1. */
const stepIndex = (job: Job, command: string) =>
	job.steps.findIndex((step) => step.run?.trim() === command);

describe('CI workflow', () => {
	const ci = read('ci.yml');

	it('runs on pushes to main and on pull requests', () => {
		expect(ci.on.push?.branches).toEqual(['main']);
		expect('pull_request' in ci.on).toBe(true);
	});

	it('installs from the lock file and runs npm test, then the load suites, on Node.js 20 and 22', () => {
		const test = ci.jobs.test;
		expect(test.strategy?.matrix?.['node-version']).toEqual([20, 22]);
		const setup = test.steps.find((step) => step.uses?.startsWith('actions/setup-node@'));
		expect(setup?.with?.['node-version']).toBe('${{ matrix.node-version }}');
		const order = ['npm ci', 'npm test', 'npm run test:load'].map((command) =>
			stepIndex(test, command),
		);
		expect(order.every((index) => index >= 0)).toBe(true);
		expect([...order].sort((a, b) => a - b)).toEqual(order);
	});

	it('runs the package in the real n8n app, also in queue mode, after the tests pass', () => {
		expect(ci.jobs.e2e).toMatchObject({ needs: 'test' });
		expect(runs(ci.jobs.e2e)).toEqual(
			expect.arrayContaining(['npm run e2e -- --ui', 'npm run e2e -- --queue']),
		);
	});
});

describe('Publish workflow', () => {
	const publish = read('publish.yml');
	const job = publish.jobs.publish;

	it('runs only when a version tag is pushed', () => {
		expect(Object.keys(publish.on)).toEqual(['push']);
		expect(publish.on.push?.branches).toBeUndefined();
		expect(publish.on.push?.tags).toEqual(['v*.*.*', '*.*.*']);
	});

	it('may mint the OIDC token that signs the provenance statement, and nothing more than read the code', () => {
		expect({ ...publish.permissions, ...job.permissions }).toEqual({
			contents: 'read',
			'id-token': 'write',
		});
	});

	it('installs, builds and tests before publishing with provenance', () => {
		const order = [
			'npm ci',
			'npm run build',
			'npm test',
			'npm publish --provenance --access public',
		].map((command) => stepIndex(job, command));
		expect(order.every((index) => index >= 0)).toBe(true);
		expect([...order].sort((a, b) => a - b)).toEqual(order);
		const setup = job.steps.find((step) => step.uses?.startsWith('actions/setup-node@'));
		expect(setup?.with?.['registry-url']).toBe('https://registry.npmjs.org');
	});

	it('publishes only the tagged version of package.json', () => {
		const check = runs(job).find((run) => run.includes('GITHUB_REF_NAME'));
		expect(check).toContain("require('./package.json').version");
		expect(check).toContain('exit 1');
	});

	it('hands the npm token to npm publish alone, through the environment', () => {
		const withToken = job.steps.filter((step) => JSON.stringify(step).includes('secrets.'));
		expect(withToken).toEqual([
			expect.objectContaining({
				run: 'npm publish --provenance --access public',
				env: { NODE_AUTH_TOKEN: '${{ secrets.NPM_TOKEN }}' },
			}),
		]);
	});
});

describe.each([
	['ci.yml', 'test'],
	['publish.yml', 'publish'],
])('%s runs the contract tests', (file, jobName) => {
	const job = read(file).jobs[jobName];

	it('puts the TeXML part of Telnyx’s OpenAPI document, from a pinned commit, where the contract suite reads it', () => {
		const fetch = job.steps.findIndex((step) => step.run?.includes('scripts/telnyx-openapi.mjs'));
		const run = job.steps[fetch]?.run ?? '';
		expect(run).toMatch(/team-telnyx\/openapi\/[0-9a-f]{40}\/openapi\/spec3\.yml/);
		expect(run).toContain(` ../shared/reference/${DOCUMENT_FILE}`);
		expect(fetch).toBeGreaterThan(stepIndex(job, 'npm ci'));
		expect(fetch).toBeLessThan(stepIndex(job, 'npm test'));
	});
});

describe.each(['ci.yml', 'publish.yml'])('%s keeps secrets secret', (file) => {
	const workflow = read(file);
	const steps = Object.values(workflow.jobs).flatMap((job) => job.steps);
	// Variables that carry a secret into a step; a command may pass them on, never print them.
	const secretVariables = steps.flatMap((step) =>
		Object.entries(step.env ?? {})
			.filter(([, value]) => value.includes('secrets.'))
			.map(([name]) => name),
	);

	it('never writes a secret into a command line', () => {
		for (const run of steps.map((step) => step.run ?? '')) expect(run).not.toMatch(/secrets\./);
	});

	it('never prints a secret, nor traces the commands that use one', () => {
		for (const run of steps.map((step) => step.run ?? '')) {
			expect(run).not.toMatch(/set -x|set -o xtrace|\bprintenv\b|^\s*env\s*$/m);
			for (const name of secretVariables) {
				expect(run).not.toMatch(new RegExp(`(echo|printf|cat|tee)\\b[^\\n]*\\$\\{?${name}\\b`));
			}
		}
	});

	it('reads secrets only in step environments, not in job or workflow settings', () => {
		const elsewhere = JSON.stringify({
			...workflow,
			jobs: Object.values(workflow.jobs).map(({ steps: _s, ...job }) => job),
		});
		expect(elsewhere).not.toMatch(/secrets\./);
	});
});
