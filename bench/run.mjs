#!/usr/bin/env node
// `npm run bench`: our nodes against n8n's HTTP Request node, in n8n-core, on the same mock,
// 3 runs each (rows alternate run by run), medians printed. Figures, not assertions: see
// docs/benchmarks.md. The mock's rate limits are test/mock/rateLimits.js: fixed windows
// from the first request, fixed windows on the clock, a sliding log, a token bucket.
//   P1 bulk:     2,000 Sociocs sends, 20 ms latency, 200 requests/s (429 + Retry-After
//                beyond), one row per discipline, next to the HTTP Request node.
//   P1 short:    300 sends at 100/s, one row per discipline.
//   HighLevel:   1,000 Add Inbound at 100 per 10 s, with HighLevel's rate headers.
//   HLconv:      1,000 HighLevel Message > Send (SMS) at 100 per 10 s, and Message > Get Many
//                of a 10,000-message conversation (100 pages of 100, 20 ms latency).
//   Queue mode:  3 processes (a limiter each, as n8n queue-mode workers) x 1,000 sends at
//                once on one key, 200/s, one row per discipline.
//   P2 overhead: 10,000 sends; no latency, no limit: wall and CPU time per item.
//   Bulk:        10,000 recipients by Send to Many against 10,000 sends by Send, 20 ms latency,
//                200 requests/s; and Get Many over 365 days (12 windows of at most 31 days).
//   Load time:   require + instantiation of each built node file (bench/loadTime.mjs).
//   Triggers:    1,000 signed Sociocs deliveries into a real n8n, ours vs the Webhook node (bench/triggers.mjs).
//   Inbox:       Get Many of 10,000 messages, 1,000 replies at 300/min with Inbox's rate headers (bench/inbox.mjs, --only inbox).
// Options: --runs N (default 3), --only P1|short|HL|HLconv|queue|P2|bulk|load|triggers|inbox.
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

/** What the mock saw: messages delivered (processed), unique ones, duplicates, 429s, and its span. */
function deliveries(mock, items, latencyMs) {
	const processed = mock.requests.filter((r) => r.outcome === 'processed' && r.status < 300 && r.method === 'POST');
	// A bulk job delivers one message per recipient: counted by number, a single send by its text.
	const sentTo = processed.flatMap((r) => (Array.isArray(r.body?.recipients) ? r.body.recipients.map((x) => x.to) : [r.body?.text ?? r.body?.message]));
	const unique = new Set(sentTo);
	const times = mock.requests.map((r) => r.at);
	return {
		requests: mock.requests.length,
		delivered: unique.size,
		duplicates: sentTo.length - unique.size,
		failed: items - unique.size,
		limited: mock.requests.filter((r) => r.status === 429).length,
		spanMs: times.length ? Math.max(...times) + latencyMs - Math.min(...times) : 0,
	};
}

const median = (values) => {
	const sorted = [...values].sort((a, b) => a - b);
	return sorted[Math.floor(sorted.length / 2)];
};

let runNumber = 0;

/** One run of one row: a fresh mock, then one process (or `workers` started together). */
async function runRow(row) {
	runNumber++;
	const mock = await startMockApi({ host: `127.0.${Math.floor(runNumber / 250) + 1}.${(runNumber % 250) + 2}` });
	try {
		mock.setLatency(row.latencyMs);
		mock.setRateLimit(row.rateLimit);
		// Start on a fresh second so every run meets clock-aligned windows in the same phase.
		await new Promise((resolve) => setTimeout(resolve, 1000 - (Date.now() % 1000) + 5));
		row.setup?.(mock);
		const baseUrl = row.subject === 'highlevel' || row.subject.startsWith('hl') ? mock.urls.highlevel : mock.urls.sociocs;
		const workers = row.workers ?? 1;
		// Several processes load n8n first, then send at one agreed moment.
		const startAt = workers > 1 ? Date.now() + 5000 : undefined;
		const all = await Promise.all(
			Array.from({ length: workers }, async (_, w) =>
				await runChild({ subject: row.subject, items: row.items, baseUrl, apiKey: API_KEY, prefix: `w${w}`, startAt }),
			),
		);
		const figures = all[0];
		// A read delivers nothing: its output items are what it got.
		if (row.subject === 'getMany' || row.subject === 'hlGetMany') return { ...figures, ...deliveries(mock, 0, row.latencyMs), failed: figures.nodeError ? 1 : 0, nodeError: figures.nodeError };
		return { ...figures, ...deliveries(mock, row.items * workers, row.latencyMs), nodeError: all.map((f) => f.nodeError).find(Boolean) ?? null };
	} finally {
		await mock.close();
	}
}

