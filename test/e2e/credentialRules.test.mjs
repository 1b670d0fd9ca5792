// Credential tests run by n8n itself (its CLI's CredentialsService, through the editor's REST
// API), so that the credentials' test rules are checked by n8n's code, not a copy of it: the
// engine tests only see the test request n8n-core's RoutingNode sends.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';

import { ensureN8n, installPackage, root, signIn, startServer } from '../../scripts/n8n-host.mjs';

const require = createRequire(import.meta.url);
const { startMockApi } = require('../mock/mockApi.js');

let mock;
let userFolder;
let server;
let rest;

before(async () => {
	assert.ok(fs.existsSync(path.join(root, 'dist')), 'run `npm run build` first');
	ensureN8n();
	mock = await startMockApi();
	userFolder = fs.mkdtempSync(path.join(os.tmpdir(), 'omnichannel-cred-'));
	installPackage(userFolder);
	server = await startServer(userFolder);
	({ rest } = await signIn(server.url));
});

after(async () => {
	await server?.stop();
	await mock?.close();
	if (userFolder) fs.rmSync(userFolder, { recursive: true, force: true });
});

/** Saves the credential and runs n8n's test of it, as the editor's "Test" does. */
async function testInN8n(type, data) {
	const saved = await rest('POST', '/rest/credentials', { name: `${type} test`, type, data });
	return await rest('POST', '/rest/credentials/test', { credentials: { id: saved.id, name: saved.name, type, data } });
}

describe('credential tests in n8n', () => {
	test('Sociocs: OK on a success envelope; an HTTP 200 with status "error" fails it with our message', async () => {
		mock.reset();
		const data = { apiKey: 'e2ekey:cred_1', baseUrl: mock.urls.sociocs };
		assert.deepEqual(await testInN8n('omnichannelSociocsApi', data), { status: 'OK', message: 'Connection successful!' });
		assert.equal(mock.requests.at(-1).path, '/sociocs/team-members');
		assert.equal(mock.requests.at(-1).headers.apikey, 'e2ekey:cred_1');

		mock.on({ path: '/sociocs/team-members' }, { status: 200, body: { status: 'error', errors: [{ msg: 'bad key' }] } });
		assert.deepEqual(await testInN8n('omnichannelSociocsApi', data), { status: 'Error', message: 'Sociocs rejected the API key' });
	});

	test('Inbox: a 401 fails the test', async () => {
		mock.reset();
		mock.on({ path: '/inbox/api/v1/team' }, { status: 401, body: { message: 'bad token' } });
		const result = await testInN8n('omnichannelInboxApi', { apiToken: 'e2e_wrong_token', baseUrl: mock.urls.inbox });
		assert.equal(result.status, 'Error');
		assert.equal(mock.requests.at(-1).headers.authorization, 'Bearer e2e_wrong_token');
	});
});
