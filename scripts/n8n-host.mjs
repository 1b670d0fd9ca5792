// A real n8n for the end-to-end suite and `npm run dev`: installed once per machine outside
// the repo (n8n 2.40.7, the newest that installs from the registry reachable here, and 1.123.81,
// the newest 1.x, each in a folder of its own; see n8nHostVersion.mjs), with our
// packed tarball installed into a user folder the way Settings > Community Nodes installs it.
//
// Two rules keep this working on a fresh machine and next to any other n8n:
// - The install is verified, not just marked: n8n's database driver (sqlite3, native) must
//   load and open a database with the Node that runs n8n. A cache that fails the check (an
//   interrupted install, a rebuild that silently did nothing) is repaired on the next run.
// - Every n8n process gets free ports of its own (editor/webhooks and the task broker, which
//   n8n 2.40 starts even for CLI commands), so any number of them can run side by side.
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { hostPackageJson, N8N_VERSION } from './n8nHostVersion.mjs';

// Which n8n (OMNICHANNEL_N8N_VERSION, one of N8N_VERSIONS) and what differs between its lines.
export * from './n8nHostVersion.mjs';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const cacheDir =
	process.env.OMNICHANNEL_CACHE ?? path.join(os.homedir(), '.cache', 'n8n-nodes-omnichannel');
const hostDir = path.join(cacheDir, `n8n-${N8N_VERSION}`);
/** Written once `npm install n8n` has completed (an interrupted install is resumed). */
const installedMarker = path.join(hostDir, '.npm-installed');
/** Written once the install was proven to work with this Node (see verifyHost). */
const verifiedMarker = path.join(hostDir, '.verified');
export const n8nBin = path.join(hostDir, 'node_modules', 'n8n', 'bin', 'n8n');

/**
 * npm settings a caller may legitimately hand down: where the registry is and how to reach it,
 * and where Node's headers are. Everything else npm exports as `npm_config_*` under `npm run`
 * (notably this repo's `ignore-scripts=true`, and `local-prefix` pointing at the repo) must not
 * leak into the installs below, which happen in another folder with needs of their own.
 */
const PASSED_NPM_SETTINGS = new Set([
	'cafile', 'ca', 'cert', 'key', 'strict_ssl', 'registry', 'proxy', 'https_proxy', 'http_proxy',
	'noproxy', 'cache', 'userconfig', 'globalconfig', 'nodedir',
]);

/** npm's environment for installs and native builds against the running Node (sqlite3 must match it). */
export function npmEnv(extra = {}) {
	const env = {};
	for (const [name, value] of Object.entries(process.env)) {
		const setting = /^npm_config_(.+)$/i.exec(name)?.[1].toLowerCase();
		if (setting !== undefined ? PASSED_NPM_SETTINGS.has(setting) : !/^npm_(package|lifecycle)_/i.test(name)) {
			env[name] = value;
		}
	}
	env.npm_config_yes = 'true';
	const nodeDir = path.resolve(path.dirname(process.execPath), '..');
	if (fs.existsSync(path.join(nodeDir, 'include', 'node', 'node.h'))) env.npm_config_nodedir = nodeDir;
	return { ...env, ...extra };
}

function log(message) {
	process.stderr.write(`[n8n-host] ${message}\n`);
}

/**
 * Proves n8n can open its database: loads the sqlite3 binding the way n8n resolves it, with the
 * Node that will run n8n, and opens an in-memory database. Returns the failure, or undefined.
 */
export function verifyHost() {
	const probe = `
		const sqlite3 = require(require.resolve('sqlite3', { paths: [${JSON.stringify(path.dirname(path.dirname(n8nBin)))}] }));
		const db = new sqlite3.Database(':memory:');
		db.get('select sqlite_version() as v', (error, row) => {
			if (error) { console.error(error.message); process.exit(1); }
			db.close(() => process.exit(row && row.v ? 0 : 1));
		});`;
	const result = spawnSync(process.execPath, ['-e', probe], { cwd: hostDir, encoding: 'utf8', timeout: 60_000 });
	if (result.status === 0) return undefined;
	const said = (result.stderr || result.error?.message || '').split('\n');
	return (said.find((line) => /error|cannot|not found/i.test(line)) ?? `exit ${result.status}`).trim();
}

