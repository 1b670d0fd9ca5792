#!/usr/bin/env node
// Triggers benchmark (a section of `npm run bench`; alone: `node bench/triggers.mjs`).
// One real n8n (`n8n start`, workflows published with `n8n publish:workflow`) serves two
// workflows that differ only in their trigger:
//   ours:  Sociocs Trigger (HMAC check of every delivery, duplicate check) -> No Operation
//   plain: n8n's Webhook node (no check at all)                            -> No Operation
// Each run POSTs N signed Sociocs deliveries (distinct message ids), C at a time, to one of
// them; runs alternate ours / plain. Reported per subject (medians over runs): throughput
// (deliveries whose execution n8n has finished, per second, first send to last execution)
// and the p50 / p99 time to n8n's answer. Then N deliveries with bad signatures to ours: how
// many executions they started (must be 0).
// All of that twice: under n8n's default settings, and with N8N_EXPRESSION_ENGINE_LAZY_ACQUIRE=true.
// n8n gives only its own Webhook node an isolate-free webhook phase: every other trigger (ours,
// any community or built-in trigger) makes n8n acquire an expression sandbox (an isolated-vm
// isolate, pool of 1) per delivery unless lazy acquire is on. The second configuration shows
// what our code costs once that fixed n8n toll is gone.
// Options: --n N (1000), --concurrency C (10), --runs R (3), --configs default,lazy.
import { createRequire } from 'node:module';

import { startTriggerHost, until, webhookPath } from '../test/e2e/triggerHost.mjs';

const require = createRequire(import.meta.url);
const { startMockApi } = require('../test/mock/mockApi.js');
const { signSociocs, sociocsIncoming } = require('../test/mock/deliveries.js');
const args = process.argv.slice(2);
const option = (name, fallback) => (args.includes(name) ? Number(args[args.indexOf(name) + 1]) : fallback);
const N = option('--n', 1000);
const CONCURRENCY = option('--concurrency', 10);
const RUNS = option('--runs', 3);
const CONFIGS = {
	default: { label: "n8n's default settings", env: {} },
	lazy: { label: 'N8N_EXPRESSION_ENGINE_LAZY_ACQUIRE=true', env: { N8N_EXPRESSION_ENGINE_LAZY_ACQUIRE: 'true' } },
};
const chosen = (args.includes('--configs') ? args[args.indexOf('--configs') + 1] : 'default,lazy').split(',');

const noOp = { id: 'noop', name: 'Done', type: 'n8n-nodes-base.noOp', typeVersion: 1, position: [260, 0], parameters: {} };
const connections = (from) => ({ [from]: { main: [[{ node: 'Done', type: 'main', index: 0 }]] } });
const ours = {
	id: 'benchTrigOurs',
	name: 'bench: Sociocs Trigger',
	settings: { executionOrder: 'v1' },
	connections: connections('Sociocs Trigger'),
	nodes: [
		{
			id: 'benchSociocsTrigger',
			name: 'Sociocs Trigger',
			type: 'n8n-nodes-omnichannel.sociocsTrigger',
			typeVersion: 1.1,
			position: [0, 0],
			webhookId: 'bench-sociocs-0001',
			parameters: { events: ['messages'], provider: 'twlo', channelKey: 'twlo-key-1' },
			credentials: { omnichannelSociocsApi: { id: 'e2eSociocsCred', name: 'Sociocs (mock)' } },
		},
		noOp,
	],
};
const plain = {
	id: 'benchTrigPlain',
	name: 'bench: plain Webhook',
	settings: { executionOrder: 'v1' },
	connections: connections('Webhook'),
	nodes: [
		{
			id: 'benchPlainWebhook',
			name: 'Webhook',
			type: 'n8n-nodes-base.webhook',
			typeVersion: 2,
			position: [0, 0],
			webhookId: 'bench-plain-0001',
			parameters: { httpMethod: 'POST', path: 'bench-plain', responseMode: 'onReceived', options: {} },
		},
		noOp,
	],
};

const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

let serial = 0;
function delivery(secret, valid = true) {
	serial++;
	const payload = sociocsIncoming({ message_id: `SMbench${serial}`, text: `Benchmark message ${serial}`, timestamp: Date.now() });
	return signSociocs(valid ? secret : 'wrong secret', payload);
}

async function blast(host, route, deliveries) {
	const latencies = [];
	const statuses = new Map();
	let next = 0;
	const worker = async () => {
		while (next < deliveries.length) {
			const { raw, headers } = deliveries[next++];
			const started = performance.now();
			const { status } = await host.deliver(route, raw, headers);
			latencies.push(performance.now() - started);
			statuses.set(status, (statuses.get(status) ?? 0) + 1);
		}
	};
	await Promise.all(Array.from({ length: CONCURRENCY }, worker));
	return { latencies: latencies.sort((a, b) => a - b), statuses };
}

