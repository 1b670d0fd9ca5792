#!/usr/bin/env node
// `npm run dev`: installs what is missing, builds, installs the packed package into a local
// n8n user folder (.dev/, git-ignored) as a community package, and starts n8n on
// http://localhost:5678 (or the next free port, when another n8n has that one). Run it again
// after a change to pick the change up.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

import { ensureDeps } from './ensure-deps.mjs';
import { ensureN8n, freePort, installPackage, npmEnv, root, startServer } from './n8n-host.mjs';

ensureDeps();
execFileSync('npm', ['run', 'build'], { cwd: root, env: npmEnv(), stdio: 'inherit' });
ensureN8n();
const userFolder = path.join(root, '.dev');
fs.rmSync(path.join(userFolder, '.n8n', 'nodes'), { recursive: true, force: true });
installPackage(userFolder);
const port = String(await freePort(Number(process.env.N8N_PORT ?? 5678)));
console.log(`\nStarting n8n on http://localhost:${port} with n8n-nodes-omnichannel loaded (Ctrl+C to stop)...\n`);
const server = await startServer(userFolder, { N8N_PORT: port }, { stdio: 'inherit' });
// Every node the package declares (package.json "n8n.nodes"), by the name the editor shows.
const require = createRequire(import.meta.url);
const nodes = require('../package.json').n8n.nodes.map((file) => {
	const [NodeClass] = Object.values(require(path.join(root, file)));
	return new NodeClass().description.displayName;
});
console.log(`\nn8n is ready: open ${server.url} (nodes: ${nodes.join(', ')})\n`);
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.stop().then(() => process.exit(0)));
server.exited.then((code) => process.exit(typeof code === 'number' ? code : 0));
