/** Unit and engine tests: TypeScript compiled on the fly by esbuild (type-checking is the build's job). */
module.exports = {
	testEnvironment: 'node',
	roots: ['<rootDir>/test'],
	testMatch: ['**/*.test.ts'],
	testPathIgnorePatterns: ['/node_modules/', '/test/e2e/'],
	transform: { '^.+\\.ts$': '<rootDir>/test/helpers/esbuildTransform.js' },
	testTimeout: 30000,
	// One file at a time: the rate-limit tests measure timing, which a second worker competing
	// for the machine's two cores would skew.
	maxWorkers: 1,
};
