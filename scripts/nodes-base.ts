/**
 * n8n's own nodes (n8n-nodes-base), for the scripts that run workflows with core nodes in them (the
 * benchmark's HTTP Request node, the demo's Set and Switch): installed on first use into
 * .cache/bench, with install scripts off, in the release built with the same n8n-core and
 * n8n-workflow as the dev dependencies. `npm test` never needs it.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

import type { INodeType, IVersionedNodeType } from 'n8n-workflow';

const ROOT = path.resolve(__dirname, '..', '..');
const CACHE = path.join(ROOT, '.cache', 'bench');
export const NODES_BASE_VERSION = '2.41.1';

function ensureNodesBase(log: (line: string) => void): string {
	const folder = path.join(CACHE, 'node_modules', 'n8n-nodes-base');
	const installed = path.join(folder, 'package.json');
	const version = existsSync(installed)
		? JSON.parse(readFileSync(installed, 'utf8')).version
		: undefined;
	if (version !== NODES_BASE_VERSION) {
		log(`Installing n8n-nodes-base@${NODES_BASE_VERSION} into .cache/bench (once; a few minutes)…`);
		mkdirSync(CACHE, { recursive: true });
		writeFileSync(
			path.join(CACHE, 'package.json'),
			JSON.stringify(
				{
					name: 'bench-cache',
					private: true,
					dependencies: { 'n8n-nodes-base': NODES_BASE_VERSION },
					// Older releases fetch xlsx from a CDN; the registry republish is the same code.
					overrides: { xlsx: 'npm:@e965/xlsx@0.20.2' },
				},
				null,
				2,
			),
		);
		execFileSync(
			'npm',
			['install', '--ignore-scripts', '--no-audit', '--no-fund', '--loglevel=error'],
			{ cwd: CACHE, stdio: ['ignore', 'inherit', 'inherit'] },
		);
	}
	return folder;
}

/** One node of n8n-nodes-base by its folder and class, e.g. `('Switch', 'Switch')`. */
export function coreNode(
	folder: string,
	className: string,
	log: (line: string) => void,
): INodeType | IVersionedNodeType {
	const file = path.join(ensureNodesBase(log), 'dist', 'nodes', folder, `${folder}.node.js`);
	// eslint-disable-next-line @typescript-eslint/no-require-imports
	const loaded = require(file) as Record<string, new () => INodeType | IVersionedNodeType>;
	return new loaded[className]();
}
