// `npm test` runs the quick suites; `npm run test:load` (JEST_SUITE=load) runs test/load/: many items,
// real waits and rate limits, kept apart so the quick run stays quick.
const { availableParallelism } = require('node:os');

const load = process.env.JEST_SUITE === 'load';

/** @type {import('jest').Config} */
module.exports = {
	testEnvironment: 'node',
	// Type checking is `npm run typecheck`; ts-jest only transpiles (isolatedModules).
	transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json' }] },
	testMatch: load ? ['<rootDir>/test/load/**/*.test.ts'] : ['<rootDir>/test/**/*.test.ts'],
	testPathIgnorePatterns: load ? ['/node_modules/'] : ['/node_modules/', '<rootDir>/test/load/'],
	setupFiles: ['<rootDir>/test/support/setup-env.ts'],
	// Each file spends most of its time loading n8n-core and waiting on sockets and timers: two
	// workers overlap that even on two cores (jest alone would run them one by one there).
	maxWorkers: Math.max(2, availableParallelism() - 1),
	testTimeout: load ? 180000 : 60000,
};