const countExecutions = async (host, workflowId) => {
	const filter = encodeURIComponent(JSON.stringify({ workflowId }));
	const answer = await host.session.rest('GET', `/rest/executions?filter=${filter}&limit=1`);
	return Number(answer.count ?? 0);
};

async function measure(config) {
	const mock = await startMockApi();
	const host = await startTriggerHost(mock, [ours, plain], { EXECUTIONS_DATA_PRUNE: 'false', ...config.env });
	try {
		const subscription = await until(() => mock.webhooks.state.subscriptions[0], 'the Sociocs subscription', 60_000);
		const routes = { ours: webhookPath(ours, 'Sociocs Trigger'), plain: '/webhook/bench-plain' };
		const ids = { ours: ours.id, plain: plain.id };
		// Both production webhooks answer before anything is measured (n8n registers them shortly after start).
		for (const subject of ['ours', 'plain']) {
			await until(async () => (await host.deliver(routes[subject], '{}', {})).status !== 404, `${subject} webhook`, 60_000);
		}
		const results = { ours: [], plain: [] };
		for (let run = 0; run < RUNS; run++) {
			for (const subject of run % 2 ? ['plain', 'ours'] : ['ours', 'plain']) {
				const before = await countExecutions(host, ids[subject]);
				const deliveries = Array.from({ length: N }, () => delivery(subscription.secret));
				const started = performance.now();
				const { latencies, statuses } = await blast(host, routes[subject], deliveries);
				await until(async () => (await countExecutions(host, ids[subject])) - before >= N, `${subject} executions`, 600_000);
				const seconds = (performance.now() - started) / 1000;
				const executions = (await countExecutions(host, ids[subject])) - before;
				results[subject].push({ throughput: N / seconds, p50: percentile(latencies, 50), p99: percentile(latencies, 99), executions, statuses });
				process.stderr.write(`[bench] ${config.label}, run ${run + 1} ${subject}: ${(N / seconds).toFixed(1)} exec/s, ${[...statuses].map(([k, v]) => `${v} x ${k}`).join(', ')}\n`);
			}
		}
		const beforeBad = await countExecutions(host, ids.ours);
		const bad = await blast(host, routes.ours, Array.from({ length: N }, () => delivery(subscription.secret, false)));
		const badExecutions = (await countExecutions(host, ids.ours)) - beforeBad;
		return { results, bad, badExecutions };
	} finally {
		await host.stop();
		await mock.close();
	}
}

const summary = (results) => ({
	throughput: median(results.map((r) => r.throughput)),
	p50: median(results.map((r) => r.p50)),
	p99: median(results.map((r) => r.p99)),
	executions: results.map((r) => r.executions).join('/'),
});
const row = (label, s) =>
	`${label.padEnd(32)}${s.throughput.toFixed(1).padStart(10)}${s.p50.toFixed(1).padStart(9)}${s.p99.toFixed(1).padStart(9)}   ${s.executions}`;

const measured = [];
for (const name of chosen) measured.push([CONFIGS[name], await measure(CONFIGS[name])]);

console.log(`T1 triggers: ${N} signed Sociocs deliveries, ${CONCURRENCY} at a time, into a published workflow (real n8n), medians of ${RUNS}`);
for (const [config, { results }] of measured) {
	const o = summary(results.ours);
	const p = summary(results.plain);
	console.log(`  ${config.label}`);
	console.log(`  ${'subject'.padEnd(32)}${'exec/s'.padStart(10)}${'p50 ms'.padStart(9)}${'p99 ms'.padStart(9)}   executions per run`);
	console.log(`  ${row('ours (Sociocs Trigger 1.1)', o)}`);
	console.log(`  ${row("n8n's Webhook node (no check)", p)}`);
	const ratio = o.throughput / p.throughput;
	const p99Ratio = o.p99 / p.p99;
	console.log(
		`  ours / plain: throughput ${ratio.toFixed(2)}x (target >= 0.9), p99 ${p99Ratio.toFixed(2)}x (target <= 1.2) -> ${ratio >= 0.9 && p99Ratio <= 1.2 ? 'MET' : 'NOT MET'}`,
	);
}
for (const [config, { bad, badExecutions }] of measured) {
	const badStatuses = [...bad.statuses].map(([status, count]) => `${count} x HTTP ${status}`).join(', ');
	console.log(
		`T2 rejected path (${config.label}): ${N} bad signatures -> ${badStatuses}; executions started: ${badExecutions}; p50 ${percentile(bad.latencies, 50).toFixed(1)} ms, p99 ${percentile(bad.latencies, 99).toFixed(1)} ms -> ${badExecutions === 0 ? 'MET' : 'NOT MET'}`,
	);
}
