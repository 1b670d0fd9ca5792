// The real-n8n suite: our packed tarball installed as a community package into n8n 2.40.7,
// credentials and workflows imported with n8n's CLI, each workflow run with `n8n execute`
// against the mock API; assertions on n8n's output and on what the mock received.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';

import { ensureN8n, installPackage, n8n, root } from '../../scripts/n8n-host.mjs';
import { credentialsFor, SECRETS, workflowFor } from './workflow.mjs';

const require = createRequire(import.meta.url);
const { startMockApi } = require('../mock/mockApi.js');

const caseFiles = fs
	.readdirSync(path.join(import.meta.dirname, 'cases'))
	.filter((file) => file.endsWith('.mjs'))
	.sort();
const suites = [];
for (const file of caseFiles) {
	const module = await import(`./cases/${file}`);
	suites.push({ name: module.title ?? file, cases: module.cases });
}

let mock;
let userFolder;

/**
 * n8n prints log lines, then the run data as indented JSON (from a line "{" to a line "}"),
 * then, when the workflow failed, the error again.
 */
function parseRun(stdout) {
	const start = stdout.search(/^\{$/m);
	assert.ok(start >= 0, `n8n printed no run data:\n${stdout.slice(0, 3000)}`);
	const end = stdout.slice(start).search(/^\}$/m);
	return JSON.parse(stdout.slice(start, start + end + 1));
}

before(() => {
	assert.ok(fs.existsSync(path.join(root, 'dist')), 'run `npm run build` first');
	ensureN8n();
});

before(async () => {
	mock = await startMockApi();
	userFolder = fs.mkdtempSync(path.join(os.tmpdir(), 'omnichannel-e2e-'));
	installPackage(userFolder);
	const credsFile = path.join(userFolder, 'credentials.json');
	fs.writeFileSync(credsFile, JSON.stringify(credentialsFor(mock)));
	const imported = await n8n(userFolder, ['import:credentials', `--input=${credsFile}`]);
	assert.equal(imported.status, 0, imported.stderr);

	const workflowsDir = path.join(userFolder, 'workflows');
	fs.mkdirSync(workflowsDir);
	for (const suite of suites) {
		for (const testCase of suite.cases) {
			fs.writeFileSync(path.join(workflowsDir, `${testCase.id}.json`), JSON.stringify(workflowFor(testCase)));
		}
	}
	const workflows = await n8n(userFolder, ['import:workflow', '--separate', `--input=${workflowsDir}`]);
	assert.equal(workflows.status, 0, workflows.stderr);
});

after(async () => {
	await mock?.close();
	if (userFolder) fs.rmSync(userFolder, { recursive: true, force: true });
});

for (const suite of suites) {
	describe(suite.name, () => {
		for (const testCase of suite.cases) {
			test(testCase.name, async () => {
				mock.reset();
				testCase.setup?.(mock);
				const { stdout, stderr } = await n8n(userFolder, ['execute', `--id=${testCase.id}`, '--rawOutput']);
				const run = parseRun(stdout);
				const taskData = run.data.resultData.runData['Under Test']?.[0];
				const result = {
					run,
					status: run.status,
					items: (taskData?.data?.main?.[0] ?? []).map((item) => item.json),
					paired: (taskData?.data?.main?.[0] ?? []).map((item) => item.pairedItem?.item),
					error: taskData?.error ?? run.data.resultData.error,
				};
				// No secret anywhere in what n8n printed or logged.
				for (const secret of Object.values(SECRETS)) {
					assert.ok(!stdout.includes(secret), `a secret leaked into n8n's output`);
					assert.ok(!stderr.includes(secret), `a secret leaked into n8n's log`);
				}
				testCase.check(result, mock.requests);
			});
		}
	});
}
