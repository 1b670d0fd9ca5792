// n8n 2.40.7 in queue mode for real, for the queue suite: Redis and Postgres as processes of the
// test (scripts/queue-servers.mjs), then a main (`n8n start`), `n8n webhook` and `n8n worker`
// processes sharing one user folder (the packed package installed once as a community package),
// one Postgres database and one encryption key. Settings as in docs/queue-mode.md.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';

import { ensureN8n, freePort, installPackage, n8n, n8nBin, n8nEnv, signIn, startServer } from '../../scripts/n8n-host.mjs';
import { ensureQueueServers, startPostgres, startRedis } from '../../scripts/queue-servers.mjs';

const START_TIMEOUT_MS = 600_000;

/** Either the servers can run here, or the one-line reason they cannot. */
export function queueServers() {
	return ensureQueueServers();
}

/**
 * A process of the cluster: { kind, port, output(), stop(), exited }. Ready once `readyUrl` answers
 * 200. The time-out is a safety net only: four n8n processes starting at once on a shared 2-core
 * machine were seen to take 2 minutes.
 */
async function startN8nProcess(kind, args, env, readyUrl, timeoutMs = START_TIMEOUT_MS) {
	const started = Date.now();
	const child = spawn(process.execPath, [n8nBin, ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] });
	let printed = '';
	child.stdout.on('data', (chunk) => (printed += chunk));
	child.stderr.on('data', (chunk) => (printed += chunk));
	let exited = null;
	const exit = new Promise((resolve) => child.once('exit', (code, signal) => resolve((exited = code ?? signal))));
	const stop = async () => {
		if (exited !== null) return;
		child.kill('SIGTERM');
		const killer = setTimeout(() => child.kill('SIGKILL'), 20_000);
		await exit;
		clearTimeout(killer);
	};
	for (const deadline = Date.now() + timeoutMs; ; ) {
		if (exited !== null) throw new Error(`n8n ${kind} exited (${exited}) before it was ready:\n${printed.slice(-4000)}`);
		try {
			if ((await fetch(readyUrl, { signal: AbortSignal.timeout(2000) })).ok) break;
		} catch {
			// not listening yet
		}
		if (Date.now() > deadline) {
			await stop();
			throw new Error(`n8n ${kind} not ready within ${timeoutMs / 1000} s:\n${printed.slice(-4000)}`);
		}
		await new Promise((resolve) => setTimeout(resolve, 250));
	}
	return { kind, pid: child.pid, readyMs: Date.now() - started, output: () => printed, stop, exited: exit };
}

/**
 * Starts the servers and the cluster: main, `workers` workers (one execution at a time each, so
 * that two executions at once go one to each) and one webhook process; production webhooks only
 * on webhook processes. `credentials` and `workflows` are imported first.
 */
export async function startQueueCluster(options) {
	// What has been started so far (promises of { stop }), stopped again if the start fails, so
	// that a failed start leaves no server running.
	const started = [];
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'omnichannel-queue-'));
	try {
		return await startCluster(options, dir, (starting) => (started.push(starting), starting));
	} catch (error) {
		await Promise.allSettled(started.map(async (starting) => await (await starting).stop()));
		fs.rmSync(dir, { recursive: true, force: true });
		throw error;
	}
}

