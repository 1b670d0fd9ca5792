#!/usr/bin/env node
// `npm run bench`: our Sociocs node against n8n's HTTP Request node, in n8n-core, on the
// same mock, 3 runs each, medians printed. Figures, not assertions: see README > Performance.
//   P1 bulk:     2,000 sends; the mock adds 20 ms per request and allows 200 requests/s
//                (fixed one-second window), answering 429 + Retry-After beyond.
//   P2 overhead: 10,000 sends; no latency, no limit: wall and CPU time per item.
// Options: --runs N (default 3), --only P1|P2.
//
// Where it can (root, with unshare and ip), it runs in a network namespace of its own whose
// loopback keeps no closed connections in TIME_WAIT. On one host both ends of every
// connection share one port space, so the thousands of short connections of a run would
// slow down later connects; against a real API the server's TIME_WAITs are on another
// machine. Both subjects are measured under the same conditions either way.
import { spawn, spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import esbuild from 'esbuild';

const require = createRequire(import.meta.url);
const { startMockApi } = require('../test/mock/mockApi.js');
const here = path.dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);

if (!process.env.OMNICHANNEL_BENCH_NETNS && process.getuid?.() === 0) {
	const script = [
		'ip link set lo up',
		'echo 0 > /proc/sys/net/ipv4/tcp_max_tw_buckets',
		`exec "${process.execPath}" "${fileURLToPath(import.meta.url)}" ${args.map((a) => `'${a}'`).join(' ')}`,
	].join(' && ');
	const isolated = spawnSync('unshare', ['--net', 'sh', '-c', script], {
		stdio: 'inherit',
		env: { ...process.env, OMNICHANNEL_BENCH_NETNS: '1' },
	});
	if (isolated.status !== null && !isolated.error) process.exit(isolated.status);
	console.error('(could not enter a network namespace of its own: measuring on the shared loopback)');
}
const NETWORK = process.env.OMNICHANNEL_BENCH_NETNS
	? 'own network namespace, no TIME_WAIT'
	: 'shared loopback';
const RUNS = Number(args[args.indexOf('--runs') + 1]) || 3;
const ONLY = args.includes('--only') ? args[args.indexOf('--only') + 1] : undefined;
const API_KEY = 'bench:key';
const DEFAULT_CONCURRENCY = 10;