const sleepSync = (ms) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

/** One installer at a time per cache (two test runs may start together); a dead holder's lock is taken over. */
function withInstallLock(work) {
	const lock = `${hostDir}.lock`;
	fs.mkdirSync(cacheDir, { recursive: true });
	for (let waited = 0; ; waited += 2000) {
		try {
			fs.mkdirSync(lock);
			fs.writeFileSync(path.join(lock, 'pid'), String(process.pid));
			break;
		} catch (error) {
			if (error.code !== 'EEXIST') throw error;
			const holder = Number(fs.readFileSync(path.join(lock, 'pid'), { encoding: 'utf8', flag: 'a+' }) || 0);
			let alive = holder > 0;
			try {
				if (alive) process.kill(holder, 0);
			} catch {
				alive = false;
			}
			if (!alive && waited >= 2000) {
				fs.rmSync(lock, { recursive: true, force: true });
				continue;
			}
			if (waited === 0) log(`waiting for another process (pid ${holder}) installing n8n...`);
			if (waited > 30 * 60_000) throw new Error(`n8n install lock ${lock} held for 30 minutes`);
			sleepSync(2000);
		}
	}
	try {
		return work();
	} finally {
		fs.rmSync(lock, { recursive: true, force: true });
	}
}

/**
 * Installs n8n once (about 5 minutes the first time; npm's cache makes later installs faster),
 * then proves it works. Each call re-checks the proof, which takes well under a second.
 */
export function ensureN8n() {
	const verifiedFor = `${N8N_VERSION} node ${process.version}`;
	const proven = () => fs.existsSync(verifiedMarker) && fs.readFileSync(verifiedMarker, 'utf8') === verifiedFor;
	if (proven() && fs.existsSync(n8nBin) && !verifyHost()) return n8nBin;
	return withInstallLock(() => {
		const started = Date.now();
		fs.rmSync(verifiedMarker, { force: true });
		if (!fs.existsSync(installedMarker) || !fs.existsSync(n8nBin)) {
			fs.mkdirSync(hostDir, { recursive: true });
			fs.writeFileSync(path.join(hostDir, 'package.json'), `${JSON.stringify(hostPackageJson())}\n`);
			log(`installing n8n@${N8N_VERSION} into ${hostDir} (first run only, about 5 minutes)...`);
			// --ignore-scripts: a Kafka client's install script downloads a binary, which fails here.
			// The one native module n8n needs, sqlite3, is built below.
			execFileSync('npm', ['install', '--ignore-scripts', '--no-audit', '--no-fund', `n8n@${N8N_VERSION}`], {
				cwd: hostDir,
				env: npmEnv(),
				stdio: ['ignore', 'ignore', 'inherit'],
			});
			fs.writeFileSync(installedMarker, new Date().toISOString());
		}
		let failure = verifyHost();
		if (failure) {
			log(`n8n's database driver does not load (${failure}); building sqlite3 for node ${process.version} (about 1-2 minutes)...`);
			// Install scripts must run here, whatever the caller's npm settings say: this is the build.
			execFileSync('npm', ['rebuild', 'sqlite3'], {
				cwd: hostDir,
				env: npmEnv({ npm_config_ignore_scripts: 'false' }),
				stdio: ['ignore', 'ignore', 'inherit'],
			});
			failure = verifyHost();
			if (failure) throw new Error(`n8n's database driver (sqlite3) still does not load after rebuilding it: ${failure}`);
		}
		fs.writeFileSync(verifiedMarker, verifiedFor);
		log(`n8n ${N8N_VERSION} ready in ${Math.round((Date.now() - started) / 1000)} s`);
		return n8nBin;
	});
}