/** Runs every row RUNS times, alternating rows run by run so that drift in the machine's load hits all alike. */
async function scenario(name, rows) {
	const runs = rows.map(() => []);
	for (let run = 0; run < RUNS; run++) {
		for (const [i, row] of rows.entries()) {
			runs[i].push(await runRow(row));
			const last = runs[i].at(-1);
			process.stderr.write(`  ${name} ${row.label} run ${run + 1}: ${(last.wallMs / 1000).toFixed(2)} s wall, ${(last.spanMs / 1000).toFixed(2)} s span, ${last.limited} 429s\n`);
		}
	}
	return rows.map((row, i) => {
		const pick = (key) => median(runs[i].map((r) => r[key]));
		return {
			...row,
			wallS: pick('wallMs') / 1000,
			spanS: pick('spanMs') / 1000,
			cpuS: pick('cpuMs') / 1000,
			peakRssMb: pick('peakRssMb'),
			outputItems: pick('outputItems'),
			outputBytes: pick('outputBytes'),
			failed: pick('failed'),
			duplicates: pick('duplicates'),
			requests: pick('requests'),
			limited: pick('limited'),
			nodeError: runs[i].map((r) => r.nodeError).find(Boolean) ?? null,
		};
	});
}

const DISCIPLINE = { fixed: 'fixed from 1st', aligned: 'clock-aligned', sliding: 'sliding log', bucket: 'token bucket' };
const LABEL = { sendMany: 'ours, Send to Many', getMany: 'ours, Message > Get Many', ours: 'ours (Sociocs node)', http: 'HTTP Request node', httpRetry: 'HTTP Request + Retry On Fail', highlevel: 'ours (HighLevel node)', hlSend: 'ours, HighLevel Send (SMS)', hlGetMany: 'ours, HighLevel Get Many' };
const pad = (value, width) => String(value).padStart(width);

/** Prints a rate-limited scenario: `seconds` picks wall (one process) or the mock's span (several). */
function printRates(title, floor, rows, target) {
	console.log(`\n${title}, medians of ${RUNS} (${NETWORK})`);
	console.log(`floor = ${floor.toFixed(2)} s`);
	console.log('subject                        discipline       time s  x floor  failed  duplicates  requests   429s  peak RSS MB');
	for (const row of rows) {
		const seconds = row.workers > 1 ? row.spanS : row.wallS;
		console.log(
			`${LABEL[row.subject].padEnd(30)} ${DISCIPLINE[row.rateLimit.discipline].padEnd(15)} ${pad(seconds.toFixed(2), 7)}  ${pad((seconds / floor).toFixed(2), 7)}  ${pad(row.failed, 6)}  ${pad(row.duplicates, 10)}  ${pad(row.requests, 8)}  ${pad(row.limited, 5)}  ${pad(row.peakRssMb.toFixed(0), 11)}`,
		);
	}
	const ours = rows.filter((row) => row.subject === 'ours' || row.subject === 'highlevel' || row.subject === 'hlSend');
	const met = ours.every((row) => (row.workers > 1 ? row.spanS : row.wallS) / floor <= target.ratio && row.failed === 0 && row.duplicates === 0 && (!target.no429 || row.limited === 0));
	console.log(`target (ours): <= ${target.ratio} x floor, 0 failed, 0 duplicates${target.no429 ? ', 0 429s' : ''} -> ${met ? 'MET' : 'NOT MET'}`);
}