const bundle = path.join(here, '.build', 'child.cjs');
await esbuild.build({
	entryPoints: [path.join(here, 'child.ts')],
	outfile: bundle,
	bundle: true,
	platform: 'node',
	format: 'cjs',
	target: 'node22',
	packages: 'external',
	alias: { 'libphonenumber-js': 'libphonenumber-js/min' },
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

/** What the mock saw: messages delivered (processed), unique ones, duplicates. */
function deliveries(mock, items) {
	const processed = mock.requests.filter((r) => r.outcome === 'processed' && r.status < 300 && r.path.endsWith('/message'));
	const unique = new Set(processed.map((r) => r.body?.text));
	return {
		requests: mock.requests.length,
		delivered: unique.size,
		duplicates: processed.length - unique.size,
		failed: items - unique.size,
	};
}

const median = (values) => {
	const sorted = [...values].sort((a, b) => a - b);
	return sorted[Math.floor(sorted.length / 2)];
};

let runNumber = 0;

async function scenario({ name, items, latencyMs, rateLimit, subjects }) {
	// Runs alternate between subjects, so that drift in the machine's load hits all alike.
	// Each run gets a mock on a loopback address of its own (see mockApi.js).
	const runs = Object.fromEntries(subjects.map((subject) => [subject, []]));
	for (let run = 0; run < RUNS; run++) {
		for (const subject of subjects) {
			runNumber++;
			const mock = await startMockApi({ host: `127.0.${Math.floor(runNumber / 250) + 1}.${(runNumber % 250) + 2}` });
			try {
				mock.setLatency(latencyMs);
				mock.setRateLimit(rateLimit);
				// Start on a fresh window so every run meets the limiter in the same state.
				await new Promise((resolve) => setTimeout(resolve, 1000 - (Date.now() % 1000) + 5));
				const figures = await runChild({ subject, items, baseUrl: mock.urls.sociocs, apiKey: API_KEY });
				runs[subject].push({ ...figures, ...deliveries(mock, items) });
			} finally {
				await mock.close();
			}
			process.stderr.write(`  ${name} ${subject} run ${run + 1}: ${(runs[subject].at(-1).wallMs / 1000).toFixed(2)} s\n`);
		}
	}
	return subjects.map((subject) => {
		const pick = (key) => median(runs[subject].map((r) => r[key]));
		return {
			subject,
			wallS: pick('wallMs') / 1000,
			cpuS: pick('cpuMs') / 1000,
			peakRssMb: pick('peakRssMb'),
			failed: pick('failed'),
			duplicates: pick('duplicates'),
			requests: pick('requests'),
			nodeError: runs[subject].map((r) => r.nodeError).find(Boolean) ?? null,
		};
	});
}

const LABEL = { ours: 'ours (Sociocs node)', http: 'HTTP Request node', httpRetry: 'HTTP Request + Retry On Fail' };
{
	if (!ONLY || ONLY === 'P1') {
		const items = 2000;
		const rate = 200;
		const latency = 20;
		const floor = Math.max(items / rate, (items * latency) / 1000 / DEFAULT_CONCURRENCY);
		const rows = await scenario({
			name: 'P1',
			items,
			latencyMs: latency,
			rateLimit: { perSecond: rate },
			subjects: ['ours', 'http', 'httpRetry'],
		});
		console.log(`\nP1 bulk: ${items} Sociocs sends, ${latency} ms latency, ${rate} requests/s limit (429 + Retry-After), medians of ${RUNS} (${NETWORK})`);
		console.log(`floor = max(N / rate, N x latency / concurrency ${DEFAULT_CONCURRENCY}) = ${floor.toFixed(2)} s`);
		console.log('subject                        wall s  x floor  failed  duplicates  requests  peak RSS MB');
		for (const row of rows) {
			console.log(
				`${LABEL[row.subject].padEnd(30)} ${row.wallS.toFixed(2).padStart(6)}  ${(row.wallS / floor).toFixed(2).padStart(7)}  ${String(row.failed).padStart(6)}  ${String(row.duplicates).padStart(10)}  ${String(row.requests).padStart(8)}  ${row.peakRssMb.toFixed(0).padStart(11)}`,
			);
		}
		const ours = rows[0];
		console.log(`target (ours): <= 1.15 x floor, 0 failed, 0 duplicates -> ${ours.wallS / floor <= 1.15 && ours.failed === 0 && ours.duplicates === 0 ? 'MET' : 'NOT MET'}`);
	}
	if (!ONLY || ONLY === 'P2') {
		const items = 10000;
		const rows = await scenario({ name: 'P2', items, latencyMs: 0, rateLimit: null, subjects: ['ours', 'http'] });
		console.log(`\nP2 overhead: ${items} sends, no latency, no limit, medians of ${RUNS} (${NETWORK})`);
		console.log('subject                        wall s  wall ms/item  CPU s  CPU ms/item  failed  peak RSS MB');
		for (const row of rows) {
			console.log(
				`${LABEL[row.subject].padEnd(30)} ${row.wallS.toFixed(2).padStart(6)}  ${((row.wallS * 1000) / items).toFixed(3).padStart(12)}  ${row.cpuS.toFixed(2).padStart(5)}  ${((row.cpuS * 1000) / items).toFixed(3).padStart(11)}  ${String(row.failed).padStart(6)}  ${row.peakRssMb.toFixed(0).padStart(11)}`,
			);
		}
		const [ours, http] = rows;
		const wallRatio = ours.wallS / http.wallS;
		const cpuRatio = ours.cpuS / http.cpuS;
		console.log(`ours / HTTP Request: wall ${wallRatio.toFixed(2)}, CPU ${cpuRatio.toFixed(2)} (target <= 1.0) -> ${wallRatio <= 1 && cpuRatio <= 1 ? 'MET' : 'NOT MET'}`);
	}
}
