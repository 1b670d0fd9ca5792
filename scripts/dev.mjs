#!/usr/bin/env node
// `npm run dev`: installs what is missing, builds, installs the packed package into a local
// n8n user folder (.dev/, git-ignored) as a community package, and starts n8n on
// http://localhost:5678. Run it again after a change to pick the change up.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

import { ensureDeps } from './ensure-deps.mjs';
import { ensureN8n, installPackage, npmEnv, root, startN8n } from './n8n-host.mjs';

ensureDeps();
execFileSync('npm', ['run', 'build'], { cwd: root, env: npmEnv(), stdio: 'inherit' });
ensureN8n();
const userFolder = path.join(root, '.dev');
fs.rmSync(path.join(userFolder, '.n8n', 'nodes'), { recursive: true, force: true });
installPackage(userFolder);
console.log('\nStarting n8n on http://localhost:5678 with n8n-nodes-omnichannel loaded (Ctrl+C to stop)...\n');
const child = startN8n(userFolder, { N8N_PORT: process.env.N8N_PORT ?? '5678' });
child.on('exit', (code) => process.exit(code ?? 0));
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
