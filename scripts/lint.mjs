#!/usr/bin/env node
// `npm run lint`: the gate n8n runs before it verifies a community package, offline.
// @n8n/scan-community-package's analyzePackage lints (1) the sources, with the patterns
// `n8n-node lint` uses, and (2) the unpacked `npm pack` tarball, exactly as the gate does.
// Warnings are printed too, so they are seen before they become errors.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import glob from 'fast-glob';
import {
	analyzePackage,
	buildScanConfig,
	SOURCE_FILE_PATTERNS,
} from '@n8n/scan-community-package/scanner/scanner.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

async function warnings(dir, patterns) {
	const eslint = new ESLint({
		cwd: dir,
		allowInlineConfig: false,
		overrideConfigFile: true,
		overrideConfig: await buildScanConfig(),
	});
	const files = glob.sync(patterns, { cwd: dir, absolute: true, ignore: ['node_modules/**'] });
	const results = await eslint.lintFiles(files);
	const count = results.reduce((sum, r) => sum + r.warningCount, 0);
	if (count) console.log((await eslint.loadFormatter('stylish')).format(results));
	return count;
}

async function scan(label, dir, patterns) {
	const result = patterns ? await analyzePackage(dir, patterns) : await analyzePackage(dir);
	const warned = await warnings(dir, patterns ?? ['**/*.js', '**/*.ts', '**/*.json']);
	if (!result.passed) {
		console.error(`lint ${label}: FAILED (${result.message})`);
		if (result.details) console.error(result.details);
		return false;
	}
	console.log(`lint ${label}: 0 errors, ${warned} warnings`);
	return true;
}

if (!fs.existsSync(path.join(root, 'dist'))) {
	console.error('lint: dist/ is missing; run `npm run build` first');
	process.exit(1);
}

const sourcesOk = await scan('sources', root, SOURCE_FILE_PATTERNS);

const packDir = fs.mkdtempSync(path.join(os.tmpdir(), 'omnichannel-pack-'));
const tarball = execFileSync('npm', ['pack', '--silent', '--pack-destination', packDir], {
	cwd: root,
	encoding: 'utf8',
})
	.trim()
	.split('\n')
	.pop();
const unpacked = path.join(packDir, 'package');
execFileSync('tar', ['-xzf', path.join(packDir, tarball), '-C', packDir]);
const tarballOk = await scan(`tarball (${tarball})`, unpacked);
fs.rmSync(packDir, { recursive: true, force: true });

process.exit(sourcesOk && tarballOk ? 0 : 1);
