// A running n8n editor (`n8n start`, our packed tarball installed as a community package) with
// credentials pointing at the mock API, signed in: shared by test/e2e/editor.test.mjs and
// scripts/screenshots.mjs.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';

import { ensureN8n, installPackage, n8n, root, signIn, startServer } from '../../scripts/n8n-host.mjs';

const require = createRequire(import.meta.url);
const { startMockApi } = require('../mock/mockApi.js');
const { oauthCredentialData } = require('../mock/oauth.js');

export const CREDENTIALS = {
	omnichannelSociocsApi: { id: 'edSociocsCred', name: 'Sociocs account' },
	omnichannelHighLevelApi: { id: 'edHighLevelCred', name: 'HighLevel token' },
	omnichannelHighLevelOAuth2Api: { id: 'edHighLevelOAuth', name: 'HighLevel app' },
	omnichannelInboxApi: { id: 'edInboxCred', name: 'Inbox account' },
};

export const SECRETS = {
	sociocs: 'editor:sociocs_key_51c0',
	highLevel: 'pit-editor-highlevel-77d2',
	oauthAccess: 'editor-oauth-access-9e13',
	oauthClientSecret: 'editor-oauth-client-secret-3b8a',
	inbox: 'editor_inbox_token_0f6e',
};

/** The credentials, as `n8n import:credentials` takes them (the OAuth2 one as n8n keeps it once connected). */
export function credentialsFor(mock) {
	return [
		{ ...CREDENTIALS.omnichannelSociocsApi, type: 'omnichannelSociocsApi', data: { apiKey: SECRETS.sociocs, baseUrl: mock.urls.sociocs } },
		{
			...CREDENTIALS.omnichannelHighLevelApi,
			type: 'omnichannelHighLevelApi',
			data: { accessToken: SECRETS.highLevel, locationId: 'loc-pit', baseUrl: mock.urls.highlevel },
		},
		{
			...CREDENTIALS.omnichannelHighLevelOAuth2Api,
			type: 'omnichannelHighLevelOAuth2Api',
			data: oauthCredentialData(mock, {
				clientId: 'editor-client',
				clientSecret: SECRETS.oauthClientSecret,
				accessToken: SECRETS.oauthAccess,
				refreshToken: 'editor-refresh',
				locationId: 'loc-from-token',
			}),
		},
		{ ...CREDENTIALS.omnichannelInboxApi, type: 'omnichannelInboxApi', data: { apiToken: SECRETS.inbox, baseUrl: mock.urls.inbox } },
	];
}

/** Starts the mock API and n8n: { mock, url, session, server, userFolder, close() }. */
export async function openEditor() {
	if (!fs.existsSync(path.join(root, 'dist'))) throw new Error('run `npm run build` first');
	ensureN8n();
	const mock = await startMockApi();
	const userFolder = fs.mkdtempSync(path.join(os.tmpdir(), 'omnichannel-editor-'));
	let server;
	const close = async () => {
		await server?.stop();
		await mock.close();
		fs.rmSync(userFolder, { recursive: true, force: true });
	};
	try {
		installPackage(userFolder);
		const credsFile = path.join(userFolder, 'credentials.json');
		fs.writeFileSync(credsFile, JSON.stringify(credentialsFor(mock)));
		const imported = await n8n(userFolder, ['import:credentials', `--input=${credsFile}`]);
		if (imported.status !== 0) throw new Error(`import:credentials failed: ${imported.stderr}`);
		server = await startServer(userFolder);
		const session = await signIn(server.url);
		return { mock, url: server.url, session, server, userFolder, close };
	} catch (error) {
		await close();
		throw error;
	}
}
