#!/usr/bin/env node
// Writes reports/test-index.json: the full name of every test, per test file, for the mutation
// runs' test sequencer (test/helpers/mutationSequencer.js). Jest collects every test without
// running any (the pattern matches none), which takes a few seconds.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const out = path.resolve('reports/test-index.json');
const json = path.resolve(`reports/test-index.${process.pid}.jest.json`);
fs.mkdirSync('reports', { recursive: true });
try {
	execFileSync(
		process.execPath,
		['node_modules/jest/bin/jest.js', '--testNamePattern', '^$no test has this name^', '--json', '--outputFile', json],
		{ stdio: ['ignore', 'ignore', 'pipe'] },
	);
} catch {
	// Jest exits 1 when no test ran, which is the point; a real failure leaves no JSON.
}
const { testResults } = JSON.parse(fs.readFileSync(json, 'utf8'));
const index = Object.fromEntries(
	testResults.map((file) => [path.relative(process.cwd(), file.name), file.assertionResults.map((test) => test.fullName)]),
);
// Written whole, then renamed: a mutation run reading it meanwhile sees the old index or the new one.
fs.writeFileSync(`${out}.tmp`, JSON.stringify(index, null, '\t'));
fs.renameSync(`${out}.tmp`, out);
fs.rmSync(json);
const tests = Object.values(index).reduce((sum, names) => sum + names.length, 0);
console.log(`${out}: ${tests} tests in ${Object.keys(index).length} files`);
