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

if (import.meta.url === `file://${process.argv[1]}`) ensureDeps();
