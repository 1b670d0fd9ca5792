'use strict';
/**
 * HighLevel's OAuth 2.0 side, for the OAuth2 credential: the token endpoint
 * (`POST {highlevel}/oauth/token`, form-encoded, client_id / client_secret in the body, rolling
 * refresh tokens) and access tokens that expire. A request to the HighLevel API that carries an
 * expired (or, with `rejectEveryToken`, any) access token issued here is answered 401, the way
 * HighLevel answers an expired token. Tokens not issued here (Private Integration Tokens) pass.
 */

const TOKEN_PATH = '/highlevel/oauth/token';

function bearerOf(req) {
	const match = /^Bearer (.+)$/.exec(String(req.headers.authorization || ''));
	return match ? match[1] : undefined;
}

function createOAuth() {
	let clients = []; // { clientId, clientSecret, locationId, refreshToken }
	let issued = new Map(); // access token -> 'valid' | 'expired'
	let counter = 0;
	const api = {
		/** Reject every access token issued here, even a fresh one (a 401 after the refresh). */
		rejectEveryToken: false,
		/** Registers an app installation whose access token is already expired. */
		install({ clientId, clientSecret, locationId, accessToken, refreshToken }) {
			clients.push({ clientId, clientSecret, locationId, refreshToken });
			issued.set(accessToken, 'expired');
		},
		/** Access tokens issued by the token endpoint, oldest first. */
		get issuedTokens() {
			return [...issued.keys()].filter((token) => token.startsWith('at-'));
		},
		reset() {
			clients = [];
			issued = new Map();
			api.rejectEveryToken = false;
		},
		/** The answer for `req`, or undefined when this module has nothing to say about it. */
		answer(req) {
			if (req.method === 'POST' && req.path === TOKEN_PATH) return token(req);
			if (!req.path.startsWith('/highlevel/')) return undefined;
			const state = issued.get(bearerOf(req));
			if (state === 'expired' || (state && api.rejectEveryToken)) {
				return { status: 401, body: { statusCode: 401, message: 'Invalid JWT', error: 'Unauthorized' } };
			}
			return undefined;
		},
	};

	function token(req) {
		const form = new URLSearchParams(typeof req.body === 'string' ? req.body : '');
		const client = clients.find(
			(entry) => entry.clientId === form.get('client_id') && entry.clientSecret === form.get('client_secret'),
		);
		if (!client) return { status: 401, body: { error: 'invalid_client', error_description: 'Invalid client credentials' } };
		if (form.get('grant_type') !== 'refresh_token' || form.get('refresh_token') !== client.refreshToken) {
			return { status: 400, body: { error: 'invalid_grant', error_description: 'Invalid grant: refresh token is invalid' } };
		}
		counter++;
		const accessToken = `at-${counter}-${Math.random().toString(36).slice(2)}`;
		client.refreshToken = `rt-${counter}-${Math.random().toString(36).slice(2)}`; // refresh tokens roll
		issued.set(accessToken, 'valid');
		return {
			status: 200,
			body: {
				access_token: accessToken,
				token_type: 'Bearer',
				expires_in: 86399,
				refresh_token: client.refreshToken,
				scope: 'conversations.readonly conversations.write conversations/message.readonly conversations/message.write',
				userType: 'Location',
				locationId: client.locationId,
				companyId: 'company1',
			},
		};
	}

	return api;
}

/**
 * The data of an omnichannelHighLevelOAuth2Api credential as n8n keeps it once the app was
 * connected (oauthTokenData from HighLevel's token answer), with the mock as token endpoint and API.
 */
function oauthCredentialData(mock, { clientId, clientSecret, accessToken, refreshToken, locationId }) {
	return {
		grantType: 'authorizationCode',
		authUrl: 'https://marketplace.gohighlevel.com/oauth/chooselocation',
		accessTokenUrl: `${mock.urls.highlevel}/oauth/token`,
		clientId,
		clientSecret,
		scope: 'conversations.readonly conversations.write conversations/message.readonly conversations/message.write',
		authQueryParameters: '',
		authentication: 'body',
		baseUrl: mock.urls.highlevel,
		oauthTokenData: {
			access_token: accessToken,
			refresh_token: refreshToken,
			token_type: 'Bearer',
			expires_in: 86399,
			userType: 'Location',
			locationId,
		},
	};
}

module.exports = { createOAuth, oauthCredentialData, TOKEN_PATH };
