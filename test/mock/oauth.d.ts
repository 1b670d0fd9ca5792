import type { MockApi } from './mockApi';

export function oauthCredentialData(
	mock: MockApi,
	app: { clientId: string; clientSecret: string; accessToken: string; refreshToken: string; locationId: string },
): Record<string, unknown>;
export const TOKEN_PATH: string;
