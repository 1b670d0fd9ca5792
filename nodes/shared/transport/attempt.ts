import type { IHttpRequestOptions } from 'n8n-workflow';

import { answerIn, judgeAnswer, judgeFailure } from './outcome';
import type { Answer, Outcome } from './outcome';
import type { Api, ApiRequest, RequestContext } from './types';

/**
 * One attempt: take the user's pace and the shared limiter's slot, send once through n8n's
 * `httpRequestWithAuthentication`, judge what came back, and settle the limiter. The limiter
 * is settled here and only here, exactly once per `acquire`: `limited` for a rate-limited
 * answer (it returns when the request may go again), `accepted` for anything else, a failure
 * after sending included (it may have counted against the limit).
 */

export interface Attempt {
	outcome: Outcome;
	/** For a rate-limited outcome: when the limiter lets this request go again. */
	retryAt?: number;
}

/** n8n's request options for `request`, built once per request (each attempt gets a copy). */
export function requestOptions(api: Api, request: ApiRequest): IHttpRequestOptions {
	const headers = request.idempotencyKey === undefined ? request.headers : { ...request.headers, 'Idempotency-Key': request.idempotencyKey };
	return {
		method: request.method,
		url: `${api.baseUrl}${request.path}`,
		qs: request.qs,
		body: request.body as IHttpRequestOptions['body'],
		headers,
		json: true,
		returnFullResponse: true,
		// Every answer comes back as an answer, to be judged; but with OAuth2 a 401 must be an
		// error for n8n to refresh the token and send the request again (once: a 401 proves it
		// was not processed). A 401 that survives the refresh is judged from the error.
		ignoreHttpStatusErrors: api.oAuth2 ? { ignore: true, except: [401] } : true,
		timeout: api.limits.timeoutMs,
		// A redirect is never followed for a write: following it sends the message again, to an
		// address the user never configured (and 301/302 would silently turn it into a GET).
		// It is reported instead, with its verdict. (It also spares n8n's redirect-following
		// transport on every request of a bulk send.)
		disableFollowRedirect: request.method !== 'GET',
	};
}

interface FullResponse {
	statusCode: number;
	headers?: Answer['headers'];
	body: unknown;
}

async function exchange(ctx: RequestContext, api: Api, request: ApiRequest, options: IHttpRequestOptions, attempt: number): Promise<Outcome> {
	let response: FullResponse;
	try {
		response = (await ctx.helpers.httpRequestWithAuthentication.call(ctx, api.credentials.type, { ...options }, {
			credentialsDecrypted: api.credentials,
		})) as FullResponse;
	} catch (error) {
		const thrown = answerIn(error);
		return thrown ? judgeAnswer(request, thrown, attempt) : judgeFailure(error, api.oAuth2);
	}
	return judgeAnswer(request, { status: response.statusCode, headers: response.headers ?? {}, body: response.body }, attempt);
}

/** Sends `request` once. `attempt` counts from 0 (it sets the backoff of a 429 without a hint). */
export async function sendOnce(
	ctx: RequestContext,
	api: Api,
	request: ApiRequest,
	options: IHttpRequestOptions,
	attempt: number,
	signal?: AbortSignal,
): Promise<Attempt> {
	// The user's own cap first, the shared limiter last, so nothing sleeps between its slot and the send.
	await api.pacer.take(signal);
	const sentAt = await api.limiter.acquire(signal);
	const outcome = await exchange(ctx, api, request, options, attempt);
	if (outcome.kind === 'rateLimited') {
		return { outcome, retryAt: api.limiter.limited(sentAt, outcome.waitMs, outcome.answer.headers) };
	}
	api.limiter.accepted(sentAt, outcome.answer?.headers);
	return { outcome };
}
