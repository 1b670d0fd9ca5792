import type { IDataObject } from 'n8n-workflow';

import { OmnichannelHighLevelOAuth2Api } from '../../credentials/OmnichannelHighLevelOAuth2Api.credentials';
import { HighLevelConversations } from '../../nodes/HighLevel/HighLevelConversations.node';
import { expectNoSecret } from '../helpers/assertions';
import { listSearch, runNode } from '../helpers/engine';
import type { NodeUnderTest } from '../helpers/engine';
import { startMockApi } from '../mock/mockApi';
import type { MockApi } from '../mock/mockApi';
import { oauthCredentialData } from '../mock/oauth';

/**
 * HighLevel through the OAuth2 credential, run by n8n-core's own OAuth2 code (requestOAuth2 and
 * its refresh), against the mock's token endpoint.
 */

let api: MockApi;
beforeAll(async () => (api = await startMockApi()));
afterAll(async () => await api.close());
beforeEach(() => api.reset());

const CLIENT = { clientId: 'client-7f3a', clientSecret: 'client-secret-9d8c7b6a' };
const STALE = { access: 'stale-access-token-5e4d', refresh: 'refresh-token-1-a2b3c4' };
const INBOUND = '/highlevel/conversations/messages/inbound';
const OAUTH = 'omnichannelHighLevelOAuth2Api';

function credential(accessToken: string): IDataObject {
	return oauthCredentialData(api, { ...CLIENT, accessToken, refreshToken: STALE.refresh, locationId: 'loc-from-token' }) as IDataObject;
}

function node(accessToken: string, parameters: IDataObject = {}): NodeUnderTest {
	return {
		type: new HighLevelConversations(),
		parameters: {
			authentication: 'oAuth2',
			resource: 'message',
			operation: 'addInbound',
			type: 'SMS',
			conversationId: { __rl: true, mode: 'id', value: 'conv1' },
			conversationProviderId: 'prov1',
			message: 'Hello from a Marketplace app',
			...parameters,
		} as NodeUnderTest['parameters'],
		credentials: { [OAUTH]: credential(accessToken) as NodeUnderTest['credentials'][string] },
	};
}

function installStaleApp() {
	api.oauth.install({ ...CLIENT, locationId: 'loc-from-token', accessToken: STALE.access, refreshToken: STALE.refresh });
}

