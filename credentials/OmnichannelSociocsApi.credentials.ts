import type {
	IAuthenticateRuleResponseCode,
	ICredentialDataDecryptedObject,
	IHttpRequestOptions,
	ICredentialTestRequest,
	ICredentialType,
	Icon,
	INodeProperties,
} from 'n8n-workflow';

import { SOCIOCS, testBaseUrl } from '../nodes/shared/services';

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
			default: SOCIOCS.defaultBaseUrl,
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
	// { status: "error" }, which must fail the test too. n8n shows a failed test's message as
	// written here (a test request cannot show the answer's body): Sociocs' documented words for
	// each status, instead of n8n's bare "Unauthorized".
	test: ICredentialTestRequest = {
		request: {
			baseURL: testBaseUrl(SOCIOCS),
			url: '/team-members',
		},
		// n8n's CredentialsTester applies both kinds of rule; its type only lists one kind per list.
		rules: [
			{
				type: 'responseCode',
				properties: {
					value: 401,
					message: 'Sociocs: "Authentication failed. Check apikey header." (HTTP 401). Check the API Key.',
				},
			},
			{
				type: 'responseCode',
				properties: {
					value: 404,
					message: 'Sociocs: "Requested API endpoint not found." (HTTP 404). Check the Base URL.',
				},
			},
			{
				type: 'responseSuccessBody',
				properties: {
					key: 'status',
					value: 'error',
					message: 'Sociocs rejected the API key',
				},
			},
		] as IAuthenticateRuleResponseCode[],
	};
}
