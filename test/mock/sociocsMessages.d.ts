export interface MessagingRoutes {
	answer(req: unknown, n: number): unknown;
	state: {
		/** Bulk jobs as created (`recipients` after Sociocs' duplicate rule), `status: 'executed'` once run. */
		jobs: Array<Record<string, any>>;
		/** Single messages waiting for their schedule. */
		scheduled: Array<Record<string, any>>;
		/** What GET /messages, /search and /unreplied read: tests add entries `{ direction, from, to, text, created_at }`. */
		history: Array<Record<string, any>>;
		/** Every message the mock sent, one entry per recipient (single sends and bulk jobs). */
		delivered: Array<{ to: string; name?: string; text?: string; job_id?: string; message_id?: string; channel_key?: string }>;
		/** Epoch ms standing for the clock; undefined: Date.now(). */
		now: number | undefined;
	};
	/** Sends what is due by `state.now`. */
	sendDue(): void;
	reset(): void;
}

export function createMessagingRoutes(): MessagingRoutes;
export function checkMessaging(req: unknown, p: string, check: unknown): void;
export const MAX_RANGE_DAYS: number;
export const LIST_CAP: number;
