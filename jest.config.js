/** Unit and engine tests: TypeScript compiled on the fly by esbuild (type-checking is the build's job). */
module.exports = {
	testEnvironment: 'node',
	roots: ['<rootDir>/test'],
	testMatch: ['**/*.test.ts'],
	testPathIgnorePatterns: ['/node_modules/', '/test/e2e/'],
	transform: { '^.+\\.ts$': '<rootDir>/test/helpers/esbuildTransform.js' },
	testTimeout: 30000,
	// One file at a time, to spare a small machine (each file starts its own mock API and n8n
	// engine). No test depends on timing: the limiter's is tested on a virtual clock
	// (test/bulk/virtualClock.ts) and measured by `npm run bench`.
	maxWorkers: 1,
};
