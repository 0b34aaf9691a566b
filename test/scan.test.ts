import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * `npm run scan` (part of `npm test`) is n8n's verification scan run locally. Proof that it can fail
 * as the real one does: n8n ignores inline eslint-disable comments, so a disabled rule still counts.
 */
describe('n8n verification scan', () => {
	const root = join(__dirname, '..');
	let dir: string;
	beforeAll(() => {
		dir = mkdtempSync(join(tmpdir(), 'scan-test-'));
		copyFileSync(join(root, 'package.json'), join(dir, 'package.json'));
		mkdirSync(join(dir, 'nodes', 'Demo'), { recursive: true });
	});
	afterAll(() => rmSync(dir, { recursive: true, force: true }));

	it('fails a console.log in node code even under an eslint-disable comment', () => {
		writeFileSync(
			join(dir, 'nodes', 'Demo', 'helper.ts'),
			['// eslint-disable-next-line no-console', 'console.log("debug");', ''].join('\n'),
		);
		const scan = spawnSync(process.execPath, [join(root, 'scripts', 'scan.mjs'), '--source', '--dir', dir], {
			encoding: 'utf8',
		});
		expect(scan.stdout).toContain('scan source: FAILED');
		expect(scan.stdout).toMatch(/helper\.ts\s+2:1\s+error\s+Unexpected console statement\s+no-console/);
		expect(scan.status).toBe(1);
	});
});
