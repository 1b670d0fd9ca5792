import type {
	ICredentialsDecrypted,
	IDataObject,
	IExecuteFunctions,
	IHookFunctions,
	IHttpRequestMethods,
	ILoadOptionsFunctions,
	IPollFunctions,
} from 'n8n-workflow';

import type { Pacer, RateLimiter } from '../rateLimiter';
import type { Service } from '../services';

/** What the transport's types are: the request a node asks for, the session it goes through. */

export type RequestContext = IExecuteFunctions | ILoadOptionsFunctions | IHookFunctions | IPollFunctions;

export interface ApiRequest {
	method: IHttpRequestMethods;
	/** Path below the credential's base URL, e.g. `/message`. */
	path: string;
	/** A JSON body, or a multipart one (`FormData`, see multipart.ts). */
	body?: IDataObject | FormData;
	qs?: IDataObject;
	headers?: IDataObject;
	/** For a write: what a 2xx answer must hold to count as delivered (see `BodyProof`). */
	proof?: BodyProof;
	/**
	 * Sent as the `Idempotency-Key` header. The API then answers a repeat of the request with
	 * the first one's result instead of acting twice, so an unknown outcome (5xx, timeout,
	 * dropped connection) may be retried with the same key.
	 */
	idempotencyKey?: string;
	/** An answer that proves the request was not processed yet: retried (with the same key), e.g. Inbox 409 `sendInProgress`. */
	retryableWhen?: (status: number, body: unknown) => boolean;
	/** An unknown outcome that must never be retried, even with a key, e.g. Inbox 502 `sendUnconfirmed`. */
	finalWhen?: (status: number, body: unknown) => boolean;
}

/**
 * What proves that the API took a write: the vendor's success field and the new message's id.
 * A 2xx without it (a proxy's sign-in page, a wrong Base URL, `{ status: "pending" }`) is not
 * reported as delivered: it is an error saying the message may have been delivered.
 */
export interface BodyProof {
	holds(body: unknown): boolean;
	/** What the answer lacked, in words: 'status "success" with a message_id'. */
	expected: string;
}

/** A proof that holds when `idOf(body)` is a text id matching `pattern` (any non-blank text by default). */
export function idProof(expected: string, idOf: (body: IDataObject) => unknown, pattern = /\S/): BodyProof {
	return {
		expected,
		holds: (body) => {
			const id = body && typeof body === 'object' ? idOf(body as IDataObject) : undefined;
			return typeof id === 'string' && pattern.test(id);
		},
	};
}

/** The answer that settled a request: a caller can tell a replay (200) from a first send (201). */
export interface ApiAnswer {
	status: number;
	headers: IDataObject;
	body: unknown;
	/** Requests sent for it: 1, or more after refusals and retries. */
	attempts: number;
}

export interface SendLimits {
	/** Requests under way at once in one node run. */
	concurrency: number;
	/** Per-request timeout. */
	timeoutMs: number;
	/** Longest total wait on rate limits and retries for one request before giving up. */
	maxRateLimitWaitMs: number;
	/** User cap on the pace of this node run (0 = none). */
	maxPerSecond: number;
}

export const DEFAULT_LIMITS: SendLimits = {
	concurrency: 1,
	timeoutMs: 30_000,
	maxRateLimitWaitMs: 300_000,
	maxPerSecond: 0,
};

export interface Api {
	readonly service: Service;
	/** Read once per run and handed to every request: n8n would otherwise load and decrypt it each time. */
	readonly credentials: ICredentialsDecrypted;
	/** Signed by n8n's OAuth2 flow, which refreshes the token on a 401 (see attempt.ts). */
	readonly oAuth2: boolean;
	readonly baseUrl: string;
	readonly secrets: readonly string[];
	readonly limiter: RateLimiter;
	readonly pacer: Pacer;
	readonly limits: SendLimits;
}

/**
 * Runs a wait (a refused request's Retry-After, a retry's backoff) with the caller's
 * concurrency slot released, so that the slot sends another item meanwhile (see items.ts).
 */
export type ReleaseSlotWhile = (wait: () => Promise<void>) => Promise<void>;

export const KEEP_SLOT: ReleaseSlotWhile = async (wait) => await wait();
