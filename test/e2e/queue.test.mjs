// The package on n8n's distributed engine: n8n 2.40.7 in queue mode (main, two workers, one
// webhook process; Redis and Postgres 17 as processes of this test, see queueHost.mjs). Bulk
// sends run in the workers against the rate-limited strict mock; production webhooks are served
// by `n8n webhook` only; activation and polls by the main only. Figures are printed as
// "[queue] ..." lines (docs/queue-mode.md has the last ones).
import assert from 'node:assert/strict';
import { generateKeyPairSync, sign } from 'node:crypto';
import { createRequire } from 'node:module';
import os from 'node:os';
import { after, before, describe, test } from 'node:test';

import { post, queueServers, startQueueCluster } from './queueHost.mjs';
import { exampleWorkflow, INBOX_SIGNING_SECRET, until, webhookPath } from './triggerHost.mjs';
import { credentialsFor, PACKAGE, SECRETS } from './workflow.mjs';

const require = createRequire(import.meta.url);
const { startMockApi } = require('../mock/mockApi.js');
const { DISCIPLINES } = require('../mock/rateLimits.js');
const { hmacHex: hmac, sociocsIncoming } = require('../mock/deliveries.js');

const servers = queueServers();
const unavailable = servers.missing && process.env.CI !== 'true' ? servers.missing : false;
if (unavailable) console.log(`[queue] skipped: ${unavailable}`);

const figure = (line) => console.log(`[queue] ${line}`);

/**
 * The span target (1.3 x the floor) is a speed figure, and speed targets are reported, not
 * asserted (the project's rule: a wall-clock bound in a test fails on a busy 2-core machine). The
 * test asserts what must always hold (nothing lost, nothing doubled, every item true, the
 * executions on the workers); the span is printed with its verdict for the closing note.
 */
function judgeSpan(label, spanS, floorS) {
	const load = os.loadavg()[0].toFixed(1);
	const verdict = spanS <= 1.3 * floorS ? 'MET' : 'NOT MET';
	figure(`${label}: span x${(spanS / floorS).toFixed(2)} of the floor, target 1.3: ${verdict} (load average ${load} on ${os.availableParallelism()} cores)`);
}
const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 });

const SEND_ITEMS = 1000;
const SEND_RATE = 200;
const LATENCY_MS = 20;
const HL_ITEMS = 500;
const HL_LIMIT = 100; // per HL_WINDOW_MS, stated in X-RateLimit-* on every answer
const HL_WINDOW_MS = 1000;
const HL_PACED_PER_SECOND = 48;

const BULK_CREDENTIALS = {
	omnichannelSociocsApi: { id: 'qBulkSociocs', name: 'Sociocs (bulk mock)' },
	omnichannelHighLevelApi: { id: 'qBulkHighLevel', name: 'HighLevel (bulk mock)' },
};

/** Webhook (answers with every item of the last node) -> Code (`count` items, or the request's, named by its prefix) -> our node. */
function bulkWorkflow(id, count, node) {
	const item = `{ json: { to: '+1617555' + String(i).padStart(4, '0'), conversation: 'conv' + (i % 50), text: prefix + '-' + i } }`;
	return {
		id,
		name: id,
		active: false,
		settings: { executionOrder: 'v1' },
		connections: {
			Webhook: { main: [[{ node: 'Items', type: 'main', index: 0 }]] },
			Items: { main: [[{ node: 'Send', type: 'main', index: 0 }]] },
		},
		nodes: [
			{
				id: 'q1',
				name: 'Webhook',
				type: 'n8n-nodes-base.webhook',
				typeVersion: 2,
				webhookId: `${id}-hook`,
				position: [0, 0],
				parameters: { httpMethod: 'POST', path: id, responseMode: 'lastNode', responseData: 'allEntries', options: {} },
			},
			{
				id: 'q2',
				name: 'Items',
				type: 'n8n-nodes-base.code',
				typeVersion: 2,
				position: [220, 0],
				parameters: {
					jsCode: `const { prefix, count = ${count} } = $input.first().json.body;\nreturn Array.from({ length: count }, (_, i) => (${item}));`,
				},
			},
			{ id: 'q3', name: 'Send', position: [440, 0], typeVersion: 1, ...node },
		],
	};
}

