/** The two entry points of the transport: the rules they follow are in index.ts. */
import type { INode } from 'n8n-workflow';

import { failureOf } from './messages';
import { sendWithRetries } from './retry';
import { KEEP_SLOT } from './types';
import type { Api, ApiAnswer, ApiRequest, ReleaseSlotWhile, RequestContext } from './types';

/**
 * Sends `request` under the rules of index.ts and resolves the answer that delivered it, with its
 * status and headers (a caller can tell a replay, 200, from a first send, 201), or throws the
 * error that says why not. `releaseSlotWhile` lets the item loop's concurrency slot go during
 * waits (see items.ts); other callers hold no slot.
 */
export async function apiRequestFull(
	ctx: RequestContext,
	api: Api,
	request: ApiRequest,
	itemIndex?: number,
	releaseSlotWhile: ReleaseSlotWhile = KEEP_SLOT,
): Promise<ApiAnswer> {
	const settled = await sendWithRetries(ctx, api, request, releaseSlotWhile);
	const { outcome, attempts } = settled;
	if (outcome.kind === 'delivered') return { ...outcome.answer, attempts };
	// (`ctx.getNode()` copies the node each call: it is asked for only when there is an error.)
	throw failureOf(ctx.getNode() as INode, api, request, settled, itemIndex);
}

/** `apiRequestFull`'s body alone: what most callers need. */
export async function apiRequest(
	ctx: RequestContext,
	api: Api,
	request: ApiRequest,
	itemIndex?: number,
	releaseSlotWhile: ReleaseSlotWhile = KEEP_SLOT,
): Promise<unknown> {
	return (await apiRequestFull(ctx, api, request, itemIndex, releaseSlotWhile)).body;
}
