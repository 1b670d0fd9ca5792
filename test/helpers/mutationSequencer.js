/**
 * Jest test sequencer for mutation runs only (stryker.config.json sets it).
 *
 * For each mutant Stryker runs Jest with a testNamePattern naming the tests that cover it, but
 * Jest still loads every test file to find out which of its tests match, and each of our test
 * files loads n8n's engine: about 5 s per mutant spent loading files that then run nothing.
 * This sequencer drops the files that have no test matching the pattern, using an index of
 * test names per file (scripts/mutation-test-index.mjs writes it at the start of every mutation
 * run; the OMNICHANNEL_TEST_INDEX variable names it). Without an index, for a run with no
 * pattern, for a test file the index does not know, or when no indexed file matches, every file
 * runs as before. A test renamed after the index was written would be missed: write the index
 * again (the npm scripts do) after changing tests.
 *
 * OMNICHANNEL_MUTATION_FILES (a regular expression on the test file's path) narrows a mutant's
 * files further to those that match, when any of them covers it: for a quick lower bound on a
 * file that every engine test goes through (the transport), where a mutant would otherwise run
 * most of the suite. A mutant that survives such a run may still be killed by a file left out,
 * so the score it gives can only be lower than the full one, never higher.
 */
const fs = require('node:fs');
const path = require('node:path');
const Sequencer = require('@jest/test-sequencer').default;

class MutationSequencer extends Sequencer {
	constructor(options) {
		super(options);
		this.pattern = options.globalConfig.testNamePattern;
		const file = process.env.OMNICHANNEL_TEST_INDEX;
		this.index = file && fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, 'utf8')) : undefined;
		this.only = process.env.OMNICHANNEL_MUTATION_FILES ? new RegExp(process.env.OMNICHANNEL_MUTATION_FILES) : undefined;
	}

	sort(tests) {
		const sorted = super.sort(tests);
		if (!this.pattern || !this.index) return sorted;
		const fileOf = (test) => path.relative(test.context.config.rootDir, test.path);
		// Jest matches the pattern the same way: case-insensitive, against the full test name.
		const pattern = new RegExp(this.pattern, 'i');
		const needed = sorted.filter((test) => {
			const names = this.index[fileOf(test)];
			return names === undefined || names.some((name) => pattern.test(name));
		});
		if (needed.length === 0) return sorted;
		if (!this.only) return needed;
		const narrowed = needed.filter((test) => this.only.test(fileOf(test)));
		return narrowed.length > 0 ? narrowed : needed;
	}
}

module.exports = MutationSequencer;