const DISCIPLINES = ['fixed', 'aligned', 'sliding', 'bucket'];
const wanted = (key) => !ONLY || ONLY === key;
{
	if (wanted('P1')) {
		const items = 2000;
		const rate = 200;
		const latencyMs = 20;
		const floor = Math.max(items / rate, (items * latencyMs) / 1000 / DEFAULT_CONCURRENCY);
		const base = { items, latencyMs };
		const rows = await scenario('P1', [
			...DISCIPLINES.map((discipline) => ({ ...base, label: `ours ${discipline}`, subject: 'ours', rateLimit: { discipline, limit: rate } })),
			{ ...base, label: 'http', subject: 'http', rateLimit: { discipline: 'aligned', limit: rate } },
			{ ...base, label: 'httpRetry', subject: 'httpRetry', rateLimit: { discipline: 'aligned', limit: rate } },
		]);
		printRates(`P1 bulk: ${items} Sociocs sends, ${latencyMs} ms latency, ${rate} requests/s limit (429 + Retry-After); floor = max(N / rate, N x latency / concurrency ${DEFAULT_CONCURRENCY})`, floor, rows, { ratio: 1.15 });
	}
	if (wanted('short')) {
		const items = 300;
		const rate = 100;
		const rows = await scenario('short', DISCIPLINES.map((discipline) => ({ items, latencyMs: 20, label: `ours ${discipline}`, subject: 'ours', rateLimit: { discipline, limit: rate } })));
		printRates(`P1 short: ${items} Sociocs sends, 20 ms latency, ${rate} requests/s limit`, items / rate, rows, { ratio: 1.3 });
	}
	if (wanted('HL')) {
		const items = 1000;
		const rateLimit = { discipline: 'fixed', limit: 100, windowMs: 10_000, headers: 'highlevel' };
		const rows = await scenario('HL', [{ items, latencyMs: 20, label: 'highlevel', subject: 'highlevel', rateLimit }]);
		printRates(`HighLevel: ${items} Add Inbound, 20 ms latency, 100 per 10 s with X-RateLimit-Max / -Remaining / -Interval-Milliseconds`, (items * 10) / 100, rows, { ratio: 1.05, no429: true });
	}
	if (wanted('HLconv')) {
		const items = 1000;
		const latencyMs = 20;
		const rateLimit = { discipline: 'fixed', limit: 100, windowMs: 10_000, headers: 'highlevel' };
		const sends = await scenario('HLconv', [{ items, latencyMs, label: 'hlSend', subject: 'hlSend', rateLimit }]);
		printRates(`HighLevel Conversations: ${items} Message > Send (SMS, text and contact per item), ${latencyMs} ms latency, 100 per 10 s with HighLevel's rate headers`, (items * 10) / 100, sends, { ratio: 1.05, no429: true });

		const messages = 10_000;
		const pageSize = 100;
		const pages = messages / pageSize;
		const setup = (mock) => mock.conversations.addMessages('convBig', messages);
		const [read] = await scenario('HLconv', [{ items: 1, latencyMs, label: 'hlGetMany', subject: 'hlGetMany', rateLimit: null, setup }]);
		const floor = (pages * latencyMs) / 1000;
		console.log(`\nHighLevel Conversations: Message > Get Many, Return All of one conversation of ${messages} messages, pages of ${pageSize}, ${latencyMs} ms latency, medians of ${RUNS} (${NETWORK})`);
		console.log(`floor = ${pages} pages x ${latencyMs} ms = ${floor.toFixed(2)} s; requests ${read.requests}; wall ${read.wallS.toFixed(3)} s = ${(read.wallS / floor).toFixed(2)} x floor; CPU ${read.cpuS.toFixed(2)} s`);
		console.log(`output ${read.outputItems} items, ${(read.outputBytes / 1e6).toFixed(2)} MB of JSON; peak RSS ${read.peakRssMb.toFixed(0)} MB`);
		const met = read.wallS <= 1.2 * floor && read.requests === pages && read.outputItems === messages && !read.nodeError;
		console.log(`target (<= 1.2 x floor, ${pages} requests, ${messages} items) -> ${met ? 'MET' : 'NOT MET'}`);
	}
	if (wanted('queue')) {
		const items = 1000;
		const workers = 3;
		const rate = 200;
		const rows = await scenario('queue', DISCIPLINES.map((discipline) => ({ items, workers, latencyMs: 20, label: `ours ${discipline}`, subject: 'ours', rateLimit: { discipline, limit: rate } })));
		printRates(`Queue mode: ${workers} processes x ${items} Sociocs sends at once on one key, 20 ms latency, ${rate} requests/s limit; time = the mock's span, first request to last answer`, (items * workers) / rate, rows, { ratio: 1.3 });
	}
	if (wanted('bulk')) {
		const items = 10000;
		const rate = 200;
		const latencyMs = 20;
		const sendFloor = items / rate;
		const rateLimit = { discipline: 'aligned', limit: rate };
		const rows = await scenario('bulk', [
			{ items, latencyMs, label: 'send', subject: 'ours', rateLimit },
			{ items, latencyMs, label: 'sendMany', subject: 'sendMany', rateLimit },
		]);
		const [send, many] = rows;
		console.log(`\nBulk: ${items} recipients, ${latencyMs} ms latency, ${rate} requests/s limit, medians of ${RUNS} (${NETWORK})`);
		console.log(`Send's floor = ${items} / ${rate} = ${sendFloor.toFixed(2)} s; target for Send to Many: <= floor / 50 = ${(sendFloor / 50).toFixed(2)} s`);
		console.log('subject                        wall s  x Send floor  failed  duplicates  requests   429s  peak RSS MB');
		for (const row of rows) {
			console.log(
				`${LABEL[row.subject === 'ours' ? 'ours' : row.subject].padEnd(30)} ${pad(row.wallS.toFixed(2), 6)}  ${pad((row.wallS / sendFloor).toFixed(3), 12)}  ${pad(row.failed, 6)}  ${pad(row.duplicates, 10)}  ${pad(row.requests, 8)}  ${pad(row.limited, 5)}  ${pad(row.peakRssMb.toFixed(0), 11)}`,
			);
		}
		const met = many.wallS <= sendFloor / 50 && many.failed === 0 && many.duplicates === 0 && !many.nodeError;
		console.log(`Send to Many / Send: ${(many.wallS / send.wallS).toFixed(4)}; target (<= ${(sendFloor / 50).toFixed(2)} s, 0 lost, 0 duplicates) -> ${met ? 'MET' : 'NOT MET'}`);

		const windows = 12;
		const [read] = await scenario('getMany', [{ items: 1, latencyMs, label: 'getMany', subject: 'getMany', rateLimit: null }]);
		const readFloor = (windows * latencyMs) / 1000;
		console.log(`\nGet Many over 365 days: ${windows} windows of at most 31 days, ${latencyMs} ms latency, medians of ${RUNS}`);
		console.log(`floor = ${windows} x ${latencyMs} ms = ${readFloor.toFixed(2)} s; requests ${read.requests}; wall ${read.wallS.toFixed(3)} s = ${(read.wallS / readFloor).toFixed(2)} x floor`);
		console.log(`target (<= 1.2 x floor, ${windows} requests) -> ${read.wallS <= 1.2 * readFloor && read.requests === windows && !read.nodeError ? 'MET' : 'NOT MET'}`);
	}
	if (wanted('P2')) {
		const items = 10000;
		const rows = await scenario('P2', ['ours', 'http'].map((subject) => ({ items, latencyMs: 0, label: subject, subject, rateLimit: null })));
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

// The sections that measure other things, each a script of its own (runnable alone): node file
// load time (needs dist/), and the triggers in a real n8n (needs the n8n host, as the e2e suite).
for (const [key, script, extra] of [
	['load', 'loadTime.mjs', []],
	['triggers', 'triggers.mjs', ['--runs', String(RUNS)]],
	['inbox', 'inbox.mjs', ['--runs', String(RUNS)]],
]) {
	if (!wanted(key)) continue;
	console.log('');
	const section = spawnSync(process.execPath, [path.join(here, script), ...extra], { stdio: 'inherit' });
	if (section.status !== 0) console.error(`(${script} exited with ${section.status ?? section.signal})`);
}
