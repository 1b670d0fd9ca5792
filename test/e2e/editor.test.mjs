// What n8n's editor gets from a real n8n (2.40.7) with our package installed: the node types
// (search words, subtitles, descriptions, the HighLevel Authentication choice), the dropdowns
// and pickers (load options through n8n's REST, answered by the mock API) and the messages of
// credential tests. The node panel's search itself is exercised in headless Chromium by
// scripts/screenshots.mjs.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import { N8N_MAJOR, N8N_VERSION } from '../../scripts/n8n-host.mjs';
import { CREDENTIALS, openEditor, SECRETS } from './editorHost.mjs';
import { PACKAGE } from './workflow.mjs';

let editor;
let types;

before(async () => {
	editor = await openEditor();
	types = Object.fromEntries((await editor.session.rest('GET', '/types/nodes.json')).map((type) => [type.name, type]));
});

after(async () => await editor?.close());

const type = (name) => {
	assert.ok(types[`${PACKAGE}.${name}`], `n8n did not load ${name}`);
	return types[`${PACKAGE}.${name}`];
};

describe('node types as the editor receives them', () => {
	test('all three nodes and their AI-tool variants are loaded', () => {
		for (const name of ['sociocs', 'highLevelConversations', 'inbox']) {
			type(name);
			type(`${name}Tool`);
		}
	});

	test('each node has the words its users search for (n8n matches display name and codex aliases)', () => {
		const words = {
			sociocs: ['SMS', 'MMS', 'WhatsApp', 'Twilio', 'Gupshup', 'text message'],
			highLevelConversations: ['GoHighLevel', 'GHL', 'LeadConnector', 'CRM'],
			inbox: ['DM', 'LinkedIn', 'Twitter', 'X', 'inbox'],
		};
		for (const [name, expected] of Object.entries(words)) {
			for (const word of expected) assert.ok(type(name).codex.alias.includes(word), `${name} lacks the alias ${word}`);
		}
	});

	test('subtitles are what a person reads, not "send: message"', () => {
		assert.match(type('sociocs').subtitle, /"Send " \+ .*"gswa": "WhatsApp \(Gupshup\)"/);
		assert.match(type('sociocs').subtitle, /"Add Inbound Message \(Twilio SMS\)"/);
		// Chosen by operation since the node has more than Add Inbound: its part, and Send's by type.
		assert.match(type('highLevelConversations').subtitle, /^=\{\{ .*"Add Inbound Message \(" \+ /);
		assert.match(type('highLevelConversations').subtitle, /"Send " \+ .*"Email": "Email"/);
		// Chosen by resource and operation (version 2's); version 1's one operation is Thread > Reply.
		assert.match(type('inbox').subtitle, /^=\{\{ \$parameter\["resource"\] === "message" \? /);
		for (const words of ['Reply to Thread', 'Get Thread', 'Get Many Threads', 'Get Message', 'Get Many Messages', 'Send Message to Person']) {
			assert.ok(type('inbox').subtitle.includes(`"${words}"`), `the Inbox subtitle lacks "${words}"`);
		}
		for (const name of ['sociocs', 'highLevelConversations', 'inbox']) {
			assert.doesNotMatch(type(name).subtitle, /\$parameter\["operation"\] \+ ": "/);
		}
	});

	test('HighLevel Conversations says what it adds over the built-in HighLevel node, and offers OAuth2', () => {
		const highLevel = type('highLevelConversations');
		assert.ok(types['n8n-nodes-base.highLevel'], "n8n's own HighLevel node is there to be told apart from");
		assert.match(highLevel.description, /conversations, which the built-in HighLevel node cannot do/);
		const authentication = highLevel.properties.find((property) => property.name === 'authentication');
		assert.deepEqual(authentication.options.map((option) => option.value), ['oAuth2', 'privateIntegrationToken']);
		assert.deepEqual(
			highLevel.credentials.map((credential) => [credential.name, credential.displayOptions.show.authentication[0]]),
			[
				['omnichannelHighLevelApi', 'privateIntegrationToken'],
				['omnichannelHighLevelOAuth2Api', 'oAuth2'],
			],
		);
	});

	test('the OAuth2 credential type extends n8n\'s oAuth2Api', async () => {
		const credentials = await editor.session.rest('GET', '/types/credentials.json');
		const oauth = credentials.find((credential) => credential.name === 'omnichannelHighLevelOAuth2Api');
		assert.deepEqual(oauth.extends, ['oAuth2Api']);
		assert.equal(oauth.properties.find((property) => property.name === 'scope').default,
			'conversations.readonly conversations.write conversations/message.readonly conversations/message.write');
	});
});

describe('dropdowns and pickers through n8n\'s REST', () => {
	const ask = (route, node, body) =>
		editor.session.rest('POST', `/rest/dynamic-node-parameters/${route}`, {
			nodeTypeAndVersion: { name: `${PACKAGE}.${node}`, version: 1 },
			...body,
		});

	test('Sociocs Channel: the chosen provider\'s channels', async () => {
		editor.mock.reset();
		const options = await ask('options', 'sociocs', {
			path: 'parameters.channelKey',
			methodName: 'getChannels',
			currentNodeParameters: { resource: 'message', operation: 'send', provider: 'gswa' },
			credentials: { omnichannelSociocsApi: CREDENTIALS.omnichannelSociocsApi },
		});
		assert.deepEqual(options.map((option) => option.value), ['gswa-key-1', 'gswa-key-2']);
		const [request] = editor.mock.requests;
		assert.equal(`${request.method} ${request.path}`, 'GET /sociocs/channels');
		assert.deepEqual(request.query, { provider: 'gswa' });
		assert.equal(request.headers.apikey, SECRETS.sociocs);
	});

	const searchConversations = (authentication, credentials) =>
		ask('resource-locator-results', 'highLevelConversations', {
			path: 'parameters.conversationId',
			methodName: 'searchConversations',
			filter: 'jane',
			currentNodeParameters: { authentication, resource: 'message', operation: 'addInbound', type: 'SMS' },
			credentials,
		});

	test('HighLevel Conversation picker with the token credential: its Location ID', async () => {
		editor.mock.reset();
		const found = await searchConversations('privateIntegrationToken', { omnichannelHighLevelApi: CREDENTIALS.omnichannelHighLevelApi });
		assert.deepEqual(found.results, [{ name: 'Jane Doe: See you tomorrow', value: 'conv1' }]);
		assert.deepEqual(editor.mock.requests[0].query, { locationId: 'loc-pit', limit: '20', query: 'jane' });
		assert.equal(editor.mock.requests[0].headers.authorization, `Bearer ${SECRETS.highLevel}`);
	});

	test('HighLevel Conversation picker with OAuth2: the Location ID of the token answer, the OAuth token', async () => {
		editor.mock.reset();
		const found = await searchConversations('oAuth2', { omnichannelHighLevelOAuth2Api: CREDENTIALS.omnichannelHighLevelOAuth2Api });
		assert.deepEqual(found.results, [{ name: 'Jane Doe: See you tomorrow', value: 'conv1' }]);
		assert.deepEqual(editor.mock.requests[0].query, { locationId: 'loc-from-token', limit: '20', query: 'jane' });
		assert.equal(editor.mock.requests[0].headers.authorization, `Bearer ${SECRETS.oauthAccess}`);
	});

	test('Inbox Thread picker', async () => {
		editor.mock.reset();
		const found = await ask('resource-locator-results', 'inbox', {
			path: 'parameters.threadId',
			methodName: 'searchThreads',
			currentNodeParameters: { resource: 'thread', operation: 'reply' },
			credentials: { omnichannelInboxApi: CREDENTIALS.omnichannelInboxApi },
		});
		assert.ok(found.results.length >= 2);
		assert.equal(editor.mock.requests[0].headers.authorization, `Bearer ${SECRETS.inbox}`);
	});
});

describe('credential tests (n8n\'s CredentialsTester)', () => {
	// As the editor does when a saved credential is edited: its id, and the values in the form.
	const testCredential = (type, data) =>
		editor.session.rest('POST', '/rest/credentials/test', { credentials: { ...CREDENTIALS[type], type, data } });
	const CASES = [
		['omnichannelSociocsApi', () => ({ apiKey: 'wrong:key', baseUrl: editor.mock.urls.sociocs }), '/sociocs/team-members',
			'Sociocs: "Authentication failed. Check apikey header." (HTTP 401). Check the API Key.'],
		['omnichannelHighLevelApi', () => ({ accessToken: 'wrong', locationId: 'loc-pit', baseUrl: editor.mock.urls.highlevel }), '/highlevel/conversations/search',
			'HighLevel: "Invalid token: access token is invalid" (HTTP 401). Check the Private Integration Token.'],
		['omnichannelInboxApi', () => ({ apiToken: 'wrong', baseUrl: editor.mock.urls.inbox }), '/inbox/api/v1/team',
			"Inbox refused the API token (HTTP 401 Unauthorized). Check the token from Inbox's Settings > API."],
	];

	// n8n 1.x's CredentialsTester does not show a credential's responseCode messages (seen in
	// 1.123.81: it answers a 401 with its own "Authorization failed - please check your
	// credentials" and a 404 with "The resource you are requesting could not be found").
	const rulesShown = N8N_MAJOR >= 2 ? undefined : `n8n ${N8N_VERSION} shows its own words for a refused credential test, not the credential's rule messages`;

	for (const [type, data, path, message] of CASES) {
		test(`${type}: a good one passes; a refused one shows what the vendor says, not "Unauthorized"`, async (t) => {
			if (rulesShown) return t.skip(rulesShown);
			editor.mock.reset();
			assert.deepEqual(await testCredential(type, data()), { status: 'OK', message: 'Connection successful!' });
			editor.mock.on({ path }, { status: 401, body: { message: 'Unauthorized' } });
			assert.deepEqual(await testCredential(type, data()), { status: 'Error', message });
			assert.ok(editor.mock.requests.every((request) => request.path === path));
		});
	}

	test('Sociocs: a wrong Base URL (404) says so', async (t) => {
		if (rulesShown) return t.skip(rulesShown);
		editor.mock.reset();
		const result = await testCredential('omnichannelSociocsApi', { apiKey: 'a:b', baseUrl: `${editor.mock.url}/elsewhere` });
		assert.deepEqual(result, { status: 'Error', message: 'Sociocs: "Requested API endpoint not found." (HTTP 404). Check the Base URL.' });
	});
});
