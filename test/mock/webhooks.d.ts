export interface WebhookRoutes {
	answer(req: unknown): unknown;
	state: {
		subscriptions: Array<Record<string, any>>;
		events: Array<Record<string, any>>;
		/** Make DELETE /webhook-subscriptions/{x} match the reference id only (the docs' uncertain variant). */
		deleteByReferenceOnly: boolean;
	};
	addInboxEvents(events: Array<Record<string, unknown>>): Array<Record<string, any>>;
	reset(): void;
}

export function createWebhookRoutes(): WebhookRoutes;
