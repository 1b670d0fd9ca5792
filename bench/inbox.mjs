#!/usr/bin/env node
// Inbox API v2 benchmarks (node bench/inbox.mjs [--only getMany|reply] [--runs N]), medians printed:
//   Get Many: Message > Get Many (Return All) of a thread of 10,000 messages, 100 a page, the mock
//             answering each page after 20 ms: wall time against the floor of 100 pages x 20 ms,
//             and the child's peak memory. Target: <= 1.2 x the floor, every message read.
//   Reply:    1,000 replies at Inbox's 300 requests/min (a sliding window per team) with its rate
//             headers (X-RateLimit-Limit / -Remaining / -Reset): HTTP 429 count and wall time
//             against the floor (the first 300 at once, then 300 a minute). Target: 0 x 429,
//             every reply sent once, <= 1.05 x the floor.
// Part of `npm run bench` (its `inbox` section); the machine's load average is printed with the figures.
import os from 'node:os';
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import esbuild from 'esbuild';

const require = createRequire(import.meta.url);
const { startMockApi } = require('../test/mock/mockApi.js');
const here = path.dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const ONLY = args.includes('--only') ? args[args.indexOf('--only') + 1] : undefined;
const RUNS = args.includes('--runs') ? Number(args[args.indexOf('--runs') + 1]) : 3;

const bundle = path.join(here, '.build', 'inboxChild.cjs');
await esbuild.build({
	entryPoints: [path.join(here, 'inboxChild.ts')],
	outfile: bundle,
	bundle: true,
	platform: 'node',
	format: 'cjs',
	target: 'node22',
	packages: 'external',
	logLevel: 'warning',
});

function runChild(config) {
	return new Promise((resolve, reject) => {
		const child = spawn(process.execPath, [bundle, JSON.stringify(config)], { stdio: ['ignore', 'pipe', 'pipe'] });
		let out = '';
		let err = '';
		child.stdout.on('data', (chunk) => (out += chunk));
		child.stderr.on('data', (chunk) => (err += chunk));
		child.on('close', (code) => {
			const line = out.trim().split('\n').filter((l) => l.startsWith('{')).pop();
			if (!line) reject(new Error(`bench child failed (${code}): ${err.slice(-2000)}`));
			else resolve(JSON.parse(line));
		});
	});
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const verdict = (met) => (met ? 'MET' : 'NOT MET');
const load = () => `load average ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}`;
const mock = await startMockApi();
console.log(`Inbox API v2 (${os.cpus().length} cores, ${load()})`);

if (!ONLY || ONLY === 'getMany') {
	const MESSAGES = 10_000;
	const LATENCY_MS = 20;
	const runs = [];
	for (let run = 0; run < RUNS; run++) {
		mock.reset();
		mock.inboxV2.addMessages('bench1', MESSAGES);
		mock.setLatency(LATENCY_MS);
		const figures = await runChild({ mode: 'getMany', baseUrl: mock.urls.inbox, threadId: 'bench1' });
		const pages = mock.requests.length;
		runs.push({ ...figures, pages, floorMs: pages * LATENCY_MS });
	}
	const wall = median(runs.map((r) => r.wallMs));
	const floor = runs[0].floorMs;
	console.log(
		`Get Many of ${MESSAGES} messages: ${runs[0].items} items, ${runs[0].pages} pages, errors ${runs[0].errors}; ` +
			`wall ${Math.round(wall)} ms (median of ${RUNS}) vs floor ${floor} ms = ${(wall / floor).toFixed(3)}x; ` +
			`CPU ${Math.round(median(runs.map((r) => r.cpuMs)))} ms; peak RSS ${Math.round(median(runs.map((r) => r.peakRssMb)))} MB`,
	);
	const read = runs.every((r) => r.items === MESSAGES && r.errors === 0);
	console.log(`Get Many target (<= 1.2 x floor, all ${MESSAGES} read) -> ${verdict(wall <= 1.2 * floor && read)} (${load()})`);
}

if (!ONLY || ONLY === 'reply') {
	const REPLIES = 1000;
	const LIMIT = 300;
	const WINDOW_MS = 60_000;
	mock.reset();
	mock.setLatency(0);
	mock.setRateLimit({ limit: LIMIT, windowMs: WINDOW_MS, discipline: 'sliding', headers: 'inbox' });
	const figures = await runChild({ mode: 'reply', baseUrl: mock.urls.inbox, threadId: 't1', items: REPLIES });
	const refused = mock.requests.filter((r) => r.status === 429).length;
	// The first LIMIT go at once; each further LIMIT waits a window.
	const floor = Math.ceil(REPLIES / LIMIT - 1) * WINDOW_MS;
	console.log(
		`Reply x ${REPLIES} at ${LIMIT}/min: ${mock.inboxV2.sends.length} sent, ${refused} x 429, errors ${figures.errors}; ` +
			`wall ${Math.round(figures.wallMs)} ms vs floor ${floor} ms = ${(figures.wallMs / floor).toFixed(3)}x; peak RSS ${Math.round(figures.peakRssMb)} MB`,
	);
	const once = mock.inboxV2.sends.length === REPLIES && new Set(mock.inboxV2.sends.map((send) => send.content)).size === REPLIES && figures.errors === 0;
	console.log(`Reply target (0 x 429, ${REPLIES} sent once, <= 1.05 x floor) -> ${verdict(refused === 0 && once && figures.wallMs <= 1.05 * floor)} (${load()})`);
}

await mock.close();
