import type {
	ICredentialDataDecryptedObject,
	IHttpRequestOptions,
	ICredentialTestRequest,
	ICredentialType,
	Icon,
	INodeProperties,
} from 'n8n-workflow';

import { INBOX, testBaseUrl } from '../nodes/shared/services';

export class OmnichannelInboxApi implements ICredentialType {
	name = 'omnichannelInboxApi';

	displayName = 'Inbox (inboxapp.com) API';

	icon: Icon = { light: 'file:../icons/inbox.svg', dark: 'file:../icons/inbox.dark.svg' };

	documentationUrl = 'https://inboxapp.com/docs';

	properties: INodeProperties[] = [
		{
			displayName: 'API Token',
			name: 'apiToken',
			type: 'string',
			typeOptions: { password: true },
			required: true,
			default: '',
			description: 'Created in Inbox under Settings > API',
		},
		{
			displayName: 'Webhook Signing Secret',
			name: 'webhookSigningSecret',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			description:
				'Only for the Inbox Webhook Trigger: the secret Inbox shows for the webhook under Settings > Webhooks (starts with ibt_wh_)',
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: INBOX.defaultBaseUrl,
			description:
				'Change only to go through a proxy. Inbox\'s address ends in /api/v1; version-2 nodes use /api/v2 at the same address (a URL without a version gets /api/v2 for them).',
		},
	];

	// A function rather than a generic template: n8n runs a template through its expression
	// engine on every request, which is a tenth of the per-message CPU time on bulk sends.
	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> {
		return { ...requestOptions, headers: { ...requestOptions.headers, Authorization: `Bearer ${String(credentials.apiToken)}` } };
	}

	// GET /team needs the same token the Reply to Thread operation uses, and changes nothing.
	// (Inbox documents no error wording; n8n shows a failed test's message as written here.)
	test: ICredentialTestRequest = {
		request: {
			baseURL: testBaseUrl(INBOX),
			url: '/team',
		},
		rules: [
			{
				type: 'responseCode',
				properties: {
					value: 401,
					message: 'Inbox refused the API token (HTTP 401 Unauthorized). Check the token from Inbox\'s Settings > API.',
				},
			},
		],
	};
}
