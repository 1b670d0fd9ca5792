import type {
	ICredentialDataDecryptedObject,
	IHttpRequestOptions,
	ICredentialTestRequest,
	ICredentialType,
	Icon,
	INodeProperties,
} from 'n8n-workflow';

import { CONVERSATIONS_API_VERSION } from '../nodes/HighLevel/apiVersions';
import { HIGHLEVEL, testBaseUrl } from '../nodes/shared/services';

export class OmnichannelHighLevelApi implements ICredentialType {
	name = 'omnichannelHighLevelApi';

	displayName = 'HighLevel Private Integration Token API';

	icon: Icon = { light: 'file:../icons/highLevel.svg', dark: 'file:../icons/highLevel.dark.svg' };

	documentationUrl = 'https://highlevel.stoplight.io/docs/integrations';

	properties: INodeProperties[] = [
		{
			// (Named accessToken since the first version: renaming it would empty saved credentials.)
			displayName: 'Private Integration Token',
			name: 'accessToken',
			type: 'string',
			typeOptions: { password: true },
			required: true,
			default: '',
			description:
				'Created in the sub-account under Settings > Private Integrations, with the conversations scopes. It does not expire. (To sign in with a Marketplace app instead, choose OAuth2 in the node.)',
		},
		{
			displayName: 'Location ID',
			name: 'locationId',
			type: 'string',
			required: true,
			default: '',
			description: 'The sub-account (location) ID, from Settings > Business Profile',
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: HIGHLEVEL.defaultBaseUrl,
			description: 'Change only to go through a proxy',
		},
	];

	// A function rather than a generic template: n8n runs a template through its expression
	// engine on every request, which is a tenth of the per-message CPU time on bulk sends.
	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> {
		return { ...requestOptions, headers: { ...requestOptions.headers, Authorization: `Bearer ${String(credentials.accessToken)}` } };
	}

	// Searching the location's conversations needs the token's conversations scope and the
	// right Location ID, the same things the node needs. n8n shows a failed test's message as
	// written here (a test request cannot show the answer's body): HighLevel's documented words.
	test: ICredentialTestRequest = {
		request: {
			baseURL: testBaseUrl(HIGHLEVEL),
			url: '/conversations/search',
			qs: { locationId: '={{$credentials.locationId}}', limit: 1 },
			headers: { Version: CONVERSATIONS_API_VERSION },
		},
		rules: [
			{
				type: 'responseCode',
				properties: {
					value: 401,
					message: 'HighLevel: "Invalid token: access token is invalid" (HTTP 401). Check the Private Integration Token.',
				},
			},
			{
				type: 'responseCode',
				properties: {
					value: 403,
					message:
						'HighLevel refused access (HTTP 403): check that the Location ID is the sub-account the token belongs to, and that the token has the conversations scopes.',
				},
			},
		],
	};
}