/** Packs the built package (dist/ must exist) and installs the tarball as a community package. */
export function installPackage(userFolder) {
	const nodesDir = path.join(userFolder, '.n8n', 'nodes');
	fs.mkdirSync(nodesDir, { recursive: true });
	const tarball = execFileSync('npm', ['pack', '--silent', '--pack-destination', userFolder], {
		cwd: root,
		encoding: 'utf8',
		env: npmEnv(),
	})
		.trim()
		.split('\n')
		.pop();
	fs.writeFileSync(path.join(nodesDir, 'package.json'), '{"name":"installed-nodes","private":true}\n');
	execFileSync(
		'npm',
		['install', '--silent', '--no-audit', '--no-fund', '--legacy-peer-deps', '--ignore-scripts', path.join(userFolder, tarball)],
		{ cwd: nodesDir, env: npmEnv(), stdio: ['ignore', 'ignore', 'inherit'] },
	);
	return path.join(userFolder, tarball);
}

/** A TCP port free on this machine now (on every address, as n8n's editor listens on all of them). */
export function freePort(preferred = 0) {
	return new Promise((resolve, reject) => {
		const server = net.createServer();
		server.unref();
		server.once('error', (error) => (preferred ? resolve(freePort(0)) : reject(error)));
		server.listen(preferred, () => {
			const { port } = server.address();
			server.close(() => resolve(port));
		});
	});
}

/** Ports of one n8n process: editor/webhooks and task broker, free unless given. */
async function ports(extra) {
	const port = extra.N8N_PORT ?? String(await freePort());
	const broker = extra.N8N_RUNNERS_BROKER_PORT ?? String(await freePort());
	return { N8N_PORT: port, N8N_RUNNERS_BROKER_PORT: broker };
}

export function n8nEnv(userFolder, extra = {}) {
	return {
		...process.env,
		N8N_USER_FOLDER: userFolder,
		N8N_DIAGNOSTICS_ENABLED: 'false',
		N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
		N8N_ENCRYPTION_KEY: 'omnichannel-e2e-encryption-key',
		// Plain http on localhost: the session cookie must not require https.
		N8N_SECURE_COOKIE: 'false',
		// `n8n execute` prints the run data through its logger at level info.
		N8N_LOG_LEVEL: 'info',
		...extra,
	};
}

/**
 * Runs an n8n CLI command to completion: { status, stdout, stderr }. Asynchronous, so that a
 * mock API served by this same process keeps answering while n8n runs.
 */
export async function n8n(userFolder, args, extraEnv = {}) {
	const env = n8nEnv(userFolder, { ...extraEnv, ...(await ports(extraEnv)) });
	// n8n exits right after printing, and writes to a pipe would be cut short: use files.
	const base = path.join(userFolder, `cli-${process.pid}-${Date.now()}-${Math.random().toString(36).slice(2, 8)}`);
	const outFd = fs.openSync(`${base}.out`, 'w');
	const errFd = fs.openSync(`${base}.err`, 'w');
	return new Promise((resolve, reject) => {
		const child = spawn(process.execPath, [n8nBin, ...args], { env, stdio: ['ignore', outFd, errFd] });
		const collect = () => {
			fs.closeSync(outFd);
			fs.closeSync(errFd);
			const read = (file) => {
				const text = fs.readFileSync(file, 'utf8');
				fs.rmSync(file);
				return text;
			};
			return { stdout: read(`${base}.out`), stderr: read(`${base}.err`) };
		};
		child.on('error', (error) => {
			collect();
			reject(error);
		});
		child.on('close', (status) => resolve({ status, ...collect() }));
	});
}

/**
 * Starts `n8n start` and resolves once its editor answers: { url, port, child, output(), stop() }.
 * `output()` is everything n8n printed so far. Webhook URLs point at this process
 * (WEBHOOK_URL), unless the caller says otherwise. `stdio: 'inherit'` shows n8n's output live
 * (for `npm run dev`) instead of collecting it.
 */
