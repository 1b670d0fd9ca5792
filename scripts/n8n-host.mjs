// A real n8n for the end-to-end suite and `npm run dev`: installed once per machine outside
// the repo (n8n 2.40.7, the newest that installs from the registry reachable here), with our
// packed tarball installed into a user folder the way Settings > Community Nodes installs it.
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const N8N_VERSION = '2.40.7';
export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const cacheDir =
	process.env.OMNICHANNEL_CACHE ?? path.join(os.homedir(), '.cache', 'n8n-nodes-omnichannel');
const hostDir = path.join(cacheDir, `n8n-${N8N_VERSION}`);
const marker = path.join(hostDir, '.installed');
export const n8nBin = path.join(hostDir, 'node_modules', 'n8n', 'bin', 'n8n');

/** npm's environment for native builds against the running Node (sqlite3 must match Node 24). */
export function npmEnv(extra = {}) {
	const env = { ...process.env, npm_config_yes: 'true', ...extra };
	const nodeDir = path.resolve(path.dirname(process.execPath), '..');
	if (fs.existsSync(path.join(nodeDir, 'include', 'node', 'node.h'))) env.npm_config_nodedir = nodeDir;
	return env;
}

function log(message) {
	process.stderr.write(`[n8n-host] ${message}\n`);
}

/** Installs n8n once (about 5 minutes the first time; npm's cache makes later installs faster). */
export function ensureN8n() {
	if (fs.existsSync(marker) && fs.existsSync(n8nBin)) return n8nBin;
	fs.mkdirSync(hostDir, { recursive: true });
	fs.writeFileSync(path.join(hostDir, 'package.json'), '{"name":"n8n-e2e-host","private":true}\n');
	const started = Date.now();
	log(`installing n8n@${N8N_VERSION} into ${hostDir} (first run only)...`);
	// --ignore-scripts: a Kafka client's install script downloads a binary, which fails here.
	execFileSync('npm', ['install', '--ignore-scripts', '--no-audit', '--no-fund', `n8n@${N8N_VERSION}`], {
		cwd: hostDir,
		env: npmEnv(),
		stdio: ['ignore', 'ignore', 'inherit'],
	});
	// n8n's default database driver is native and must be built for this Node.
	execFileSync('npm', ['rebuild', 'sqlite3'], { cwd: hostDir, env: npmEnv(), stdio: ['ignore', 'ignore', 'inherit'] });
	fs.writeFileSync(marker, new Date().toISOString());
	log(`n8n installed in ${Math.round((Date.now() - started) / 1000)} s`);
	return n8nBin;
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

export function n8nEnv(userFolder, extra = {}) {
	return {
		...process.env,
		N8N_USER_FOLDER: userFolder,
		N8N_DIAGNOSTICS_ENABLED: 'false',
		N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
		N8N_RUNNERS_ENABLED: 'false',
		N8N_ENCRYPTION_KEY: 'omnichannel-e2e-encryption-key',
		// `n8n execute` prints the run data through its logger at level info.
		N8N_LOG_LEVEL: 'info',
		...extra,
	};
}

/**
 * Runs an n8n CLI command to completion: { status, stdout, stderr }. Asynchronous, so that a
 * mock API served by this same process keeps answering while n8n runs.
 */
export function n8n(userFolder, args) {
	// n8n exits right after printing, and writes to a pipe would be cut short: use files.
	const base = path.join(userFolder, `cli-${process.pid}-${Date.now()}`);
	const outFd = fs.openSync(`${base}.out`, 'w');
	const errFd = fs.openSync(`${base}.err`, 'w');
	return new Promise((resolve, reject) => {
		const child = spawn(process.execPath, [n8nBin, ...args], {
			env: n8nEnv(userFolder),
			stdio: ['ignore', outFd, errFd],
		});
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

/** Starts `n8n start` in the foreground of a child process (used by `npm run dev`). */
export function startN8n(userFolder, extraEnv = {}) {
	return spawn(process.execPath, [n8nBin, 'start'], {
		env: n8nEnv(userFolder, extraEnv),
		stdio: 'inherit',
	});
}