async function startCluster({ servers, credentials, workflows, workers = 2 }, dir, track) {
	const timings = {};
	const time = async (label, work) => {
		const started = Date.now();
		const result = await work();
		timings[label] = Date.now() - started;
		return result;
	};
	ensureN8n();
	const redis = await time('redis', () => track(startRedis(servers.redisServer, path.join(dir, 'redis'))));
	const postgres = await time('postgres', () => track(startPostgres(servers.postgresNative, path.join(dir, 'postgres'))));
	const userFolder = path.join(dir, 'n8n');
	fs.mkdirSync(userFolder);
	await time('package', () => installPackage(userFolder));

	const webhookPorts = [await freePort(), await freePort()];
	const shared = {
		EXECUTIONS_MODE: 'queue',
		QUEUE_BULL_REDIS_HOST: '127.0.0.1',
		QUEUE_BULL_REDIS_PORT: String(redis.port),
		DB_TYPE: 'postgresdb',
		DB_POSTGRESDB_HOST: '127.0.0.1',
		DB_POSTGRESDB_PORT: String(postgres.port),
		DB_POSTGRESDB_DATABASE: 'n8n',
		DB_POSTGRESDB_USER: 'n8n',
		DB_POSTGRESDB_PASSWORD: 'unused-trust-on-loopback',
		N8N_HOST: '127.0.0.1',
		N8N_LISTEN_ADDRESS: '127.0.0.1',
		// n8n 2.40 reads N8N_WEBHOOK_URL (WEBHOOK_URL is its deprecated name, which startServer sets).
		N8N_WEBHOOK_URL: `http://127.0.0.1:${webhookPorts[0]}/`,
		WEBHOOK_URL: `http://127.0.0.1:${webhookPorts[0]}/`,
		// Manual runs go to the workers too (n8n's advice); the main then starts no task runner.
		OFFLOAD_MANUAL_EXECUTIONS_TO_WORKERS: 'true',
		N8N_DISABLE_PRODUCTION_MAIN_PROCESS: 'true',
		N8N_WORKFLOW_PUBLICATION_OUTBOX_POLL_INTERVAL_MS: '1000',
		N8N_WORKFLOW_PUBLICATION_RECONCILE_INTERVAL_SECONDS: '2',
	};
	const env = (extra = {}) => n8nEnv(userFolder, { ...shared, ...extra });

	const credsFile = path.join(userFolder, 'credentials.json');
	fs.writeFileSync(credsFile, JSON.stringify(credentials));
	const check = (step, result) => {
		if (result.status !== 0) throw new Error(`n8n ${step} failed:\n${result.stdout}\n${result.stderr}`);
	};
	const wfDir = path.join(userFolder, 'workflows');
	fs.mkdirSync(wfDir);
	for (const workflow of workflows) fs.writeFileSync(path.join(wfDir, `${workflow.id}.json`), JSON.stringify(workflow));
	await time('import (migrations)', async () => {
		check('import:credentials', await n8n(userFolder, ['import:credentials', `--input=${credsFile}`], shared));
		check('import:workflow', await n8n(userFolder, ['import:workflow', '--separate', `--input=${wfDir}`], shared));
	});

	const startWebhook = async (port) => {
		const proc = await startN8nProcess('webhook', ['webhook'], env({ N8N_PORT: String(port) }), `http://127.0.0.1:${port}/healthz/readiness`);
		return { ...proc, url: `http://127.0.0.1:${port}`, port };
	};
	const startWorker = async () => {
		const health = await freePort();
		return await startN8nProcess(
			'worker',
			['worker', '--concurrency=1'],
			env({ N8N_RUNNERS_BROKER_PORT: String(await freePort()), QUEUE_HEALTH_CHECK_ACTIVE: 'true', QUEUE_HEALTH_CHECK_PORT: String(health) }),
			`http://127.0.0.1:${health}/healthz/readiness`,
		);
	};
	const startMain = async () => {
		const port = await freePort();
		const started = Date.now();
		const proc = await startServer(
			userFolder,
			{ ...shared, N8N_PORT: String(port), N8N_EDITOR_BASE_URL: `http://127.0.0.1:${port}/` },
			{ timeoutMs: START_TIMEOUT_MS },
		);
		return { ...proc, readyMs: Date.now() - started };
	};
	// All at once: on 2 cores this is quicker than one after the other.
	const [main, webhook, ...workerList] = await time('main + webhook + workers together', () =>
		Promise.all([startMain(), startWebhook(webhookPorts[0]), ...Array.from({ length: workers }, startWorker)].map(track)),
	);
	const session = await signIn(main.url);

	const pg = createRequire(n8nBin)('pg');
	const db = new pg.Client({ host: '127.0.0.1', port: postgres.port, user: 'n8n', database: 'n8n', password: 'unused' });
	await db.connect();

	const cluster = {
		dir,
		userFolder,
		redis,
		postgres,
		main,
		session,
		webhook,
		workers: workerList,
		extraWebhooks: [],
		timings,
		db,
		/** Every n8n process of the cluster now running. */
		processes: () => [main, cluster.webhook, ...cluster.workers, ...cluster.extraWebhooks],
		/** Restarts the webhook process on its port: { stopMs, readyMs }. */
		async restartWebhook() {
			const stopping = Date.now();
			await cluster.webhook.stop();
			const stopMs = Date.now() - stopping;
			cluster.webhook = await startWebhook(cluster.webhook.port);
			return { stopMs, readyMs: cluster.webhook.readyMs };
		},
		/** A second webhook process (the one load balancers spread deliveries over). */
		async addWebhook() {
			const extra = await startWebhook(webhookPorts[1]);
			cluster.extraWebhooks.push(extra);
			return extra;
		},
		/** Executions recorded in Postgres, oldest first: { id, mode, status, finished }. */
		async executions(workflowId) {
			const { rows } = await db.query(
				'select id, mode, status, finished from execution_entity where "workflowId" = $1 order by id::int',
				[workflowId],
			);
			return rows;
		},
		/** Which worker (index) logged "Worker started execution <id>", for each id. */
		ranBy(ids) {
			return ids.map((id) =>
				cluster.workers.findIndex((worker) => new RegExp(`Worker started execution ${id} `).test(worker.output())),
			);
		},
		async activate(workflowId) {
			const workflow = await session.rest('GET', `/rest/workflows/${workflowId}`);
			await session.rest('POST', `/rest/workflows/${workflowId}/activate`, { versionId: workflow.versionId });
		},
		async deactivate(workflowId) {
			await session.rest('POST', `/rest/workflows/${workflowId}/deactivate`, {});
		},
		async stop() {
			await db.end().catch(() => {});
			await Promise.all(cluster.processes().map((proc) => proc.stop()));
			await Promise.all([redis.stop(), postgres.stop()]);
			fs.rmSync(dir, { recursive: true, force: true });
		},
	};
	return cluster;
}

/** POSTs raw bytes: { status, body, ms }. */
export async function post(url, raw, headers = {}) {
	const started = Date.now();
	const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: raw });
	return { status: response.status, body: await response.text(), ms: Date.now() - started };
}
