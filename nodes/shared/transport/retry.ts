import { requestOptions, sendOnce } from './attempt';
import { backoffMs } from './outcome';
import type { Outcome } from './outcome';
import type { Api, ApiRequest, ReleaseSlotWhile, RequestContext } from './types';

/**
 * The retry loop: it sends, looks at the Outcome, and either stops or waits and sends again.
 * The rules are in index.ts's first comment; `pauseBefore` is where they are decided.
 */

/** How often a refused connection (nothing was sent) is tried again, and the first pause. */
const REFUSED_RETRIES = 2;
const REFUSED_BACKOFF_MS = 500;
/** How often an unknown outcome of a read, or of a write with an idempotency key, is tried again. */
export const UNKNOWN_RETRIES = 3;
/** Their first backoff: 0.5 s, then 1 s, 2 s (a blip of a server, not a rate limit). */
const RETRY_BASE_MS = 500;

export interface Settled {
	outcome: Outcome;
	/** Requests sent. */
	attempts: number;
	/** Time spent waiting on rate limits and retry backoffs. */
	waitedMs: number;
}

interface State {
	waitedMs: number;
	refusedConnections: number;
	retries: number;
	retryAt?: number;
}

/** A request the API handles the same however often it comes: a read, or a write with a key. */
export function isRepeatable(request: ApiRequest): boolean {
	return request.method === 'GET' || request.idempotencyKey !== undefined;
}

/** A wait that fits the "Max Rate-Limit Wait" budget is taken (and counted); one that does not stops the loop. */
function withinBudget(api: Api, state: State, waitMs: number): number | undefined {
	if (state.waitedMs + waitMs > api.limits.maxRateLimitWaitMs) return undefined;
	state.waitedMs += waitMs;
	return waitMs;
}

/** How long to wait before sending again after `outcome`, or undefined to stop there. */
function pauseBefore(api: Api, request: ApiRequest, outcome: Outcome, state: State): number | undefined {
	const now = api.limiter.clock.now();
	switch (outcome.kind) {
		case 'delivered':
			return undefined;
		case 'rateLimited':
			return withinBudget(api, state, outcome.waitMs) === undefined ? undefined : Math.max(0, (state.retryAt ?? now) - now);
		case 'refused':
			if (outcome.why === 'notConnected' && outcome.code === 'ECONNREFUSED' && state.refusedConnections < REFUSED_RETRIES) {
				return REFUSED_BACKOFF_MS * 2 ** state.refusedConnections++;
			}
			return outcome.why === 'notYet' ? withinBudget(api, state, backoffMs(state.retries++, RETRY_BASE_MS)) : undefined;
		case 'unknown': {
			const retryable = outcome.why === 'serverError' || outcome.why === 'timeout' || outcome.why === 'dropped';
			if (!retryable || outcome.final || !isRepeatable(request) || state.retries >= UNKNOWN_RETRIES) return undefined;
			return withinBudget(api, state, backoffMs(state.retries++, RETRY_BASE_MS));
		}
	}
}

/** Sends `request` until an Outcome ends it; waits are taken with the caller's slot released. */
export async function sendWithRetries(
	ctx: RequestContext,
	api: Api,
	request: ApiRequest,
	releaseSlotWhile: ReleaseSlotWhile,
): Promise<Settled> {
	const signal = 'getExecutionCancelSignal' in ctx ? ctx.getExecutionCancelSignal() : undefined;
	const options = requestOptions(api, request);
	const state: State = { waitedMs: 0, refusedConnections: 0, retries: 0 };
	for (let attempt = 0; ; attempt++) {
		const { outcome, retryAt } = await sendOnce(ctx, api, request, options, attempt, signal);
		state.retryAt = retryAt;
		const pauseMs = pauseBefore(api, request, outcome, state);
		if (pauseMs === undefined) return { outcome, attempts: attempt + 1, waitedMs: state.waitedMs };
		if (pauseMs > 0) await releaseSlotWhile(async () => await api.limiter.clock.sleep(pauseMs, signal));
	}
}
