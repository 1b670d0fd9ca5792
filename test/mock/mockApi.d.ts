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
	/** Every query parameter in order, repeated keys included. */
	queryPairs: Array<[string, string]>;
	/** Inbox v2: the id of the message this request's send created. */
	sent?: string;
	/** Inbox v2: answered as a replay of an earlier send with the same Idempotency-Key. */
	replay?: boolean;
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
	/**
	 * Let the API do its work first (Inbox v2: the send is recorded), then: `drop` the connection,
	 * `hang`, `hold` (hang, and the Idempotency-Key stays "in progress" until the next request with
	 * it, which is answered 409 sendInProgress), or answer with this response instead.
	 */
	afterProcessing?: 'drop' | 'hang' | 'hold' | MockResponse;
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
	headers?: 'highlevel' | 'inbox';
}

export interface MockApi {
	url: string;
	urls: { sociocs: string; highlevel: string; inbox: string; inbox2: string };
	inboxV2: InboxV2Mock;
	requests: RecordedRequest[];
	oauth: OAuthMock;
	webhooks: import('./webhooks').WebhookRoutes;
	/** Sociocs' bulk jobs, scheduled messages and message history (see sociocsMessages.js). */
	messages: import('./sociocsMessages').MessagingRoutes;
	/** HighLevel: the messages of a conversation, newest first; `wrapped` answers the live API's shape. */
	conversations: {
		setMessages(conversationId: string, messages: Array<Record<string, unknown>>, options?: { wrapped?: boolean }): void;
		/** Appends `count` generated messages (older than those already there); returns them. */
		addMessages(conversationId: string, count: number): Array<Record<string, any>>;
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
export const PREFIX: { sociocs: string; highlevel: string; inbox: string; inbox2: string };

export interface InboxV2Send {
	key?: string;
	content: string;
	messageId: string;
	threadId: string;
	target: Record<string, string>;
}

export interface InboxV2Mock {
	/** Messages created by POST /messages, in order: what Inbox counts as sent. */
	readonly sends: InboxV2Send[];
	/** The team's add-ons. */
	readonly plan: { outboundMessages: boolean; advancedApi: boolean };
	addThread(id: string, fields?: Record<string, unknown>, meta?: { tags?: string[]; status?: string; folder?: string; preview?: string }): Record<string, unknown>;
	addMessages(threadId: string, count: number, direction?: 'inbound' | 'outbound'): Array<Record<string, any>>;
	reset(): void;
}

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
