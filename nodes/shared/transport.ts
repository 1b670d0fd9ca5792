import { sleep } from 'n8n-workflow';
import type {
	FunctionsBase,
	ICredentialDataDecryptedObject,
	ICredentialsDecrypted,
	IDataObject,
	IExecuteFunctions,
	IHookFunctions,
	IHttpRequestMethods,
	IHttpRequestOptions,
	ILoadOptionsFunctions,
	INode,
	IPollFunctions,
} from 'n8n-workflow';

import { apiFailure, vendorMessage } from './errors';
import { limiterFor, numberHeader, Pacer } from './rateLimiter';
import type { RateLimiter } from './rateLimiter';
import { AUTHENTICATION, OAUTH2 } from './services';
import type { Service } from './services';

/**
 * The one HTTP path of the package. Every request of every node goes through `apiRequest`,
 * which applies the credential (n8n's `httpRequestWithAuthentication`), waits out rate limits,
 * and turns every failure into an error that says whether the message may have been delivered.
 *
 * The rule it enforces: a request that may have reached the API is never sent again on its
 * own. Only answers that prove the API did not process it (429, 503 with Retry-After) and a
 * refused connection (nothing was sent) are retried.
 */

type RequestContext = IExecuteFunctions | ILoadOptionsFunctions | IHookFunctions | IPollFunctions;

