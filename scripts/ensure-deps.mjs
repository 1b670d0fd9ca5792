// Installs the dev dependencies when they are missing or older than package-lock.json, so
// that `npm run dev` and `npm run test:all` work on a fresh clone as the only commands.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

import { npmEnv, root } from './n8n-host.mjs';

export function ensureDeps() {
	const major = Number(process.versions.node.split('.')[0]);
	if (major < 24) {
		console.error(`n8n 2.40 needs Node 24 or newer; this is Node ${process.versions.node}. See README > Development.`);
		process.exit(1);
	}
	const installed = path.join(root, 'node_modules', '.package-lock.json');
	const lock = path.join(root, 'package-lock.json');
	if (fs.existsSync(installed) && fs.statSync(installed).mtimeMs >= fs.statSync(lock).mtimeMs) return;
	console.error('[deps] installing dev dependencies...');
	execFileSync('npm', ['install', '--no-audit', '--no-fund'], { cwd: root, env: npmEnv(), stdio: 'inherit' });
}

/**
 * Debian packages the tests use: Chromium (the editor walk, test/e2e/editorPanels.test.mjs) and
 * Redis (queue mode, test/e2e/queue.test.mjs). Installed when missing and this is root with
 * apt-get; otherwise the suites that need them say so (and fail under CI=true).
 */
export function ensureSystemPackages() {
	const missing = [
		['chromium', '/usr/bin/chromium'],
		['redis-server', '/usr/bin/redis-server'],
	].filter(([, file]) => !fs.existsSync(file)).map(([name]) => name);
	if (missing.length === 0) return;
	if (process.getuid?.() !== 0 || !fs.existsSync('/usr/bin/apt-get')) {
		console.error(`[deps] ${missing.join(', ')} missing, and this is not root with apt-get: the suites that need them will say so`);
		return;
	}
	console.error(`[deps] installing ${missing.join(', ')} from Debian's packages...`);
	const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
	execFileSync('apt-get', ['update', '-qq'], { env, stdio: 'inherit' });
	execFileSync('apt-get', ['install', '-y', '-qq', ...missing], { env, stdio: 'inherit' });
}

if (import.meta.url === `file://${process.argv[1]}`) ensureDeps();
