import { Workflow } from 'n8n-workflow';
import type { ICredentialDataDecryptedObject, INode, INodeType, INodeTypes } from 'n8n-workflow';

import { HIGHLEVEL, INBOX, SOCIOCS } from '../../nodes/shared/services';
import type { Service } from '../../nodes/shared/services';
import { credentialTypes } from '../helpers/engine';

/**
 * The credential tests n8n runs when a credential is saved: the Base URL they use when the field
 * is left empty (the vendor's, as the nodes use). The messages a failed test shows are n8n's
 * CLI code (CredentialsTester), so test/e2e/editor.test.mjs checks them in a real n8n.
 */

const CASES: Array<{ type: string; service: Service; data: ICredentialDataDecryptedObject }> = [
	{ type: 'omnichannelSociocsApi', service: SOCIOCS, data: { apiKey: 'abc:def' } },
	{ type: 'omnichannelHighLevelApi', service: HIGHLEVEL, data: { accessToken: 'pit-1234', locationId: 'loc1' } },
	{ type: 'omnichannelInboxApi', service: INBOX, data: { apiToken: 'tok-1234' } },
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

test.each(CASES)("$type: an empty Base URL means the vendor's URL, as in the nodes (not \"Invalid URL\")", ({ type, service, data }) => {
	expect(resolveBaseUrl(type, { ...data, baseUrl: '' })).toBe(service.defaultBaseUrl);
	expect(resolveBaseUrl(type, data)).toBe(service.defaultBaseUrl);
	expect(resolveBaseUrl(type, { ...data, baseUrl: 'https://proxy.example.com/api//' })).toBe('https://proxy.example.com/api');
	// The field's default is the URL the nodes fall back to.
	expect(credentialTypes[type].properties.find((p) => p.name === 'baseUrl')?.default).toBe(service.defaultBaseUrl);
});

test('the OAuth2 credential has no test request: n8n checks that it holds an access token', () => {
	expect(credentialTypes.omnichannelHighLevelOAuth2Api.test).toBeUndefined();
	expect(credentialTypes.omnichannelHighLevelOAuth2Api.extends).toEqual(['oAuth2Api']);
});
