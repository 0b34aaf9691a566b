/**
 * scripts/telnyx-openapi.mjs, which CI runs on Telnyx's whole document to lay the TeXML part beside
 * the repository: run on that part, with paths it must leave out added, it writes that part again.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';

import { DOCUMENT_PATH } from '../support/openapi';
import { describeContract } from './describe-contract';

const SCRIPT = join(__dirname, '../../scripts/telnyx-openapi.mjs');
/** Paths of the whole document that are not TeXML: the other APIs, and names that only start alike. */
const LEFT_OUT = [
	'/calls',
	'/calls/{call_control_id}/actions/answer',
	'/call_control_applications',
	'/texmlx',
	'/texml_applicationsx/{id}',
];

describeContract('The extract CI lays beside the repository', () => {
	let dir: string;
	beforeAll(() => (dir = mkdtempSync(join(tmpdir(), 'telnyx-openapi-'))));
	afterAll(() => rmSync(dir, { recursive: true, force: true }));

	test('keeps every TeXML path and the components they use, and nothing else', () => {
		const part = parse(readFileSync(DOCUMENT_PATH, 'utf8'));
		const whole = structuredClone(part);
		const other = {
			post: {
				operationId: 'Other',
				responses: { '200': { $ref: '#/components/responses/Other' } },
			},
		};
		for (const path of LEFT_OUT) whole.paths[path] = other;
		whole.components.responses.Other = { description: 'not TeXML' };
		writeFileSync(join(dir, 'spec3.yml'), stringify(whole));

		const said = execFileSync(process.execPath, [
			SCRIPT,
			join(dir, 'spec3.yml'),
			join(dir, 'out.yaml'),
		]).toString();
		const written = parse(readFileSync(join(dir, 'out.yaml'), 'utf8'));
		expect(Object.keys(written.paths).sort()).toEqual(Object.keys(part.paths).sort());
		expect(written).toEqual(part);
		expect(said).toContain(`${Object.keys(part.paths).length} paths`);
	});
});
