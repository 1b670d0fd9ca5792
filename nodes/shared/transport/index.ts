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
export { apiRequest, apiRequestFull } from './request';
export { DEFAULT_LIMITS, idProof, KEEP_SLOT } from './types';
export type { Api, ApiAnswer, ApiRequest, BodyProof, ReleaseSlotWhile, RequestContext, SendLimits } from './types';
export { openApi } from './session';
export { headerText, numberHeader, retryAfterMs } from './headers';
export { isRateLimited } from './outcome';
export type { Outcome } from './outcome';
export { cursorPages, dateWindows, emitPages, emitReadings, READ_AHEAD, readItems, readLimit, readPages, requestPages, singlePage, windowsOf } from './paginate';
export type { BuildReading, CursorPages, DateWindow, ListSource, Pages, Reading, Remaining } from './paginate';
export { binaryForm } from './multipart';
export type { BinaryPart } from './multipart';