describe('HighLevel OAuth2 credential', () => {
	test('defaults: standard and white-label authorization URLs, token URL, conversation scopes, client in the body', () => {
		const properties = Object.fromEntries(new OmnichannelHighLevelOAuth2Api().properties.map((p) => [p.name, p]));
		expect(new OmnichannelHighLevelOAuth2Api().extends).toEqual(['oAuth2Api']);
		expect(properties.authUrl.default).toBe('https://marketplace.gohighlevel.com/oauth/chooselocation');
		expect(properties.authUrl.options?.map((option) => (option as { value: string }).value)).toEqual([
			'https://marketplace.gohighlevel.com/oauth/chooselocation',
			'https://marketplace.leadconnectorhq.com/oauth/chooselocation',
		]);
		expect(properties.accessTokenUrl).toMatchObject({ type: 'string', default: 'https://services.leadconnectorhq.com/oauth/token' });
		expect(properties.scope).toMatchObject({
			type: 'string',
			default: 'conversations.readonly conversations.write conversations/message.readonly conversations/message.write',
		});
		expect(properties.authentication).toMatchObject({ type: 'hidden', default: 'body' });
		expect(properties.grantType.default).toBe('authorizationCode');
	});

	test('the node signs the request with the OAuth access token (no refresh while it is accepted)', async () => {
		const result = await runNode(node('fresh-access-token-8c7d'));
		expect(result.error).toBeUndefined();
		expect(api.requests).toHaveLength(1);
		const [request] = api.requests;
		expect([request.method, request.path]).toEqual(['POST', INBOUND]);
		expect(request.headers.authorization).toBe('Bearer fresh-access-token-8c7d');
		expect(request.headers.version).toBe('2021-07-28');
		expect(request.body).toMatchObject({ type: 'SMS', conversationId: 'conv1', message: 'Hello from a Marketplace app' });
		expect(result.items[0].json).toMatchObject({ success: true, messageId: expect.stringMatching(/^hlmsg\d+$/) });
	});

	test('an expired token: n8n refreshes it at the token URL and the message is sent exactly once', async () => {
		installStaleApp();
		const subject = node(STALE.access);
		const result = await runNode(subject);
		expect(result.error).toBeUndefined();

		const seen = api.requests.map((r) => `${r.method} ${r.path} ${r.status}`);
		expect(seen).toEqual([`POST ${INBOUND} 401`, 'POST /highlevel/oauth/token 200', `POST ${INBOUND} 200`]);
		const form = Object.fromEntries(new URLSearchParams(api.requests[1].body as string));
		expect(form).toMatchObject({ grant_type: 'refresh_token', refresh_token: STALE.refresh, ...{ client_id: CLIENT.clientId, client_secret: CLIENT.clientSecret } });
		const [newToken] = api.oauth.issuedTokens;
		expect(api.requests[2].headers.authorization).toBe(`Bearer ${newToken}`);
		expect(api.requests.filter((r) => r.path === INBOUND && r.status === 200)).toHaveLength(1);
		expect(result.items).toHaveLength(1);
		expect(result.items[0].json).toMatchObject({ success: true, conversationId: 'conv1', messageId: expect.stringMatching(/^hlmsg\d+$/) });

		// n8n stores the new token (and the rolled refresh token) in the credential.
		const stored = subject.credentials[OAUTH].oauthTokenData as IDataObject;
		expect(stored.access_token).toBe(newToken);
		expect(stored.refresh_token).toMatch(/^rt-/);
		expectNoSecret(result, CLIENT.clientSecret);
		expectNoSecret(result, STALE.refresh);
	});

	test('a 401 after the refresh is reported as not delivered, not looped', async () => {
		installStaleApp();
		api.oauth.rejectEveryToken = true;
		const result = await runNode(node(STALE.access));
		expect(result.error?.message).toBe('Invalid JWT');
		expect(result.error?.description).toContain('Not delivered: HighLevel answered HTTP 401');
		expect((result.error as unknown as { context: IDataObject }).context.delivery).toBe('no');
		const seen = api.requests.map((r) => `${r.method} ${r.path} ${r.status}`);
		expect(seen).toEqual([`POST ${INBOUND} 401`, 'POST /highlevel/oauth/token 200', `POST ${INBOUND} 401`]);
		expectNoSecret(result, api.oauth.issuedTokens[0]);
	});

	test('a refused refresh (revoked app) asks to reconnect the credential, not delivered', async () => {
		api.oauth.install({ ...CLIENT, locationId: 'loc-from-token', accessToken: STALE.access, refreshToken: 'some-other-refresh-token' });
		const result = await runNode(node(STALE.access));
		expect(result.error?.message).toMatch(/^Could not sign in to HighLevel with the OAuth2 credential: .*reconnected/);
		expect(result.error?.description).toContain('Not delivered');
		expect((result.error as unknown as { context: IDataObject }).context.delivery).toBe('no');
		expect(api.requests.map((r) => r.path)).toEqual([INBOUND, '/highlevel/oauth/token']);
	});

	test('the conversation picker searches the location named in the token answer', async () => {
		const result = await listSearch(node('fresh-access-token-8c7d'), 'searchConversations', 'jane');
		expect(result.results).toEqual([{ name: 'Jane Doe: See you tomorrow', value: 'conv1' }]);
		const [request] = api.requests;
		expect(request.path).toBe('/highlevel/conversations/search');
		expect(request.query).toEqual({ locationId: 'loc-from-token', limit: '20', query: 'jane' });
		expect(request.headers.authorization).toBe('Bearer fresh-access-token-8c7d');
	});

	test('the picker refreshes an expired token too', async () => {
		installStaleApp();
		const result = await listSearch(node(STALE.access), 'searchConversations');
		expect(result.results.map((entry) => entry.value)).toEqual(['conv1', 'conv2']);
		expect(api.requests.map((r) => r.status)).toEqual([401, 200, 200]);
	});
});
