/**
 * One Inbox v2 benchmark run in a process of its own (its own CPU time, peak memory and rate
 * limiter): Message > Get Many (Return All) of one thread, or Thread > Reply of many items,
 * through n8n-core's WorkflowExecute against the mock the parent serves. Prints one JSON line.
 */
import type { IDataObject } from 'n8n-workflow';

import { Inbox } from '../nodes/Inbox/Inbox.node';
import { runNode } from '../test/helpers/engine';

interface Config {
	mode: 'getMany' | 'reply';
	baseUrl: string;
	threadId: string;
	items: number;
}

const config = JSON.parse(process.argv[2]) as Config;

let peakRss = process.memoryUsage().rss;
const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 20);

async function main() {
	const parameters: IDataObject =
		config.mode === 'getMany'
			? { resource: 'message', operation: 'getAll', threadId: { __rl: true, mode: 'id', value: config.threadId }, returnAll: true, options: {} }
			: { resource: 'thread', operation: 'reply', threadId: { __rl: true, mode: 'id', value: config.threadId }, content: '={{ $json.text }}', options: {} };
	const input = config.mode === 'getMany' ? [{}] : Array.from({ length: config.items }, (_, i) => ({ text: `reply-${i}` }));
	const started = performance.now();
	const cpu = process.cpuUsage();
	const result = await runNode(
		{ type: new Inbox(), typeVersion: 2, parameters: parameters as never, credentials: { omnichannelInboxApi: { apiToken: 'bench_token', baseUrl: config.baseUrl } } },
		input,
	);
	const wallMs = performance.now() - started;
	const used = process.cpuUsage(cpu);
	clearInterval(sampler);
	peakRss = Math.max(peakRss, process.memoryUsage().rss);
	const errors = result.items.filter((item) => item.json.error).length + (result.error ? 1 : 0);
	console.log(JSON.stringify({ wallMs, cpuMs: (used.user + used.system) / 1000, items: result.items.length, errors, peakRssMb: peakRss / 2 ** 20 }));
}

void main();
