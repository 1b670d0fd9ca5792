import type { IDataObject } from 'n8n-workflow';

import { findInChain } from './causes';
import { numberHeader, retryAfterMs } from './headers';
import type { ApiRequest } from './types';

/**
 * What one attempt came to, judged from the answer (or the failure) alone. Four kinds, because
 * the retry loop and the user need to know only this much:
 * - `delivered`: a 2xx whose body proves it (see BodyProof);
 * - `refused`: the API did not process it (a 4xx, an error body, a redirect that asks for the
 *   request elsewhere, no connection, no valid OAuth2 token, or a `retryableWhen` answer);
 * - `rateLimited`: refused for now, with the wait the API asked for;
 * - `unknown`: it may have been processed (a 5xx, a timeout, a connection lost after sending,
 *   another redirect, a 2xx without proof).
 */
export interface Answer {
	status: number;
	headers: IDataObject;
	body: unknown;
}

export type RefusedWhy = 'rejected' | 'errorBody' | 'redirect' | 'notConnected' | 'signIn' | 'notYet';
export type UnknownWhy = 'serverError' | 'timeout' | 'dropped' | 'redirect' | 'unconfirmed';

export type Outcome =
	| { kind: 'delivered'; answer: Answer }
	| { kind: 'refused'; why: RefusedWhy; answer?: Answer; code?: string; said?: string }
	| { kind: 'rateLimited'; answer: Answer; waitMs: number }
	| { kind: 'unknown'; why: UnknownWhy; answer?: Answer; code?: string; final: boolean };

/**
 * Whether an answer proves the API did not process the request: a 429, or a 503 with an
 * explicit Retry-After. HighLevel's `X-RateLimit-Interval-Milliseconds` comes with every
 * answer, so it proves nothing: a 503 carrying only that may have been delivered.
 */
export function isRateLimited(status: number, headers: IDataObject): boolean {
	return status === 429 || (status === 503 && retryAfterMs(headers) !== undefined);
}

/** Backoff with no hint from the API: 1 s, 2 s, 4 s ... up to 60 s, with jitter (half to all of it). */
const BACKOFF_BASE_MS = 1000;
const BACKOFF_CAP_MS = 60_000;

export function backoffMs(attempt: number, baseMs = BACKOFF_BASE_MS): number {
	const ceiling = Math.min(BACKOFF_CAP_MS, baseMs * 2 ** attempt);
	return ceiling / 2 + Math.random() * (ceiling / 2);
}

/** How long a rate-limited request waits: as told, else HighLevel's window, else backoff. */
function rateLimitWaitMs(headers: IDataObject, attempt: number): number {
	return (
		retryAfterMs(headers) ??
		numberHeader(headers, 'x-ratelimit-interval-milliseconds') ??
		backoffMs(attempt)
	);
}

/**
 * A 2xx whose body says it failed: Sociocs' `{ status: "error" }`, HighLevel's
 * `{ success: false }`. The API refused it, so it was not delivered.
 */
function isErrorEnvelope(body: unknown): boolean {
	if (!body || typeof body !== 'object') return false;
	const { status, success } = body as IDataObject;
	return status === 'error' || success === false;
}

/** Redirects that say the request was not acted on here (repeat it at the other address). */
const NOT_PROCESSED_REDIRECTS = new Set([301, 307, 308]);

/** Judges an HTTP answer. `attempt` (0 for the first) sets the backoff of a 429 without a hint. */
export function judgeAnswer(request: ApiRequest, answer: Answer, attempt: number): Outcome {
	const { status, headers, body } = answer;
	if (isRateLimited(status, headers)) return { kind: 'rateLimited', answer, waitMs: rateLimitWaitMs(headers, attempt) };
	if (request.retryableWhen?.(status, body)) return { kind: 'refused', why: 'notYet', answer };
	const unknown = (why: UnknownWhy): Outcome => ({ kind: 'unknown', why, answer, final: !!request.finalWhen?.(status, body) });
	if (status >= 500) return unknown('serverError');
	if (status >= 400) return { kind: 'refused', why: 'rejected', answer };
	if (status >= 300) return NOT_PROCESSED_REDIRECTS.has(status) ? { kind: 'refused', why: 'redirect', answer } : unknown('redirect');
	if (isErrorEnvelope(body)) return { kind: 'refused', why: 'errorBody', answer };
	if (request.proof && !request.proof.holds(body)) return unknown('unconfirmed');
	return { kind: 'delivered', answer };
}

/** Network error codes that prove nothing was sent; everything else may have reached the API. */
const NOT_SENT_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ERR_INVALID_URL']);
const TIMEOUT_CODES = new Set(['ECONNABORTED', 'ETIMEDOUT', 'ESOCKETTIMEDOUT']);

export function networkCode(error: unknown): string | undefined {
	return findInChain(error, ({ code }) => (typeof code === 'string' && /^E[A-Z_]+$/.test(code) ? code : undefined));
}

/** An HTTP answer n8n threw instead of returning (an OAuth2 401, see attempt.ts). */
export function answerIn(error: unknown): Answer | undefined {
	return findInChain(error, ({ response }) => {
		const { status, headers, data } = (response ?? {}) as { status?: unknown; headers?: IDataObject; data?: unknown };
		return typeof status === 'number' ? { status, headers: headers ?? {}, body: data } : undefined;
	});
}

/**
 * Why n8n could not sign a request with an OAuth2 credential: not connected yet, or the token
 * endpoint refused the refresh (client-oauth2's EAUTH / ESTATUS, n8n's "needs to be reconnected").
 * Either happens before the request is sent, or after the API refused the old token with a 401.
 */
export function signInProblem(error: unknown): string | undefined {
	return findInChain(error, ({ code, message, failure }) => {
		const text = typeof message === 'string' ? message : '';
		const signIn =
			code === 'EAUTH' ||
			code === 'ESTATUS' ||
			(failure as { cause?: unknown } | undefined)?.cause === 'credential-invalid' ||
			/OAuth credentials not connected|no refresh token/i.test(text);
		return signIn ? text || String(code) : undefined;
	});
}

/** Judges a request that got no answer (n8n threw). */
export function judgeFailure(error: unknown, oAuth2: boolean): Outcome {
	const code = networkCode(error);
	if (code === 'ECONNREFUSED') return { kind: 'refused', why: 'notConnected', code };
	const said = oAuth2 ? signInProblem(error) : undefined;
	if (said !== undefined) return { kind: 'refused', why: 'signIn', said };
	if (code && NOT_SENT_CODES.has(code)) return { kind: 'refused', why: 'notConnected', code };
	const why = code && TIMEOUT_CODES.has(code) ? 'timeout' : 'dropped';
	return { kind: 'unknown', why, code, final: false };
}