function highLevelBulk(id, options) {
	return bulkWorkflow(id, HL_ITEMS, {
		type: `${PACKAGE}.highLevelConversations`,
		parameters: {
			resource: 'message',
			operation: 'addInbound',
			type: 'SMS',
			conversationId: { __rl: true, mode: 'id', value: '={{ $json.conversation }}' },
			conversationProviderId: 'prov1',
			message: '={{ $json.text }}',
			options,
		},
		credentials: { omnichannelHighLevelApi: BULK_CREDENTIALS.omnichannelHighLevelApi },
	});
}

const bulk = {
	sociocs: bulkWorkflow('qBulkSociocs', SEND_ITEMS, {
		type: `${PACKAGE}.sociocs`,
		parameters: { resource: 'message', operation: 'send', provider: 'twlo', channelKey: 'chan-bulk', to: '={{ $json.to }}', text: '={{ $json.text }}', options: {} },
		credentials: { omnichannelSociocsApi: BULK_CREDENTIALS.omnichannelSociocsApi },
	}),
	highLevel: highLevelBulk('qBulkHighLevel', {}),
	// What the README tells a user who must get no 429 at all: the limit divided by the node runs
	// that send with the credential at once (2 workers x 1 execution), a little under: 100/2 -> 48.
	highLevelPaced: highLevelBulk('qBulkHighLevelPaced', { maxPerSecond: HL_PACED_PER_SECOND }),
};

const triggers = {
	sociocs: exampleWorkflow('sociocs-incoming-to-highlevel.json', 'qTrigSociocs', {
		'Sociocs Trigger': { channelKey: 'twlo-key-1' },
		'HighLevel: Add Inbound': { conversationProviderId: 'prov-q' },
	}),
	highLevel: exampleWorkflow('highlevel-inbound-to-inbox-reply.json', 'qTrigHighLevel', {
		'HighLevel Trigger': { rsaPublicKey: rsa.publicKey.export({ type: 'spki', format: 'pem' }).toString() },
		'Inbox: Reply': { threadId: { __rl: true, mode: 'id', value: 'tq1' } },
	}),
	inboxHook: exampleWorkflow('inbox-webhook-to-sociocs-send.json', 'qTrigInboxHook', { 'Sociocs: Send': { channelKey: 'chan-hook' } }),
	inboxPoll: exampleWorkflow('inbox-received-to-sociocs-send.json', 'qTrigInboxPoll', { 'Sociocs: Send': { channelKey: 'chan-poll' } }),
};

let bulkMock;
let mock; // the triggers' APIs, no rate limit
let cluster;
let suiteStarted;
let pollActivatedAt;
let newestSeq;

const inboxEvent = (id, origin, content) => ({
	id,
	teamId: 'team1',
	type: 'message.created',
	timestamp: new Date().toISOString(),
	version: '1.0',
	data: { message: { id: `m-${id}`, threadId: 't1', content, origin }, thread: { id: 't1', prospect: { name: 'Ada' } } },
});
const sociocsSends = (channel) => mock.requests.filter((r) => r.method === 'POST' && r.path === '/sociocs/message' && r.body?.channel_key === channel);
const inbounds = () => mock.requests.filter((r) => r.path === '/highlevel/conversations/messages/inbound');
const subscriptionCalls = (method) => mock.requests.filter((r) => r.method === method && r.path.startsWith('/sociocs/webhook-subscriptions'));
const polls = () => mock.requests.filter((r) => r.path === '/inbox/api/v1/events');

