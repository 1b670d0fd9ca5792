import type { FunctionsBase } from 'n8n-workflow';

import { INBOX } from '../../shared/services';
import { DEFAULT_LIMITS, openApi } from '../../shared/transport';
import type { Api, SendLimits } from '../../shared/transport';

/** The Inbox API a node speaks: version 1 of the nodes speaks v1, version 2 speaks v2. */
export type InboxApiVersion = 1 | 2;

const VERSIONED = /\/api\/v[12]$/;

/**
 * One credential serves both APIs, and nothing stored has to change. Credentials hold the v1
 * address (`.../api/v1`, Inbox's and our default); each node swaps the version at its end.
 * A Base URL without a version (a proxy, `https://inboxapp.com/api`) gets `/api/v2` (or `/v2`)
 * for v2, and is used as it is for v1, exactly as before, so no existing credential changes.
 */
export function inboxBaseUrl(stored: string, version: InboxApiVersion): string {
	const url = (stored || INBOX.defaultBaseUrl).replace(/\/+$/, '');
	if (VERSIONED.test(url)) return url.replace(VERSIONED, `/api/v${version}`);
	if (version === 1) return url;
	return /\/api$/.test(url) ? `${url}/v2` : `${url}/api/v2`;
}

/** The API version of a node: its typeVersion (1 and 1.x speak v1). */
export function apiVersionOf(ctx: FunctionsBase): InboxApiVersion {
	return ctx.getNode().typeVersion >= 2 ? 2 : 1;
}

/**
 * openApi for Inbox at the node's API version. The limiter stays the credential's one (keyed by
 * the stored address): Inbox counts v1 and v2 requests against the same team limit.
 */
export async function openInbox(
	ctx: FunctionsBase,
	limits: SendLimits = DEFAULT_LIMITS,
	version: InboxApiVersion = apiVersionOf(ctx),
): Promise<Api> {
	const api = await openApi(ctx, INBOX, limits);
	const baseUrl = inboxBaseUrl(api.baseUrl, version);
	return baseUrl === api.baseUrl ? api : { ...api, baseUrl };
}
