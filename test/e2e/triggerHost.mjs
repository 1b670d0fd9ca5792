// A real n8n with trigger workflows published, shared by the triggers' real-n8n suite and the
// triggers benchmark: the packed package installed, credentials and workflows imported with
// n8n's CLI, each workflow activated (`n8n publish:workflow`; 1.x: `update:workflow --active=true`),
// then `n8n start`.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { activateArgs, ensureN8n, installPackage, n8n, root, signIn, startServer } from '../../scripts/n8n-host.mjs';
import { CREDENTIALS, credentialsFor } from './workflow.mjs';

export const INBOX_SIGNING_SECRET = 'ibt_wh_e2e_signing_4f7a2c';

/** An example from examples/, wired to the e2e credentials, with a fixed id and parameter overrides per node name. */
export function exampleWorkflow(file, id, overrides = {}) {
	const workflow = JSON.parse(fs.readFileSync(path.join(root, 'examples', file), 'utf8'));
	workflow.id = id;
	for (const node of workflow.nodes) {
		for (const type of Object.keys(node.credentials ?? {})) node.credentials[type] = CREDENTIALS[type];
		Object.assign(node.parameters, overrides[node.name] ?? {});
	}
	return workflow;
}

/** The production URL of a trigger node (its webhookId and our webhook path). */
export function webhookPath(workflow, nodeName) {
	const node = workflow.nodes.find((n) => n.name === nodeName);
	return `/webhook/${node.webhookId}/webhook`;
}

export async function startTriggerHost(mock, workflows, env = {}) {
	ensureN8n();
	const userFolder = fs.mkdtempSync(path.join(os.tmpdir(), 'omnichannel-triggers-'));
	installPackage(userFolder);
	const credentials = credentialsFor(mock).map((credential) =>
		credential.type === 'omnichannelInboxApi'
			? { ...credential, data: { ...credential.data, webhookSigningSecret: INBOX_SIGNING_SECRET } }
			: credential,
	);
	const credsFile = path.join(userFolder, 'credentials.json');
	fs.writeFileSync(credsFile, JSON.stringify(credentials));
	const check = (step, result) => {
		if (result.status !== 0) throw new Error(`n8n ${step} failed:\n${result.stdout}\n${result.stderr}`);
	};
	check('import:credentials', await n8n(userFolder, ['import:credentials', `--input=${credsFile}`]));
	const dir = path.join(userFolder, 'workflows');
	fs.mkdirSync(dir);
	for (const workflow of workflows) fs.writeFileSync(path.join(dir, `${workflow.id}.json`), JSON.stringify(workflow));
	check('import:workflow', await n8n(userFolder, ['import:workflow', '--separate', `--input=${dir}`]));
	for (const workflow of workflows) check(`activate ${workflow.id}`, await n8n(userFolder, activateArgs(workflow.id)));
	const server = await startServer(userFolder, env);
	const session = await signIn(server.url);
	return {
		server,
		session,
		userFolder,
		/** Executions n8n recorded for a workflow (any status). */
		async executions(workflowId) {
			const filter = encodeURIComponent(JSON.stringify({ workflowId }));
			const answer = await session.rest('GET', `/rest/executions?filter=${filter}&limit=1000`);
			return answer.results ?? answer;
		},
		/** POSTs raw bytes to a production webhook path: { status, body }. */
		async deliver(route, raw, headers = {}) {
			const response = await fetch(`${server.url}${route}`, {
				method: 'POST',
				headers: { 'content-type': 'application/json', ...headers },
				body: raw,
			});
			return { status: response.status, body: await response.text() };
		},
		async stop() {
			await server.stop();
			fs.rmSync(userFolder, { recursive: true, force: true });
		},
	};
}

/** Waits until `probe()` is truthy (n8n registers webhooks and polls on its own schedule). */
export async function until(probe, label, timeoutMs = 30_000) {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const value = await probe();
		if (value) return value;
		if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs / 1000} s waiting for ${label}`);
		await new Promise((resolve) => setTimeout(resolve, 200));
	}
}

export { root };
