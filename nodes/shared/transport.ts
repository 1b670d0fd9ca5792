import { sleep } from 'n8n-workflow';
import type {
	FunctionsBase,
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

/** Reads the credential once per node run and binds the shared limiter for it. */
export async function openApi(
	ctx: FunctionsBase,
	service: Service,
	limits: SendLimits = DEFAULT_LIMITS,
): Promise<Api> {
	const credentials = await ctx.getCredentials(service.credentialType);
	const baseUrl = String(credentials.baseUrl || service.defaultBaseUrl).replace(/\/+$/, '');
	const secrets = service.secretFields
		.map((field) => credentials[field])
		.filter((value): value is string => typeof value === 'string' && value !== '');
	const nodeCredential = ctx.getNode().credentials?.[service.credentialType];
	const credentialId = nodeCredential?.id ?? 'default';
	return {
		service,
		credentials: {
			id: credentialId,
			name: nodeCredential?.name ?? service.name,
			type: service.credentialType,
			data: credentials,
		},
		baseUrl,
		secrets,
		limiter: limiterFor(`${service.credentialType}|${credentialId}|${baseUrl}`),
		pacer: new Pacer(limits.maxPerSecond > 0 ? 1000 / limits.maxPerSecond : 0),
		limits,
	};
}

function headerValue(headers: IDataObject, name: string): string | undefined {
	const raw = headers[name];
	const value = Array.isArray(raw) ? raw[0] : raw;
	return value === undefined || value === null ? undefined : String(value);
}

/** The wait an answer asks for: `Retry-After` (seconds or HTTP date), else HighLevel's interval header. */
export function retryAfterMs(headers: IDataObject, now = Date.now()): number | undefined {
	const retryAfter = headerValue(headers, 'retry-after');
	if (retryAfter !== undefined && retryAfter.trim() !== '') {
		const seconds = Number(retryAfter);
		if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
		const date = Date.parse(retryAfter);
		if (!Number.isNaN(date)) return Math.max(0, date - now);
	}
	return numberHeader(headers, 'x-ratelimit-interval-milliseconds');
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

/** Sociocs answers HTTP 200 with `{ status: "error" }` for some failures. */
function isErrorEnvelope(body: unknown): boolean {
	return !!body && typeof body === 'object' && (body as IDataObject).status === 'error';
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
		ignoreHttpStatusErrors: true,
		timeout: api.limits.timeoutMs,
		// A redirect is never followed for a write: following it sends the message again, to an
		// address the user never configured (and 301/302 would silently turn it into a GET).
		// It is reported instead, with its verdict. (It also spares n8n's redirect-following
		// transport on every request of a bulk send.)
		disableFollowRedirect: request.method !== 'GET',
	};

	let waitedMs = 0;
	let refused = 0;
	for (let attempt = 0; ; attempt++) {
		// The user's own cap first: nothing may sleep between acquiring the shared limiter and sending.
		await api.pacer.take(signal);
		const ticket = await api.limiter.acquire(signal);

		const sentAt = Date.now();
		let response: FullResponse;
		try {
			response = (await ctx.helpers.httpRequestWithAuthentication.call(
				ctx,
				api.service.credentialType,
				{ ...options },
				{ credentialsDecrypted: api.credentials },
			)) as FullResponse;
			api.limiter.settled(ticket);
		} catch (error) {
			api.limiter.settled(ticket);
			if (networkCode(error) === 'ECONNREFUSED' && refused < REFUSED_RETRIES) {
				// Refused before anything was sent: safe to try again.
				await sleep(REFUSED_BACKOFF_MS * 2 ** refused++, signal);
				continue;
			}
			throw networkFailure(ctx.getNode(), api, request, error, itemIndex);
		}

		const { statusCode: status, headers = {}, body } = response;
		const askedWait = retryAfterMs(headers);
		const rateLimited = status === 429 || (status === 503 && askedWait !== undefined);
		if (!rateLimited) {
			api.limiter.accepted(sentAt);
			api.limiter.observe(headers);
			if (status >= 400) throw httpFailure(ctx.getNode(), api, request, status, body, itemIndex);
			if (status >= 300) {
				throw redirectFailure(ctx.getNode(), api, request, status, headerValue(headers, 'location'), itemIndex);
			}
			if (isErrorEnvelope(body)) throw httpFailure(ctx.getNode(), api, request, 400, body, itemIndex);
			return body;
		}

		// The API refused to process it: wait as told (or back off) and send again.
		const waitMs = askedWait ?? backoffMs(attempt);
		if (waitedMs + waitMs > api.limits.maxRateLimitWaitMs) {
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
		api.limiter.limited(waitMs);
	}
}
