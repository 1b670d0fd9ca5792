export interface RecordedRequest {
	seq: number;
	at: number;
	method: string;
	path: string;
	query: Record<string, string>;
	headers: Record<string, string | string[] | undefined>;
	body: any;
	status?: number;
	/** processed: answered (any status but a rate limit); refused: 429 / 503+Retry-After; dropped. */
	outcome: 'pending' | 'processed' | 'refused' | 'dropped';
}

export interface MockResponse {
	status?: number;
	body?: unknown;
	headers?: Record<string, string>;
	delayMs?: number;
	/** Destroy the connection after the request body was read, without answering. */
	drop?: boolean;
}

export type Match =
	| { method?: string; path?: string | RegExp }
	| ((req: RecordedRequest) => boolean)
	| undefined;

export interface MockApi {
	url: string;
	urls: { sociocs: string; highlevel: string; inbox: string };
	requests: RecordedRequest[];
	webhooks: import('./webhooks').WebhookRoutes;
	once(match: Match, response: MockResponse): void;
	on(match: Match, respond: MockResponse | ((req: RecordedRequest) => MockResponse | undefined)): void;
	setLatency(ms: number): void;
	setRateLimit(rateLimit: { perSecond: number; retryAfter?: boolean } | null): void;
	reset(): void;
	close(): Promise<void>;
}

export function startMockApi(options?: { port?: number; host?: string }): Promise<MockApi>;
export const PREFIX: { sociocs: string; highlevel: string; inbox: string };
