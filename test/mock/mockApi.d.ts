export interface RecordedRequest {
	seq: number;
	at: number;
	method: string;
	path: string;
	query: Record<string, string>;
	headers: Record<string, string | string[] | undefined>;
	/** JSON, text, or a parsed multipart body (`MultipartBody`). */
	body: any;
	status?: number;
	/** processed: answered (any status but a rate limit); refused: 429 / 503+Retry-After; dropped. */
	outcome: 'pending' | 'processed' | 'refused' | 'dropped';
	/** What the vendor's spec forbids in this request (it was answered with the vendor's error). */
	invalid?: unknown[];
}

export interface MockResponse {
	status?: number;
	body?: unknown;
	headers?: Record<string, string>;
	delayMs?: number;
	/** Destroy the connection after the request body was read, without answering. */
	drop?: boolean;
	/** Never answer (the client's timeout ends it). */
	hang?: boolean;
}

export type Match =
	| { method?: string; path?: string | RegExp }
	| ((req: RecordedRequest) => boolean)
	| undefined;

export interface RateLimitConfig {
	/** Requests per `windowMs`; `perSecond` is the same with one-second windows. */
	limit?: number;
	perSecond?: number;
	windowMs?: number;
	discipline?: 'fixed' | 'aligned' | 'sliding' | 'bucket';
	retryAfter?: boolean;
	headers?: 'highlevel';
}

export interface MockApi {
	url: string;
	urls: { sociocs: string; highlevel: string; inbox: string };
	requests: RecordedRequest[];
	oauth: OAuthMock;
	webhooks: import('./webhooks').WebhookRoutes;
	/** HighLevel: the messages of a conversation, newest first; `wrapped` answers the live API's shape. */
	conversations: {
		setMessages(conversationId: string, messages: Array<Record<string, unknown>>, options?: { wrapped?: boolean }): void;
		providerMessage(id: string): void;
		scheduled(id: string): void;
		reset(): void;
	};
	once(match: Match, response: MockResponse): void;
	/** `respond` may answer later (a promise): the request stays unanswered until it settles. */
	on(match: Match, respond: MockResponse | ((req: RecordedRequest) => MockResponse | undefined | Promise<MockResponse | undefined>)): void;
	setLatency(ms: number): void;
	setRateLimit(rateLimit: RateLimitConfig | null): void;
	reset(): void;
	close(): Promise<void>;
}

/** `strict: false` turns off the spec checks of ./validate.js (on by default). */
export function startMockApi(options?: { port?: number; host?: string; strict?: boolean }): Promise<MockApi>;
export const PREFIX: { sociocs: string; highlevel: string; inbox: string };

export interface OAuthMock {
	rejectEveryToken: boolean;
	install(app: { clientId: string; clientSecret: string; locationId: string; accessToken: string; refreshToken: string }): void;
	readonly issuedTokens: string[];
	reset(): void;
}

/** A parsed multipart/form-data body (test/mock/multipart.js). */
export interface MultipartBody {
	fields: Record<string, string>;
	files: Array<{ field: string; filename: string; contentType?: string; size: number; data: Buffer }>;
}
