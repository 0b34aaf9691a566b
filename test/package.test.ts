import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

import { loadPackage } from './support/engine';

/** The built package as n8n's own loader sees it (npm test builds before running jest). */
describe('the built package', () => {
	const root = join(__dirname, '..');
	const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));

	it('declares itself as an n8n community package with no runtime dependencies', () => {
		expect(pkg.name).toBe('n8n-nodes-telnyx-texml');
		expect(pkg.keywords).toContain('n8n-community-node-package');
		expect(pkg.dependencies).toBeUndefined();
		expect(pkg.peerDependencies).toEqual({ 'n8n-workflow': '*' });
		expect(pkg.files).toEqual(['dist']);
		expect(pkg.n8n.n8nNodesApiVersion).toBe(1);
	});

	it('loads through n8n’s PackageDirectoryLoader with its node, credential, icons and codex', async () => {
		const loaded = await loadPackage(root);
		const node = loaded.nodes['n8n-nodes-telnyx-texml.telnyxTexml'];
		expect(node.description.displayName).toBe('Telnyx TeXML');
		expect(node.description.usableAsTool).toMatchObject({
			replacements: { description: expect.any(String) },
		});
		expect(loaded.credentials.map((c) => c.name)).toContain('telnyxTexmlApi');
		for (const file of [
			'dist/nodes/TelnyxTexml/telnyx.svg',
			'dist/nodes/TelnyxTexml/telnyx.dark.svg',
		]) {
			expect(existsSync(join(root, file))).toBe(true);
		}
		const codex = JSON.parse(
			readFileSync(join(root, 'dist/nodes/TelnyxTexml/TelnyxTexml.node.json'), 'utf8'),
		);
		expect(codex.categories).toEqual(['Communication']);
	});

	it('loads the Telnyx TeXML Trigger with its codex, reusing the node icons', async () => {
		const loaded = await loadPackage(root);
		const trigger = loaded.nodes['n8n-nodes-telnyx-texml.telnyxTexmlTrigger'];
		expect(trigger.description.displayName).toBe('Telnyx TeXML Trigger');
		// The loader turns `file:../TelnyxTexml/…` into the URL n8n serves the shared icon files at.
		expect(trigger.description.iconUrl).toEqual({
			light: 'icons/n8n-nodes-telnyx-texml/dist/nodes/TelnyxTexml/telnyx.svg',
			dark: 'icons/n8n-nodes-telnyx-texml/dist/nodes/TelnyxTexml/telnyx.dark.svg',
		});
		const codex = JSON.parse(
			readFileSync(
				join(root, 'dist/nodes/TelnyxTexmlTrigger/TelnyxTexmlTrigger.node.json'),
				'utf8',
			),
		);
		expect([codex.node, codex.categories]).toEqual([
			'n8n-nodes-telnyx-texml.telnyxTexmlTrigger',
			['Communication'],
		]);
	});

	it('loads the Telnyx TeXML Response node with its codex, reusing the node icons', async () => {
		const loaded = await loadPackage(root);
		const response = loaded.nodes['n8n-nodes-telnyx-texml.telnyxTexmlResponse'];
		expect(response.description.displayName).toBe('Telnyx TeXML Response');
		expect(typeof response.execute).toBe('function');
		expect(response.description.usableAsTool).toBeUndefined();
		expect(response.description.iconUrl).toEqual({
			light: 'icons/n8n-nodes-telnyx-texml/dist/nodes/TelnyxTexml/telnyx.svg',
			dark: 'icons/n8n-nodes-telnyx-texml/dist/nodes/TelnyxTexml/telnyx.dark.svg',
		});
		const codex = JSON.parse(
			readFileSync(
				join(root, 'dist/nodes/TelnyxTexmlResponse/TelnyxTexmlResponse.node.json'),
				'utf8',
			),
		);
		expect([codex.node, codex.categories]).toEqual([
			'n8n-nodes-telnyx-texml.telnyxTexmlResponse',
			['Communication'],
		]);
	});

	// The documentation beyond the README lives in the repository: docs/ would only weigh on every install.
	it('packs the built code, the README, the licence and package.json, and nothing else', () => {
		const [packed] = JSON.parse(
			execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], {
				cwd: root,
				encoding: 'utf8',
				stdio: ['ignore', 'pipe', 'ignore'],
			}),
		) as Array<{ files: Array<{ path: string }>; size: number }>;
		const paths = packed.files.map((f) => f.path);
		expect(paths.filter((p) => !p.startsWith('dist/')).sort()).toEqual([
			'LICENSE',
			'README.md',
			'package.json',
		]);
		expect(paths).toContain('dist/nodes/TelnyxTexml/TelnyxTexml.node.js');
		expect(paths.filter((p) => p.startsWith('docs/') || p.endsWith('.png'))).toEqual([]);
		expect(packed.size).toBeLessThanOrEqual(100 * 1024);
	});

	// scripts/build.js: one file per node and credential, and the code several of them import once in
	// shared.js, so each source module runs once per process (one limiter per API key for all nodes).
	it('bundles each source module into exactly one built file', () => {
		const files = listJs(join(root, 'dist'));
		expect(files.map((f) => relative(root, f)).sort()).toEqual(
			[...pkg.n8n.nodes, ...pkg.n8n.credentials, 'dist/shared.js'].sort(),
		);
		const builtIn = new Map<string, string>();
		for (const file of files) {
			const code = readFileSync(file, 'utf8');
			for (const [, source] of code.matchAll(/^\/\/ ((?:nodes|credentials)\/\S+\.ts)$/gm)) {
				expect([source, builtIn.get(source) ?? file]).toEqual([source, file]);
				builtIn.set(source, file);
			}
		}
		expect(builtIn.get('nodes/TelnyxTexml/transport/limiter.ts')).toBe(
			join(root, 'dist/shared.js'),
		);
	});

	// node:crypto verifies the trigger's Ed25519 signatures; n8n's community-package scan allows it.
	it('compiled node and credential code requires nothing but n8n-workflow, crypto and its own files', () => {
		const compiled = ['dist/nodes', 'dist/credentials']
			.flatMap((dir) => listJs(join(root, dir)))
			.map((file) => readFileSync(file, 'utf8'));
		const required = new Set(
			compiled.flatMap((code) => [...code.matchAll(/require\("([^"]+)"\)/g)].map((m) => m[1])),
		);
		for (const name of required) {
			expect(['n8n-workflow', 'crypto', 'node:crypto'].includes(name) || name.startsWith('.')).toBe(
				true,
			);
		}
	});
});

function listJs(dir: string): string[] {
	const { readdirSync, statSync } = require('node:fs') as typeof import('node:fs');
	return readdirSync(dir).flatMap((entry) => {
		const path = join(dir, entry);
		return statSync(path).isDirectory() ? listJs(path) : path.endsWith('.js') ? [path] : [];
	});
}