/** Executions of a workflow once their number stops at `count` (every one finished), checked twice 1 s apart. */
async function settledExecutions(workflowId, count, label) {
	let last;
	await until(async () => {
		const now = await cluster.executions(workflowId);
		const stable = last !== undefined && now.length === last.length && now.every((e) => e.finished || e.status === 'error');
		last = now;
		if (stable && now.length === count) return true;
		await new Promise((resolve) => setTimeout(resolve, 800));
		return false;
	}, label, 180_000);
	return last;
}

describe('n8n queue mode: main, two workers, one webhook process', { skip: unavailable }, () => {
	before(async () => {
		if (servers.missing) throw new Error(`queue suite under CI=true: ${servers.missing}`);
		suiteStarted = Date.now();
		bulkMock = await startMockApi();
		mock = await startMockApi();
		mock.webhooks.addInboxEvents([inboxEvent('hist1', 'external', 'old history message')]);
		const credentials = [
			...credentialsFor(mock).map((credential) =>
				credential.type === 'omnichannelInboxApi' ? { ...credential, data: { ...credential.data, webhookSigningSecret: INBOX_SIGNING_SECRET } } : credential,
			),
			{ ...BULK_CREDENTIALS.omnichannelSociocsApi, type: 'omnichannelSociocsApi', data: { apiKey: SECRETS.omnichannelSociocsApi, baseUrl: bulkMock.urls.sociocs } },
			{
				...BULK_CREDENTIALS.omnichannelHighLevelApi,
				type: 'omnichannelHighLevelApi',
				data: { accessToken: SECRETS.omnichannelHighLevelApi, locationId: 'loc1', baseUrl: bulkMock.urls.highlevel },
			},
		];
		cluster = await startQueueCluster({ servers, credentials, workflows: [...Object.values(bulk), ...Object.values(triggers)] });
		figure(
			`start-up ms: ${Object.entries(cluster.timings).map(([k, v]) => `${k} ${v}`).join(', ')}; ` +
				`ready after: main ${cluster.main.readyMs}, webhook ${cluster.webhook.readyMs}, workers ${cluster.workers.map((w) => w.readyMs).join(' / ')}; ${cluster.postgres.version}`,
		);
		// The poller first: its minute ticks run while the rest of the suite does. New messages
		// arrive right after the poll at activation (which starts from now).
		await cluster.activate(triggers.inboxPoll.id);
		pollActivatedAt = Date.now();
		await until(() => polls().length >= 1, 'the poll at activation', 180_000);
		newestSeq = mock.webhooks
			.addInboxEvents([inboxEvent('pollQ1', 'external', 'first new message'), inboxEvent('pollQ1b', 'internal', 'our own reply')])
			.at(-1).seq;
		for (const workflow of [bulk.sociocs, bulk.highLevel, bulk.highLevelPaced, triggers.sociocs, triggers.highLevel, triggers.inboxHook]) await cluster.activate(workflow.id);
		// A worker's first execution also starts its Code runner and loads our package: warm both
		// up (two small executions at once, one each), so that the bulk runs start together.
		const warm = Date.now();
		const warmedBy = [];
		for (const workflow of [bulk.sociocs, bulk.highLevel]) {
			const probe = JSON.stringify({ prefix: 'probe', count: 0 });
			await until(async () => (await post(`${cluster.webhook.url}/webhook/${workflow.id}`, probe)).status !== 404, `${workflow.id} to be served`);
			await twoAtOnce(workflow, ['warm-a', 'warm-b'], 3);
			const ids = (await settledExecutions(workflow.id, 3, `${workflow.id} warm-up`)).map((e) => e.id);
			await until(() => cluster.ranBy(ids).every((w) => w >= 0), 'the workers to log the warm-up', 60_000);
			warmedBy.push(cluster.ranBy(ids).join(','));
		}
		figure(`warm-up (probe + 2 small executions at once, per workflow) ${Date.now() - warm} ms, ran by workers ${warmedBy.join(' / ')}`);
	});

	after(async () => {
		const printed = cluster ? cluster.processes().map((p) => p.output()).join('\n') : '';
		await cluster?.stop();
		await bulkMock?.close();
		await mock?.close();
		if (suiteStarted) figure(`suite ${((Date.now() - suiteStarted) / 1000).toFixed(1)} s`);
		for (const secret of [...Object.values(SECRETS), INBOX_SIGNING_SECRET]) assert.ok(!printed.includes(secret), "a secret leaked into n8n's output");
	});

	/** Two executions of a bulk workflow at once through the webhook process: their answers and figures. */
	async function twoAtOnce(workflow, prefixes, count) {
		const url = `${cluster.webhook.url}/webhook/${workflow.id}`;
		const answers = await Promise.all(prefixes.map((prefix) => post(url, JSON.stringify({ prefix, count }))));
		for (const answer of answers) assert.equal(answer.status, 200, answer.body.slice(0, 500));
		return answers.map((answer) => JSON.parse(answer.body));
	}

	function checkRun(label, requests, prefixes, count, outputs, key) {
		const accepted = requests.filter((r) => r.status === 200);
		const texts = accepted.map(key);
		const expected = prefixes.flatMap((prefix) => Array.from({ length: count }, (_, i) => `${prefix}-${i}`));
		const distinct = new Set(texts);
		const lost = expected.filter((text) => !distinct.has(text)).length;
		assert.equal(lost, 0, `${label}: lost`);
		assert.equal(texts.length - distinct.size, 0, `${label}: duplicates`);
		assert.equal(texts.length, expected.length, `${label}: accepted`);
		for (const output of outputs) {
			assert.equal(output.length, count);
			assert.ok(output.every((item) => typeof (item.message_id ?? item.messageId) === 'string' && !item.error), `${label}: an output item is not a delivery`);
		}
		const outputIds = outputs.flat().map((item) => item.message_id ?? item.messageId);
		assert.equal(new Set(outputIds).size, expected.length, `${label}: output ids`);
		const first = Math.min(...requests.map((r) => r.at));
		const last = Math.max(...requests.map((r) => r.at));
		const starts = prefixes.map((prefix) => Math.min(...requests.filter((r) => key(r).startsWith(`${prefix}-`)).map((r) => r.at)));
		return {
			spanS: (last - first + LATENCY_MS) / 1000,
			startGapMs: Math.max(...starts) - Math.min(...starts),
			requests: requests.length,
			refused: requests.filter((r) => r.status === 429).length,
		};
	}

	async function checkRanInWorkers(workflowId, before) {
		const records = (await settledExecutions(workflowId, before + 2, `two more ${workflowId} executions`)).slice(before);
		assert.deepEqual(records.map((r) => [r.mode, r.status]), [['webhook', 'success'], ['webhook', 'success']]);
		const ids = records.map((r) => r.id);
		await until(() => cluster.ranBy(ids).every((w) => w >= 0), 'the workers to log the executions', 60_000);
		const ranBy = cluster.ranBy(ids);
		assert.deepEqual([...ranBy].sort(), [0, 1], `one execution per worker (ran by ${ranBy})`);
		for (const id of ids) assert.match(cluster.webhook.output(), new RegExp(`Enqueued execution ${id} `));
		return ranBy;
	}

	for (const discipline of DISCIPLINES) {
		test(`bulk across workers: 2 x ${SEND_ITEMS} Sociocs sends at once, one credential, ${SEND_RATE}/s ${discipline}, ${LATENCY_MS} ms`, { timeout: 300_000 }, async () => {
			bulkMock.reset();
			bulkMock.setLatency(LATENCY_MS);
			bulkMock.setRateLimit({ perSecond: SEND_RATE, discipline });
			const before = (await cluster.executions(bulk.sociocs.id)).length;
			const prefixes = [`${discipline}-a`, `${discipline}-b`];
			const outputs = await twoAtOnce(bulk.sociocs, prefixes);
			const sends = bulkMock.requests.filter((r) => r.path === '/sociocs/message');
			const run = checkRun(discipline, sends, prefixes, SEND_ITEMS, outputs, (r) => r.body.text);
			const floor = (2 * SEND_ITEMS) / SEND_RATE;
			figure(
				`Sociocs ${discipline}: span ${run.spanS.toFixed(2)} s, floor ${floor.toFixed(2)} s, x${(run.spanS / floor).toFixed(2)}, ` +
					`${run.requests} requests, ${run.refused} 429s, 0 lost, 0 duplicates, second execution's first request ${run.startGapMs} ms after the first's`,
			);
			judgeSpan(`Sociocs ${discipline}`, run.spanS, floor);
			await checkRanInWorkers(bulk.sociocs.id, before);
		});
	}

	for (const [workflow, label] of [
		[bulk.highLevel, 'default options'],
		[bulk.highLevelPaced, `Max Requests per Second ${HL_PACED_PER_SECOND}`],
	]) {
		test(`bulk across workers: 2 x ${HL_ITEMS} HighLevel Add Inbound at once, ${HL_LIMIT} per ${HL_WINDOW_MS} ms with X-RateLimit-* headers, ${label}`, { timeout: 300_000 }, async () => {
			bulkMock.reset();
			bulkMock.setLatency(LATENCY_MS);
			bulkMock.setRateLimit({ limit: HL_LIMIT, windowMs: HL_WINDOW_MS, discipline: 'fixed', headers: 'highlevel' });
			const before = (await cluster.executions(workflow.id)).length;
			const prefixes = [`${workflow.id}-a`, `${workflow.id}-b`];
			const outputs = await twoAtOnce(workflow, prefixes);
			const calls = bulkMock.requests.filter((r) => r.path === '/highlevel/conversations/messages/inbound');
			const run = checkRun('HighLevel', calls, prefixes, HL_ITEMS, outputs, (r) => r.body.message);
			const paced = workflow === bulk.highLevelPaced;
			const floor = (2 * HL_ITEMS) / (paced ? 2 * HL_PACED_PER_SECOND : (HL_LIMIT * 1000) / HL_WINDOW_MS);
			figure(
				`HighLevel, ${label}: span ${run.spanS.toFixed(2)} s, floor ${floor.toFixed(2)} s, x${(run.spanS / floor).toFixed(2)}, ` +
					`${run.requests} requests, ${run.refused} 429s, 0 lost, 0 duplicates, second execution's first request ${run.startGapMs} ms after the first's`,
			);
			if (paced) assert.equal(run.refused, 0, 'paced under the limit, no 429 at all');
			judgeSpan(`HighLevel, ${label}`, run.spanS, floor);
			await checkRanInWorkers(workflow.id, before);
		});
	}

	describe('triggers through the webhook process', () => {
		const route = webhookPath(triggers.sociocs, 'Sociocs Trigger');
		const event = (id, text) =>
			JSON.stringify(
				sociocsIncoming({
					message_id: id,
					text,
					contact: { id: 1, name: 'Jane', phone_number: '16311112222', extra_fields: '{"highlevel_conversation_id":"convQ"}', is_blocked: 0 },
					timestamp: Date.now(),
				}),
			);
		let secret;
		const signed = (raw) => ({ 'x-sociocs-signature': hmac(secret, raw) });
		const deliver = (raw, headers, url = cluster.webhook.url) => post(`${url}${route}`, raw, headers);

		test('Sociocs Trigger: the main subscribes once, with the webhook process URL', async () => {
			const subscription = await until(() => mock.webhooks.state.subscriptions[0], 'the subscription');
			assert.equal(subscription.webhook_url, `${cluster.webhook.url}${route}`);
			secret = subscription.secret;
			assert.equal(subscriptionCalls('POST').length, 1);
			// The main does not serve production webhooks (N8N_DISABLE_PRODUCTION_MAIN_PROCESS).
			assert.equal((await post(`${cluster.main.url}${route}`, '{}')).status, 404);
		});

		test('Sociocs Trigger: unsigned 401 and nothing starts; signed starts one execution, on a worker; a repeat to the same process none', async () => {
			const raw = event('SMq1', 'Hello from queue mode');
			const unsigned = await until(async () => {
				const answer = await deliver(raw, {});
				return answer.status === 404 ? undefined : answer;
			}, 'the webhook process to serve the trigger');
			assert.equal(unsigned.status, 401);
			assert.equal((await deliver(raw, { 'x-sociocs-signature': hmac('guess', raw) })).status, 401);
			const first = await deliver(raw, signed(raw));
			assert.equal(first.status, 200);
			const again = await deliver(raw, signed(raw));
			assert.match(again.body, /duplicate/);
			const [execution] = await settledExecutions(triggers.sociocs.id, 1, 'one Sociocs Trigger execution');
			assert.equal(execution.mode, 'webhook');
			await until(() => cluster.ranBy([execution.id])[0] >= 0, 'a worker to log it', 60_000);
			assert.match(cluster.webhook.output(), new RegExp(`Enqueued execution ${execution.id} `));
			await until(() => inbounds().length === 1, 'the HighLevel inbound');
			figure(`Sociocs Trigger signed delivery answered in ${first.ms} ms by the webhook process`);
		});

		test('duplicates across a webhook restart and across two webhook processes (the in-process memory is the limit)', { timeout: 300_000 }, async () => {
			const raw = event('SMq1', 'Hello from queue mode');
			const restart = await cluster.restartWebhook();
			figure(`webhook process restart: SIGTERM to exit ${restart.stopMs} ms, ready again ${restart.readyMs} ms`);
			const afterRestart = await deliver(raw, signed(raw));
			assert.equal(afterRestart.status, 200);
			// n8n 2.40.7 gives a node's webhook() no durable, atomic store (docs/queue-mode.md):
			// the repeat after a restart starts a second execution, as the README's Limits say.
			const records = await settledExecutions(triggers.sociocs.id, 2, 'the repeat after the restart to start');
			figure(`same Sociocs event after a webhook restart: ${records.length - 1} more execution (README Limits)`);
			// Immediately again, to the restarted process: its own memory has it now.
			assert.match((await deliver(raw, signed(raw))).body, /duplicate/);

			const second = await cluster.addWebhook();
			figure(`second webhook process ready in ${second.readyMs} ms`);
			const both = event('SMq2', 'Sent to two webhook processes at once');
			const answers = await Promise.all([deliver(both, signed(both)), deliver(both, signed(both), second.url)]);
			assert.deepEqual(answers.map((a) => a.status), [200, 200]);
			const started = answers.filter((a) => !/duplicate/.test(a.body)).length;
			await settledExecutions(triggers.sociocs.id, 2 + started, 'the simultaneous deliveries to settle');
			figure(`one Sociocs event to two webhook processes at the same moment: ${started} executions`);
			assert.equal(started, 2, 'each webhook process has its own memory');
			// Five copies at once to one process: one execution (the in-process check is atomic).
			const five = event('SMq3', 'Five copies at once');
			const copies = await Promise.all(Array.from({ length: 5 }, () => deliver(five, signed(five), second.url)));
			assert.equal(copies.filter((a) => !/duplicate/.test(a.body)).length, 1);
			await settledExecutions(triggers.sociocs.id, 5, 'the five copies to settle');
			assert.equal(subscriptionCalls('POST').length, 1, 'the webhook processes never subscribe');
		});

		test('HighLevel Trigger: unsigned 401, signed starts one execution on a worker', async () => {
			const hlRoute = webhookPath(triggers.highLevel, 'HighLevel Trigger');
			const raw = JSON.stringify({
				type: 'InboundMessage',
				locationId: 'loc1',
				body: 'Are you open today?',
				contactId: 'contactQ',
				conversationId: 'convQ9',
				direction: 'inbound',
				messageType: 'SMS',
				messageId: 'hmq1',
				timestamp: new Date().toISOString(),
				webhookId: 'whQ1',
			});
			assert.equal((await post(`${cluster.webhook.url}${hlRoute}`, raw, {})).status, 401);
			const headers = { 'x-wh-signature': sign('sha256', Buffer.from(raw), rsa.privateKey).toString('base64') };
			assert.equal((await post(`${cluster.webhook.url}${hlRoute}`, raw, headers)).status, 200);
			const [execution] = await settledExecutions(triggers.highLevel.id, 1, 'one HighLevel Trigger execution');
			await until(() => cluster.ranBy([execution.id])[0] >= 0, 'a worker to log it', 60_000);
			await until(() => mock.requests.some((r) => r.path === '/inbox/api/v1/threads/tq1/messages'), 'the Inbox reply');
		});

		test('Inbox Webhook Trigger: unsigned 401, signed starts one execution on a worker', async () => {
			const inboxRoute = webhookPath(triggers.inboxHook, 'Inbox Webhook Trigger');
			const raw = JSON.stringify(inboxEvent('evtQ1', 'external', 'Is the shop open?'));
			const t = Math.floor(Date.now() / 1000);
			assert.equal((await post(`${cluster.webhook.url}${inboxRoute}`, raw, {})).status, 401);
			const headers = { 'x-inbox-signature': `t=${t},v1=${hmac(INBOX_SIGNING_SECRET, `${t}.${raw}`)}` };
			assert.equal((await post(`${cluster.webhook.url}${inboxRoute}`, raw, headers)).status, 200);
			const [execution] = await settledExecutions(triggers.inboxHook.id, 1, 'one Inbox Webhook Trigger execution');
			await until(() => cluster.ranBy([execution.id])[0] >= 0, 'a worker to log it', 60_000);
			await until(() => sociocsSends('chan-hook').length === 1, 'the Sociocs send');
		});

		test('Sociocs Trigger: deactivation deletes the subscription once', async () => {
			await cluster.deactivate(triggers.sociocs.id);
			await until(() => mock.webhooks.state.subscriptions.length === 0, 'the subscription to be deleted');
			assert.deepEqual(subscriptionCalls('DELETE').map((r) => r.path), ['/sociocs/webhook-subscriptions/sub1']);
			assert.equal(subscriptionCalls('POST').length, 1);
		});
	});

	test('Inbox Trigger (polling): polled by one process only, each new message sent once', { timeout: 300_000 }, async () => {
		await until(() => sociocsSends('chan-poll').length >= 1, 'a send from a later poll', 100_000);
		// At least one more minute tick after the one that sent: a second poller would send again.
		await until(() => polls().some((r) => Number(r.query.afterSeq) >= newestSeq), 'a poll after the one that found the message', 70_000);
		await new Promise((resolve) => setTimeout(resolve, 2000));
		assert.deepEqual(sociocsSends('chan-poll').map((r) => r.body.text), ['Inbox: Ada wrote: first new message']);
		const minutes = Math.ceil((Date.now() - pollActivatedAt) / 60_000);
		figure(`Inbox polls: ${polls().length} in ${minutes} started minute(s) since activation (one poller: <= minutes + 1)`);
		assert.ok(polls().length <= minutes + 1, `${polls().length} polls in ${minutes} minutes: more than one process polls`);
		const runs = (await cluster.executions(triggers.inboxPoll.id)).filter((e) => e.mode === 'trigger');
		assert.equal(runs.length, 1);
		await until(() => cluster.ranBy([runs[0].id])[0] >= 0, 'a worker to log the poll execution', 60_000);
	});
});
