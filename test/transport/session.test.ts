import type { ICredentialDataDecryptedObject, IExecuteFunctions, INodeType } from 'n8n-workflow';

import { HighLevelConversations } from '../../nodes/HighLevel/HighLevelConversations.node';
import { AUTHENTICATION, HIGHLEVEL, HIGHLEVEL_OAUTH2, INBOX, OAUTH2 } from '../../nodes/shared/services';
import type { Service } from '../../nodes/shared/services';
import { openApi } from '../../nodes/shared/transport';
import type { Api } from '../../nodes/shared/transport';
import { runNode } from '../helpers/engine';

/**
 * The session (nodes/shared/transport/session.ts), read inside n8n's engine: which credential
 * a node run signs with, which OAuth2 token fields it reads, which values are kept out of
 * output as secrets, and which shared rate limiter it joins.
 */
/** HighLevel Conversations' own sign-in choice: its Authentication parameter and the credential each value shows. */
const highLevel = new HighLevelConversations().description;
const authentication = highLevel.properties.find((property) => property.name === AUTHENTICATION)!;
const TOKEN = authentication.default as string;

/** A node that opens the session of `service` and keeps it for the test to look at. */
function opener(service: Service, opened: Api[]): INodeType {
	return {
		description: {
			displayName: 'Session Probe',
			name: 'sessionProbe',
			group: ['transform'],
			version: 1,
			description: 'Opens a transport session in tests',
			defaults: { name: 'Session Probe' },
			inputs: ['main'],
			outputs: ['main'],
			credentials: service === HIGHLEVEL ? highLevel.credentials : [{ name: service.credentialType, required: true }],
			properties: [authentication],
		},
		async execute(this: IExecuteFunctions) {
			opened.push(await openApi(this, service));
			return [[{ json: {} }]];
		},
	};
}

async function open(service: Service, type: string, data: ICredentialDataDecryptedObject, authentication = TOKEN): Promise<Api> {
	const opened: Api[] = [];
	const result = await runNode({ type: opener(service, opened), parameters: { [AUTHENTICATION]: authentication }, credentials: { [type]: data }, continueOnFail: false }, [{}]);
	expect(result.error).toBeUndefined();
	expect(opened).toHaveLength(1);
	return opened[0];
}

describe('the credential a run signs with', () => {
	test('OAuth2 when the node says so: the token answer\'s fields are read as credential fields', async () => {
		const api = await open(HIGHLEVEL, HIGHLEVEL_OAUTH2.credentialType, {
			clientId: 'client-1',
			clientSecret: 'cs_secret_1',
			oauthTokenData: { access_token: 'at_secret_2', refresh_token: 'rt_secret_3', locationId: 'loc_from_token' },
		}, OAUTH2);
		expect(api.oAuth2).toBe(true);
		expect(api.credentials.type).toBe(HIGHLEVEL_OAUTH2.credentialType);
		expect(api.credentials.data?.locationId).toBe('loc_from_token');
		expect(api.secrets).toEqual(['cs_secret_1', 'at_secret_2', 'rt_secret_3']);
		expect(api.baseUrl).toBe(HIGHLEVEL.defaultBaseUrl);
	});

	test.each([
		['empty', ''],
		['null', null],
		['absent', undefined],
	])('a token field that is %s leaves the credential\'s own value', async (_what, locationId) => {
		const api = await open(HIGHLEVEL, HIGHLEVEL_OAUTH2.credentialType, {
			clientSecret: 'cs_secret_1',
			locationId: 'loc_own',
			oauthTokenData: { access_token: 'at_secret_2', ...(locationId === undefined ? {} : { locationId }) },
		}, OAUTH2);
		expect(api.credentials.data?.locationId).toBe('loc_own');
	});

	test('the token credential otherwise, and no token field is read from it', async () => {
		const api = await open(HIGHLEVEL, HIGHLEVEL.credentialType, { accessToken: 'pit_secret_4', locationId: 'loc_own', baseUrl: 'http://127.0.0.1:9/hl//' });
		expect(api.oAuth2).toBe(false);
		expect(api.credentials.type).toBe(HIGHLEVEL.credentialType);
		expect(api.credentials.data?.locationId).toBe('loc_own');
		expect(api.secrets).toEqual(['pit_secret_4']);
		expect(api.baseUrl).toBe('http://127.0.0.1:9/hl');
	});

	test('secrets are the non-empty texts only: an empty or non-text field is not one', async () => {
		const api = await open(HIGHLEVEL, HIGHLEVEL_OAUTH2.credentialType, {
			clientSecret: '',
			oauthTokenData: { access_token: 'at_secret_2', refresh_token: 12345 },
		}, OAUTH2);
		expect(api.secrets).toEqual(['at_secret_2']);
	});
});

describe('the shared rate limiter a run joins', () => {
	const inbox = (baseUrl: string) => open(INBOX, INBOX.credentialType, { apiToken: 'inbox_tok_5', baseUrl });

	test('one per credential and base URL: runs of the same share it, another base URL or service has its own', async () => {
		const first = await inbox('http://127.0.0.1:9/a');
		const again = await inbox('http://127.0.0.1:9/a/');
		const elsewhere = await inbox('http://127.0.0.1:9/b');
		const otherService = await open(HIGHLEVEL, HIGHLEVEL.credentialType, { accessToken: 'pit_secret_4', baseUrl: 'http://127.0.0.1:9/a' });
		expect(again.limiter).toBe(first.limiter);
		expect(elsewhere.limiter).not.toBe(first.limiter);
		expect(otherService.limiter).not.toBe(first.limiter);
	});
});
