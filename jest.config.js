/** @type {import('jest').Config} */
module.exports = {
	testEnvironment: 'node',
	// Type checking is `npm run typecheck`; ts-jest only transpiles (isolatedModules).
	transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json' }] },
	testMatch: ['<rootDir>/test/**/*.test.ts'],
	setupFiles: ['<rootDir>/test/support/setup-env.ts'],
	testTimeout: 60000,
};
