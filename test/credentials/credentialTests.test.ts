import { Workflow } from 'n8n-workflow';
import type { ICredentialDataDecryptedObject, INode, INodeType, INodeTypes } from 'n8n-workflow';

import { HIGHLEVEL, INBOX, SOCIOCS } from '../../nodes/shared/services';
import type { Service } from '../../nodes/shared/services';
import { credentialTypes, testCredential } from '../helpers/engine';
import { startMockApi } from '../mock/mockApi';
import type { MockApi } from '../mock/mockApi';

/**
 * The credential tests n8n runs when a credential is saved: the message a failure shows, and
 * the Base URL they use when the field is left empty (the vendor's, as the nodes use).
 */

let api: MockApi;
beforeAll(async () => (api = await startMockApi()));
afterAll(async () => await api.close());
beforeEach(() => api.reset());

interface Case {
	type: string;
	service: Service;
	data: (api: MockApi) => ICredentialDataDecryptedObject;
	testPath: string;
}

const CASES: Case[] = [
	{ type: 'omnichannelSociocsApi', service: SOCIOCS, data: (m) => ({ apiKey: 'abc:def', baseUrl: m.urls.sociocs }), testPath: '/sociocs/team-members' },
	{
		type: 'omnichannelHighLevelApi',
		service: HIGHLEVEL,
		data: (m) => ({ accessToken: 'pit-1234', locationId: 'loc1', baseUrl: m.urls.highlevel }),
		testPath: '/highlevel/conversations/search',
	},
	{ type: 'omnichannelInboxApi', service: INBOX, data: (m) => ({ apiToken: 'tok-1234', baseUrl: m.urls.inbox }), testPath: '/inbox/api/v1/team' },
];

/** Resolves a credential test's baseURL the way RoutingNode does: an n8n expression over `$credentials`. */
function resolveBaseUrl(type: string, credentials: ICredentialDataDecryptedObject): unknown {
	const node: INode = { id: 't', name: 'Temp', type: 'temp', typeVersion: 1, position: [0, 0], parameters: {} };
	const nodeType = { description: { properties: [] } } as unknown as INodeType;
	const nodeTypes: INodeTypes = { getByName: () => nodeType, getByNameAndVersion: () => nodeType, getKnownTypes: () => ({}) };
	const workflow = new Workflow({ nodes: [node], connections: {}, active: false, nodeTypes });
	const expression = credentialTypes[type].test!.request.baseURL as string;
	return workflow.expression.getSimpleParameterValue(node, expression, 'internal', { $credentials: credentials });
}

describe.each(CASES)('credential test of $type', ({ type, service, data, testPath }) => {
	test("an empty Base URL means the vendor's URL, as in the nodes (not \"Invalid URL\")", () => {
		expect(resolveBaseUrl(type, { ...data(api), baseUrl: '' })).toBe(service.defaultBaseUrl);
		const { baseUrl: _unset, ...withoutBaseUrl } = data(api);
		expect(resolveBaseUrl(type, withoutBaseUrl)).toBe(service.defaultBaseUrl);
		expect(resolveBaseUrl(type, { ...data(api), baseUrl: 'https://proxy.example.com/api//' })).toBe('https://proxy.example.com/api');
		// The property's default is the same URL the nodes fall back to.
		const property = credentialTypes[type].properties.find((p) => p.name === 'baseUrl');
		expect(property?.default).toBe(service.defaultBaseUrl);
	});

	test('a refused credential shows words of the vendor, not a bare "Unauthorized"', async () => {
		api.on({ path: testPath }, { status: 401, body: { message: 'nope' } });
		const result = await testCredential(type, data(api));
		expect(result.status).toBe('Error');
		expect(result.message).toContain('HTTP 401');
		expect(result.message).not.toBe('Unauthorized');
		// (n8n's httpRequestWithAuthentication itself tries a 401 once more before giving up.)
		expect(new Set(api.requests.map((r) => r.path))).toEqual(new Set([testPath]));
	});
});

test('the messages quote what each vendor documents for a refused credential', async () => {
	const messages: Record<string, string> = {};
	for (const { type, data, testPath } of CASES) {
		api.on({ path: testPath }, { status: 401, body: {} });
		messages[type] = (await testCredential(type, data(api))).message;
	}
	expect(messages).toEqual({
		omnichannelSociocsApi: 'Sociocs: "Authentication failed. Check apikey header." (HTTP 401). Check the API Key.',
		omnichannelHighLevelApi: 'HighLevel: "Invalid token: access token is invalid" (HTTP 401). Check the Private Integration Token.',
		omnichannelInboxApi: "Inbox refused the API token (HTTP 401 Unauthorized). Check the token from Inbox's Settings > API.",
	});
});

test('HighLevel 403 (wrong location or scopes) and Sociocs 404 (wrong Base URL) say what to check', async () => {
	api.on({ path: '/highlevel/conversations/search' }, { status: 403, body: {} });
	expect((await testCredential('omnichannelHighLevelApi', CASES[1].data(api))).message).toMatch(/HTTP 403.*Location ID.*conversations scopes/);
	const wrongBase = await testCredential('omnichannelSociocsApi', { apiKey: 'abc:def', baseUrl: `${api.url}/elsewhere` });
	expect(wrongBase.message).toBe('Sociocs: "Requested API endpoint not found." (HTTP 404). Check the Base URL.');
});

test('the OAuth2 credential has no test request: n8n checks that it holds an access token', () => {
	expect(credentialTypes.omnichannelHighLevelOAuth2Api.test).toBeUndefined();
	expect(credentialTypes.omnichannelHighLevelOAuth2Api.extends).toEqual(['oAuth2Api']);
});
