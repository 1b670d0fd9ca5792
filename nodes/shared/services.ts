/** The three APIs this package talks to: what the shared core needs to know of each. */
export interface Service {
	/** Shown in messages: "Sociocs answered ...". */
	name: string;
	credentialType: string;
	defaultBaseUrl: string;
	/** Credential fields whose values must never appear in output or errors (`a.b` reads a nested field). */
	secretFields: readonly string[];
	/** A second credential, chosen with the node's "Authentication" parameter set to `oAuth2`. */
	oAuth2?: OAuth2Sign;
}

/**
 * Sign-in through n8n's OAuth2 flow: n8n adds the access token to each request and, when the API
 * answers 401, refreshes it with the refresh token and sends the request again, once.
 */
export interface OAuth2Sign {
	credentialType: string;
	secretFields: readonly string[];
	/** Fields the token answer carries (`oauthTokenData`) that the nodes read as credential fields. */
	tokenFields: readonly string[];
}

/** The node parameter that chooses between a service's credentials, and its OAuth2 value. */
export const AUTHENTICATION = 'authentication';
export const OAUTH2 = 'oAuth2';

export const SOCIOCS: Service = {
	name: 'Sociocs',
	credentialType: 'omnichannelSociocsApi',
	defaultBaseUrl: 'https://api.sociocs.com',
	secretFields: ['apiKey'],
};

export const HIGHLEVEL_OAUTH2: OAuth2Sign = {
	credentialType: 'omnichannelHighLevelOAuth2Api',
	secretFields: ['clientSecret', 'oauthTokenData.access_token', 'oauthTokenData.refresh_token'],
	// The sub-account the token was issued for: the conversation picker searches it.
	tokenFields: ['locationId'],
};

export const HIGHLEVEL: Service = {
	name: 'HighLevel',
	credentialType: 'omnichannelHighLevelApi',
	defaultBaseUrl: 'https://services.leadconnectorhq.com',
	secretFields: ['accessToken'],
	oAuth2: HIGHLEVEL_OAUTH2,
};

export const INBOX: Service = {
	name: 'Inbox',
	credentialType: 'omnichannelInboxApi',
	defaultBaseUrl: 'https://inboxapp.com/api/v1',
	secretFields: ['apiToken'],
};

/**
 * The Base URL a credential test request uses: the credential's, or the vendor's when the field
 * was left empty, exactly as the nodes do (openApi), so a test never fails with "Invalid URL".
 */
export function testBaseUrl(service: Service): string {
	return `={{ ($credentials.baseUrl || ${JSON.stringify(service.defaultBaseUrl)}).replace(/\\/+$/, "") }}`;
}
