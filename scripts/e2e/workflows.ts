/** The workflows imported into n8n: the e2e fixtures and the examples shipped in `examples/`. */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

import { ROOT } from './runtime';
import { WORLD } from './world';

export interface WorkflowFile {
	file: string;
	workflow: {
		id: string;
		name: string;
		nodes: Array<{
			type: string;
			name: string;
			credentials?: Record<string, { id: string; name: string }>;
		}>;
	};
	example: boolean;
}

function read(dir: string): string[] {
	const folder = path.join(ROOT, dir);
	if (!existsSync(folder)) return [];
	return readdirSync(folder)
		.filter((f) => f.endsWith('.workflow.json'))
		.sort()
		.map((f) => path.join(folder, f));
}

/** The id an example gets in n8n (n8n allows 21 characters). */
export function exampleId(file: string) {
	return `ex-${path.basename(file, '.workflow.json')}`.slice(0, 21);
}

/**
 * Examples carry no workflow id and may name another credential; they get a stable id (n8n allows
 * 21 characters) and the sandbox credential, so they run as shipped against the sandbox.
 */
export function loadWorkflows(): WorkflowFile[] {
	const fixtures = read('test/e2e').flatMap((file) =>
		(JSON.parse(readFileSync(file, 'utf8')) as Array<WorkflowFile['workflow']>).map((workflow) => ({
			file,
			workflow,
			example: false,
		})),
	);
	const examples = read('examples').map((file) => {
		const workflow = JSON.parse(readFileSync(file, 'utf8')) as WorkflowFile['workflow'];
		workflow.id = exampleId(file);
		for (const node of workflow.nodes) {
			if (node.credentials?.telnyxTexmlApi) {
				node.credentials.telnyxTexmlApi = { id: WORLD.credentialId, name: WORLD.credentialName };
			}
		}
		return { file, workflow, example: true };
	});
	return [...fixtures, ...examples];
}

export const MANUAL_TRIGGER = 'n8n-nodes-base.manualTrigger';
