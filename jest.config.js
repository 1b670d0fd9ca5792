/** Unit and engine tests: TypeScript compiled on the fly by esbuild (type-checking is the build's job). */
module.exports = {
	testEnvironment: 'node',
	roots: ['<rootDir>/test'],
	testMatch: ['**/*.test.ts'],
	testPathIgnorePatterns: ['/node_modules/', '/test/e2e/'],
	transform: { '^.+\\.ts$': '<rootDir>/test/helpers/esbuildTransform.js' },
	testTimeout: 30000,
};
