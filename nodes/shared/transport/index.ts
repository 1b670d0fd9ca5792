/**
 * The one HTTP path of the package. Every request of every node goes through `apiRequest` (or
 * `apiRequestFull`), which applies the credential (n8n's `httpRequestWithAuthentication`),
 * waits out rate limits, and turns every failure into an error that says whether the message
 * may have been delivered.
 *
 * Each attempt (attempt.ts) ends in one Outcome (outcome.ts): delivered, refused (not
 * processed), rate-limited, or unknown (may have been processed). The retry rules
 * (retry.ts) look at nothing else:
 * 1. Delivered: done. Refused: reported, never re-sent (the API said no, or nothing was sent),
 *    except a refused connection, tried twice more after 0.5 s and 1 s.
 * 2. Rate-limited (429, or 503 with Retry-After): sent again after the wait the API asked
 *    for (Retry-After, else HighLevel's window, else 1 s, 2 s, 4 s ... backoff), with the
 *    caller's concurrency slot released meanwhile.
 * 3. Unknown (5xx, timeout, connection lost after sending): a write is reported at once, as
 *    "may have been delivered", and never re-sent on its own: it may have reached the API.
 *    A read (GET), or a write with an `idempotencyKey` (the API answers a repeat with the
 *    first result), is sent again up to 3 times, 0.5 s, 1 s, 2 s apart, unless
 *    `finalWhen` says the answer is final. A replay's answer counts as delivered (the body
 *    proof still applies).
 * 4. `retryableWhen` (an answer proving "not processed yet"): sent again, 0.5 s, 1 s, 2 s ... apart.
 * All the waiting of one request, rules 2 to 4, is bounded by "Max Rate-Limit Wait": a wait
 * that would pass it ends the request with the last Outcome's message (messages.ts).
 */
import type { INode } from 'n8n-workflow';

import { failureOf } from './messages';
import { sendWithRetries } from './retry';
import { KEEP_SLOT } from './types';
import type { Api, ApiAnswer, ApiRequest, ReleaseSlotWhile, RequestContext } from './types';

export { DEFAULT_LIMITS, idProof, KEEP_SLOT } from './types';
export type { Api, ApiAnswer, ApiRequest, BodyProof, ReleaseSlotWhile, RequestContext, SendLimits } from './types';
export { openApi } from './session';
export { headerText, numberHeader, retryAfterMs } from './headers';
export { isRateLimited } from './outcome';
export type { Outcome } from './outcome';

/**
 * Sends `request` under the rules above and resolves the answer that delivered it, with its
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
