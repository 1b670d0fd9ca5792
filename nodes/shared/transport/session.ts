import type { FunctionsBase, ICredentialDataDecryptedObject, IDataObject } from 'n8n-workflow';

import { limiterFor, Pacer } from '../rateLimiter';
import { AUTHENTICATION, OAUTH2 } from '../services';
import type { Service } from '../services';
import { DEFAULT_LIMITS } from './types';
import type { Api, SendLimits } from './types';

/** A credential field by name, or a nested one by path (`oauthTokenData.access_token`). */
function fieldOf(data: IDataObject, path: string): unknown {
	return path.split('.').reduce<unknown>((value, key) => (value as IDataObject | undefined)?.[key], data);
}

/**
 * Reads the credential once per node run and binds the shared limiter for it. The credential is
 * the service's own, or its OAuth2 one when the node's "Authentication" parameter says so.
 */
export async function openApi(
	ctx: FunctionsBase,
	service: Service,
	limits: SendLimits = DEFAULT_LIMITS,
): Promise<Api> {
	const node = ctx.getNode();
	const oAuth2 = service.oAuth2 && node.parameters?.[AUTHENTICATION] === OAUTH2 ? service.oAuth2 : undefined;
	const { credentialType, secretFields } = oAuth2 ?? service;
	const stored = await ctx.getCredentials(credentialType);
	const credentials: IDataObject = { ...stored };
	for (const field of oAuth2?.tokenFields ?? []) {
		const value = fieldOf(stored, `oauthTokenData.${field}`);
		if (value !== undefined && value !== null && value !== '') credentials[field] = value;
	}
	const baseUrl = String(credentials.baseUrl || service.defaultBaseUrl).replace(/\/+$/, '');
	const secrets = secretFields
		.map((field) => fieldOf(stored, field))
		.filter((value): value is string => typeof value === 'string' && value !== '');
	const nodeCredential = node.credentials?.[credentialType];
	const credentialId = nodeCredential?.id ?? 'default';
	return {
		service,
		credentials: {
			id: credentialId,
			name: nodeCredential?.name ?? service.name,
			type: credentialType,
			data: credentials as ICredentialDataDecryptedObject,
		},
		oAuth2: !!oAuth2,
		baseUrl,
		secrets,
		limiter: limiterFor(`${credentialType}|${credentialId}|${baseUrl}`),
		pacer: new Pacer(limits.maxPerSecond > 0 ? 1000 / limits.maxPerSecond : 0),
		limits,
	};
}