export interface ApiRequest {
	method: IHttpRequestMethods;
	/** Path below the credential's base URL, e.g. `/message`. */
	path: string;
	body?: IDataObject;
	qs?: IDataObject;
	headers?: IDataObject;
	/** For a write: what a 2xx answer must hold to count as delivered (see `BodyProof`). */
	proof?: BodyProof;
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

export interface SendLimits {
	/** Requests under way at once in one node run. */
	concurrency: number;
	/** Per-request timeout. */
	timeoutMs: number;
	/** Longest total wait on rate limits for one request before giving up. */
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
	/** Signed by n8n's OAuth2 flow, which refreshes the token on a 401 (see apiRequest). */
	readonly oAuth2: boolean;
	readonly baseUrl: string;
	readonly secrets: readonly string[];
	readonly limiter: RateLimiter;
	readonly pacer: Pacer;
	readonly limits: SendLimits;
}

/** How often a refused connection (nothing sent) is tried again, and the first pause. */
const REFUSED_RETRIES = 2;
const REFUSED_BACKOFF_MS = 500;
/** Backoff for a 429 that gives no hint: 1 s, 2 s, 4 s ... up to 60 s, with jitter. */
const BACKOFF_BASE_MS = 1000;
const BACKOFF_CAP_MS = 60_000;

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

function headerValue(headers: IDataObject, name: string): string | undefined {
	const raw = headers[name];
	const value = Array.isArray(raw) ? raw[0] : raw;
	return value === undefined || value === null ? undefined : String(value);
}

/** The wait an answer asks for with `Retry-After` (seconds or HTTP date). */
export function retryAfterMs(headers: IDataObject, now = Date.now()): number | undefined {
	const retryAfter = headerValue(headers, 'retry-after');
	if (retryAfter === undefined || retryAfter.trim() === '') return undefined;
	const seconds = Number(retryAfter);
	if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
	const date = Date.parse(retryAfter);
	return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/**
 * Whether an answer proves the API did not process the request: a 429, or a 503 with an
 * explicit Retry-After. HighLevel's `X-RateLimit-Interval-Milliseconds` comes with every
 * answer, so it proves nothing: a 503 carrying only that may have been delivered.
 */
export function isRateLimited(status: number, headers: IDataObject): boolean {
	return status === 429 || (status === 503 && retryAfterMs(headers) !== undefined);
}

/** How long a refused request waits: as told, else (a 429) HighLevel's window, else backoff. */
function rateLimitWaitMs(headers: IDataObject, attempt: number): number {
	return (
		retryAfterMs(headers) ??
		numberHeader(headers, 'x-ratelimit-interval-milliseconds') ??
		backoffMs(attempt)
	);
}

function backoffMs(attempt: number): number {
	const ceiling = Math.min(BACKOFF_CAP_MS, BACKOFF_BASE_MS * 2 ** attempt);
	return ceiling / 2 + Math.random() * (ceiling / 2);
}

/** Network error codes that prove nothing was sent; everything else may have reached the API. */
const NOT_SENT_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ERR_INVALID_URL']);
const TIMEOUT_CODES = new Set(['ECONNABORTED', 'ETIMEDOUT', 'ESOCKETTIMEDOUT']);

function networkCode(error: unknown): string | undefined {
	let current: unknown = error;
	for (let depth = 0; depth < 5 && current && typeof current === 'object'; depth++) {
		const { code, cause } = current as { code?: unknown; cause?: unknown };
		if (typeof code === 'string' && /^E[A-Z_]+$/.test(code)) return code;
		current = cause;
	}
	return undefined;
}

function describeRequest(request: ApiRequest) {
	return `${request.method} ${request.path}`;
}

function networkFailure(node: INode, api: Api, request: ApiRequest, error: unknown, itemIndex?: number) {
	const code = networkCode(error) ?? 'unknown network error';
	const name = api.service.name;
	const where = `${describeRequest(request)} at ${api.baseUrl}`;
	if (NOT_SENT_CODES.has(code)) {
		return apiFailure(
			node,
			{
				message: `Could not connect to ${name} (${code})`,
				description: `Not delivered: ${where} could not be reached, so nothing was sent. Check the credential's Base URL and the network.`,
				delivery: 'no',
				itemIndex,
			},
			api.secrets,
		);
	}
	const what = TIMEOUT_CODES.has(code)
		? `${name} did not answer within ${api.limits.timeoutMs} ms`
		: `The connection to ${name} failed after the request was sent (${code})`;
	return apiFailure(
		node,
		{
			message: what,
			description: `May have been delivered: ${where} may have reached ${name}. It was not retried automatically, to avoid sending it twice. Check ${name} before sending it again.`,
			delivery: 'unknown',
			itemIndex,
		},
		api.secrets,
	);
}

/** An HTTP answer n8n threw instead of returning (an OAuth2 401, see apiRequest). */
function answerIn(error: unknown): FullResponse | undefined {
	let current: unknown = error;
	for (let depth = 0; depth < 5 && current && typeof current === 'object'; depth++) {
		const { response, cause } = current as { response?: { status?: unknown; headers?: IDataObject; data?: unknown }; cause?: unknown };
		if (response && typeof response.status === 'number') {
			return { statusCode: response.status, headers: response.headers ?? {}, body: response.data };
		}
		current = cause;
	}
	return undefined;
}

/**
 * The answer to an OAuth2 request as n8n 1.x reports it: its NodeApiError drops the HTTP error it
 * wraps (n8n-workflow 1.x keeps no Error `cause`) and holds only the status (`httpCode`) and a
 * JSON body (`context.data`), without headers.
 */
function statusOnlyAnswer(error: unknown): FullResponse | undefined {
	const { httpCode, context } = (error ?? {}) as { httpCode?: unknown; context?: { data?: unknown } };
	if (typeof httpCode !== 'string' || !/^\d{3}$/.test(httpCode)) return undefined;
	return { statusCode: Number(httpCode), headers: {}, body: context?.data };
}

/**
 * Why n8n could not sign a request with an OAuth2 credential: not connected yet, or the token
 * endpoint refused the refresh (client-oauth2's EAUTH / ESTATUS, n8n's "needs to be reconnected").
 * Either happens before the request is sent, or after the API refused the old token with a 401.
 */
function signInProblem(error: unknown): string | undefined {
	let current: unknown = error;
	for (let depth = 0; depth < 5 && current && typeof current === 'object'; depth++) {
		const { code, message, failure, cause } = current as {
			code?: unknown;
			message?: unknown;
			failure?: { cause?: unknown };
			cause?: unknown;
		};
		const text = typeof message === 'string' ? message : '';
		if (
			code === 'EAUTH' ||
			code === 'ESTATUS' ||
			failure?.cause === 'credential-invalid' ||
			/OAuth credentials not connected|no refresh token/i.test(text)
		) {
			return text || String(code);
		}
		current = cause;
	}
	return undefined;
}

function signInFailure(node: INode, api: Api, request: ApiRequest, said: string, itemIndex?: number) {
	const name = api.service.name;
	return apiFailure(
		node,
		{
			message: `Could not sign in to ${name} with the OAuth2 credential: ${said}`,
			description: `Not delivered: n8n had no valid access token for ${describeRequest(request)} (${name} refused the old one, or the credential is not connected). Open the credential and reconnect it.`,
			delivery: 'no',
			itemIndex,
		},
		api.secrets,
	);
}

/** Redirects that say the request was not acted on here (repeat it at the other address). */
const NOT_PROCESSED_REDIRECTS = new Set([301, 307, 308]);

function redirectFailure(node: INode, api: Api, request: ApiRequest, status: number, location: string | undefined, itemIndex?: number) {
	const name = api.service.name;
	const to = location ? ` to ${location}` : '';
	const notProcessed = NOT_PROCESSED_REDIRECTS.has(status);
	return apiFailure(
		node,
		{
			message: `${name} redirected the request (HTTP ${status})${to}`,
			description:
				(notProcessed
					? `Not delivered: ${name} answered ${describeRequest(request)} with HTTP ${status}, which asks for it to be sent elsewhere.`
					: `May have been delivered: ${name} answered ${describeRequest(request)} with HTTP ${status}.`) +
				' Redirects are not followed, so that a message is never sent a second time to an address you did not set. Check the credential\'s Base URL.',
			delivery: notProcessed ? 'no' : 'unknown',
			httpCode: status,
			itemIndex,
		},
		api.secrets,
	);
}

function httpFailure(
	node: INode,
	api: Api,
	request: ApiRequest,
	status: number,
	body: unknown,
	itemIndex?: number,
) {
	const name = api.service.name;
	const said = vendorMessage(body);
	const where = describeRequest(request);
	if (status >= 500) {
		return apiFailure(
			node,
			{
				message: said ?? `${name} answered with a server error (HTTP ${status})`,
				description: `May have been delivered: ${name} answered HTTP ${status} to ${where}, so it may have processed it. It was not retried automatically, to avoid sending it twice. Check ${name} before sending it again.`,
				delivery: 'unknown',
				httpCode: status,
				itemIndex,
				body,
			},
			api.secrets,
		);
	}
	const hint =
		status === 401 || status === 403
			? ` Check the ${name} credential.`
			: status === 404
				? ' Check the IDs used (and the credential\'s Base URL).'
				: '';
	return apiFailure(
		node,
		{
			message: said ?? `${name} rejected the request (HTTP ${status})`,
			description: `Not delivered: ${name} answered HTTP ${status} to ${where}.${hint}`,
			delivery: 'no',
			httpCode: status,
			itemIndex,
			body,
		},
		api.secrets,
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

function bodyFailure(node: INode, api: Api, request: ApiRequest, status: number, body: unknown, itemIndex?: number) {
	const name = api.service.name;
	return apiFailure(
		node,
		{
			message: vendorMessage(body) ?? `${name} reported an error`,
			description: `Not delivered: ${name} answered HTTP ${status} to ${describeRequest(request)}, and its body reported an error.`,
			delivery: 'no',
			httpCode: status,
			itemIndex,
			body,
		},
		api.secrets,
	);
}

function unprovenFailure(node: INode, api: Api, request: ApiRequest, status: number, body: unknown, itemIndex?: number) {
	const name = api.service.name;
	const got = typeof body === 'string' ? `"${body.replace(/\s+/g, ' ').trim().slice(0, 80)}"` : JSON.stringify(body ?? null).slice(0, 200);
	return apiFailure(
		node,
		{
			message: `${name} answered HTTP ${status} without confirming the message`,
			description:
				`May have been delivered: ${describeRequest(request)} was answered HTTP ${status}, but not with ${request.proof?.expected ?? 'a confirmation'}; got ${got}. ` +
				`It was not sent again automatically. A proxy or a wrong Base URL in the credential answers like this: check it, and check ${name} before sending again.`,
			delivery: 'unknown',
			httpCode: status,
			itemIndex,
			body,
		},
		api.secrets,
	);
}

interface FullResponse {
	statusCode: number;
	headers: IDataObject;
	body: unknown;
}

export async function apiRequest(
	ctx: RequestContext,
	api: Api,
	request: ApiRequest,
	itemIndex?: number,
	/** Runs a wait (a refused request's Retry-After) outside the caller's concurrency slot. */
	outside: (wait: () => Promise<void>) => Promise<void> = async (wait) => await wait(),
): Promise<unknown> {
	// (`ctx.getNode()` copies the node each call: it is asked for only when there is an error.)
	const signal = 'getExecutionCancelSignal' in ctx ? ctx.getExecutionCancelSignal() : undefined;
	const options: IHttpRequestOptions = {
		method: request.method,
		url: `${api.baseUrl}${request.path}`,
		qs: request.qs,
		body: request.body,
		headers: request.headers,
		json: true,
		returnFullResponse: true,
		// Every answer comes back as an answer, to be judged below; but with OAuth2 a 401 must be
		// an error for n8n to refresh the token and send the request again (once: a 401 proves it
		// was not processed). A 401 that survives the refresh reaches the catch below. So with
		// OAuth2 no status is ignored and the catch reads every refusal back (answerIn): n8n 2.x
		// would take `{ ignore: true, except: [401] }`, but n8n 1.x reads any object as "ignore
		// all" and then never refreshes.
		ignoreHttpStatusErrors: !api.oAuth2,
		timeout: api.limits.timeoutMs,
		// A redirect is never followed for a write: following it sends the message again, to an
		// address the user never configured (and 301/302 would silently turn it into a GET).
		// It is reported instead, with its verdict. (It also spares n8n's redirect-following
		// transport on every request of a bulk send.)
		disableFollowRedirect: request.method !== 'GET',
	};

	let waitedMs = 0;
	let refused = 0;
	let notBefore = 0;
	for (let attempt = 0; ; attempt++) {
		// A refused request waits out its Retry-After; then the user's own cap; then the shared
		// limiter last, so that nothing sleeps between its slot and the send.
		if (notBefore) await outside(async () => await api.limiter.waitUntil(notBefore, signal));
		await api.pacer.take(signal);
		const sentAt = await api.limiter.acquire(signal);

		let response: FullResponse | undefined;
		try {
			response = (await ctx.helpers.httpRequestWithAuthentication.call(
				ctx,
				api.credentials.type,
				{ ...options },
				{ credentialsDecrypted: api.credentials },
			)) as FullResponse;
		} catch (error) {
			response =
				answerIn(error) ??
				(api.oAuth2 && signInProblem(error) === undefined ? statusOnlyAnswer(error) : undefined);
			if (!response) {
				api.limiter.accepted(sentAt);
				if (networkCode(error) === 'ECONNREFUSED' && refused < REFUSED_RETRIES) {
					// Refused before anything was sent: safe to try again.
					await sleep(REFUSED_BACKOFF_MS * 2 ** refused++, signal);
					continue;
				}
				const signIn = api.oAuth2 ? signInProblem(error) : undefined;
				if (signIn !== undefined) throw signInFailure(ctx.getNode(), api, request, signIn, itemIndex);
				throw networkFailure(ctx.getNode(), api, request, error, itemIndex);
			}
		}

		const { statusCode: status, headers = {}, body } = response;
		if (!isRateLimited(status, headers)) {
			api.limiter.accepted(sentAt, headers);
			if (status >= 400) throw httpFailure(ctx.getNode(), api, request, status, body, itemIndex);
			if (status >= 300) {
				throw redirectFailure(ctx.getNode(), api, request, status, headerValue(headers, 'location'), itemIndex);
			}
			if (isErrorEnvelope(body)) throw bodyFailure(ctx.getNode(), api, request, status, body, itemIndex);
			if (request.proof && !request.proof.holds(body)) {
				throw unprovenFailure(ctx.getNode(), api, request, status, body, itemIndex);
			}
			return body;
		}

		// The API refused to process it: wait as told (or back off) and send again.
		const waitMs = rateLimitWaitMs(headers, attempt);
		if (waitedMs + waitMs > api.limits.maxRateLimitWaitMs) {
			api.limiter.limited(sentAt, waitMs, headers);
			throw apiFailure(
				ctx.getNode(),
				{
					message: `${api.service.name} is still rate limiting after ${Math.round(waitedMs / 1000)} s of waiting`,
					description: `Not delivered: ${describeRequest(request)} was answered HTTP ${status} (rate limit) each time. Raise "Max Rate-Limit Wait" or lower "Max Requests per Second" in the node's options.`,
					delivery: 'no',
					httpCode: status,
					itemIndex,
					body,
				},
				api.secrets,
			);
		}
		waitedMs += waitMs;
		notBefore = api.limiter.limited(sentAt, waitMs, headers);
	}
}
