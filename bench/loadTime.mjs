#!/usr/bin/env node
// Load time of each built node and credential file: `require` plus instantiation, the work n8n
// does for every community node file when it starts. Each measurement is a fresh Node process
// (a warm module cache would hide the cost), with n8n-workflow already loaded as it is in n8n.
// Prints the median of --runs N (default 7) per file; target: under 5 ms per node file.
// Needs `npm run build` first.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const runsAt = args.indexOf('--runs');
const RUNS = runsAt >= 0 ? Number(args[runsAt + 1]) : 7;
const TARGET_MS = 5;

const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
const files = [...pkg.n8n.nodes, ...pkg.n8n.credentials];
for (const file of files) {
	if (!fs.existsSync(path.join(root, file))) {
		console.error(`${file} is missing: run npm run build first`);
		process.exit(1);
	}
}

// The probe: n8n-workflow loaded and used first, then the clock runs around require + new.
// Wall time, and the process's CPU time, which a busy machine (other processes competing for the
// cores) inflates much less.
const probe = `
	require('n8n-workflow');
	const { performance } = require('node:perf_hooks');
	const cpu = process.cpuUsage();
	const start = performance.now();
	const exported = require(process.argv[1]);
	for (const Type of Object.values(exported)) if (typeof Type === 'function') new Type();
	const wall = performance.now() - start;
	const { user, system } = process.cpuUsage(cpu);
	process.stdout.write(JSON.stringify([wall, (user + system) / 1000]));
`;

function measure(file) {
	const result = spawnSync(process.execPath, ['-e', probe, path.join(root, file)], { cwd: root, encoding: 'utf8' });
	if (result.status !== 0) throw new Error(`${file}: ${result.stderr}`);
	return JSON.parse(result.stdout);
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

// For scale: n8n's own NoOp node (n8n-nodes-base), measured the same way at the same moment.
const reference = path.relative(root, require.resolve('n8n-nodes-base/dist/nodes/NoOp/NoOp.node.js'));

console.log(`Load time: require + instantiate per built file, fresh process each, n8n-workflow preloaded, median of ${RUNS}`);
console.log(`${'file'.padEnd(64)} ${'wall ms'.padStart(8)} ${'CPU ms'.padStart(8)} ${'KB'.padStart(5)}`);
let worst = 0;
for (const file of [...files, reference]) {
	const samples = Array.from({ length: RUNS }, () => measure(file));
	const wall = median(samples.map(([ms]) => ms));
	const cpu = median(samples.map(([, ms]) => ms));
	if (file.startsWith('dist/nodes/')) worst = Math.max(worst, wall);
	const kb = fs.statSync(path.join(root, file)).size / 1024;
	const label = file === reference ? `${file} (reference)` : file;
	console.log(`${label.padEnd(64)} ${wall.toFixed(2).padStart(8)} ${cpu.toFixed(2).padStart(8)} ${kb.toFixed(0).padStart(5)}`);
}
console.log(`slowest node file ${worst.toFixed(2)} ms wall; target < ${TARGET_MS} ms -> ${worst < TARGET_MS ? 'MET' : 'NOT MET'}`);
