import type { ICredentialType, Icon, INodeProperties } from 'n8n-workflow';

/**
 * HighLevel through a Marketplace app (OAuth 2.0), the way most HighLevel users connect. n8n
 * runs the sign-in and refreshes the day-long access token with the refresh token by itself.
 * The token answer names the sub-account (`locationId`), so the user never types it.
 * (A community package may not extend n8n's own HighLevel credential: this is our own.)
 */
export class OmnichannelHighLevelOAuth2Api implements ICredentialType {
	name = 'omnichannelHighLevelOAuth2Api';

	extends = ['oAuth2Api'];

	displayName = 'HighLevel Marketplace App OAuth2 API';

	icon: Icon = { light: 'file:../icons/highLevel.svg', dark: 'file:../icons/highLevel.dark.svg' };

	documentationUrl = 'https://marketplace.gohighlevel.com/docs/Authorization/OAuth2.0';

	properties: INodeProperties[] = [
		{
			displayName: 'Grant Type',
			name: 'grantType',
			type: 'hidden',
			default: 'authorizationCode',
		},
		{
			displayName: 'Authorization URL',
			name: 'authUrl',
			type: 'options',
			options: [
				{ name: 'Standard (marketplace.gohighlevel.com)', value: 'https://marketplace.gohighlevel.com/oauth/chooselocation' },
				{ name: 'White-Label (marketplace.leadconnectorhq.com)', value: 'https://marketplace.leadconnectorhq.com/oauth/chooselocation' },
			],
			default: 'https://marketplace.gohighlevel.com/oauth/chooselocation',
			required: true,
			description: 'Where HighLevel asks the user to choose the sub-account. White-label agencies use the LeadConnector address.',
		},
		{
			displayName: 'Access Token URL',
			name: 'accessTokenUrl',
			type: 'string',
			default: 'https://services.leadconnectorhq.com/oauth/token',
			required: true,
			description: 'Where n8n gets and refreshes tokens. Change only to go through a proxy.',
		},
		{
			displayName: 'Scope',
			name: 'scope',
			type: 'string',
			default:
				'conversations.readonly conversations.write conversations/message.readonly conversations/message.write',
			required: true,
			description:
				'Separated by spaces. The defaults are what the node needs: searching conversations and adding messages. They must also be enabled in your Marketplace app.',
		},
		{
			displayName: 'Auth URI Query Parameters',
			name: 'authQueryParameters',
			type: 'hidden',
			default: '',
		},
		{
			// HighLevel's token endpoint reads client_id and client_secret from the form body.
			displayName: 'Authentication',
			name: 'authentication',
			type: 'hidden',
			default: 'body',
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: 'https://services.leadconnectorhq.com',
			description: 'Change only to go through a proxy',
		},
	];
}