export async function startServer(userFolder, extraEnv = {}, { stdio = 'pipe', timeoutMs = 180_000 } = {}) {
	const own = await ports(extraEnv);
	const url = `http://localhost:${own.N8N_PORT}`;
	const env = n8nEnv(userFolder, { WEBHOOK_URL: `${url}/`, ...extraEnv, ...own });
	const child = spawn(process.execPath, [n8nBin, 'start'], { env, stdio: stdio === 'inherit' ? 'inherit' : 'pipe' });
	let printed = '';
	child.stdout?.on('data', (chunk) => (printed += chunk));
	child.stderr?.on('data', (chunk) => (printed += chunk));
	let exited = null;
	const exit = new Promise((resolve) => child.once('exit', (code, signal) => resolve((exited = code ?? signal))));
	const stop = async () => {
		if (exited !== null) return;
		child.kill('SIGTERM');
		const killer = setTimeout(() => child.kill('SIGKILL'), 15_000);
		await exit;
		clearTimeout(killer);
	};
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		if (exited !== null) throw new Error(`n8n start exited (${exited}) before its editor answered:\n${printed.slice(-4000)}`);
		try {
			// /healthz answers while n8n still shows "n8n is starting up"; its settings answer once the editor is up.
			const response = await fetch(`${url}/rest/settings`, { signal: AbortSignal.timeout(2000) });
			// n8n's REST routes are all mounted once it prints this (1.123 answers 404 to some until then).
			const editorUp = stdio === 'inherit' || printed.includes('Editor is now accessible');
			if (editorUp && response.ok && (response.headers.get('content-type') ?? '').includes('json')) break;
		} catch {
			// not listening yet
		}
		if (Date.now() > deadline) {
			await stop();
			throw new Error(`n8n start did not answer on ${url} within ${timeoutMs / 1000} s:\n${printed.slice(-4000)}`);
		}
		await new Promise((resolve) => setTimeout(resolve, 500));
	}
	return { url, port: Number(own.N8N_PORT), child, output: () => printed, stop, exited: exit };
}

/** The owner account the tests and the screenshot script create in a fresh user folder. */
export const OWNER = { email: 'owner@example.com', firstName: 'Test', lastName: 'Owner', password: 'Omnichannel-e2e-1' };
/** n8n ties its session cookie to a browser id sent with every REST call. */
const BROWSER_ID = 'omnichannel-e2e-browser';

/**
 * Creates the owner (first call on a fresh user folder) and signs in: { cookie, rest(method, path, body) }.
 * `rest` answers the parsed JSON body (n8n's `{ data }` unwrapped) and throws on a non-2xx answer.
 */
export async function signIn(url) {
	const call = async (method, route, body, cookie) => {
		const response = await fetch(`${url}${route}`, {
			method,
			headers: {
				'content-type': 'application/json',
				'browser-id': BROWSER_ID,
				...(cookie ? { cookie } : {}),
			},
			body: body === undefined ? undefined : JSON.stringify(body),
		});
		const text = await response.text();
		let parsed;
		try {
			parsed = text ? JSON.parse(text) : undefined;
		} catch {
			parsed = text;
		}
		return { response, parsed };
	};
	await call('POST', '/rest/owner/setup', OWNER); // refused once an owner exists: fine
	const login = await call('POST', '/rest/login', { emailOrLdapLoginId: OWNER.email, password: OWNER.password });
	if (!login.response.ok) throw new Error(`n8n login failed: HTTP ${login.response.status} ${JSON.stringify(login.parsed)}`);
	const cookie = login.response.headers
		.getSetCookie()
		.map((line) => line.split(';')[0])
		.join('; ');
	return {
		cookie,
		browserId: BROWSER_ID,
		async rest(method, route, body) {
			const { response, parsed } = await call(method, route, body, cookie);
			if (!response.ok) throw new Error(`${method} ${route}: HTTP ${response.status} ${JSON.stringify(parsed)}`);
			return parsed && typeof parsed === 'object' && 'data' in parsed ? parsed.data : parsed;
		},
	};
}
