import type { INodeProperties, INodePropertyOptions, IWebhookDescription } from 'n8n-workflow';

/** What every trigger shows first: its set-up in one notice, then the events to start on. */
export function triggerHeader(setUp: string, events: INodePropertyOptions[], defaults: string[]): INodeProperties[] {
	return [
		{ displayName: setUp, name: 'notice', type: 'notice', default: '' },
		{ displayName: 'Events', name: 'events', type: 'multiOptions', required: true, options: events, default: [...defaults] },
	];
}

/**
 * The versions of every webhook trigger. 1.1 behaves exactly as 1; it exists because n8n's
 * webhook server evaluates a legacy expression (the v1 Webhook node's binary-data option) in
 * its expression sandbox for every delivery to ANY node whose typeVersion is 1, which costs
 * several milliseconds of n8n's main thread per request. New nodes get 1.1; workflows saved
 * with 1 keep loading and working.
 */
export const WEBHOOK_TRIGGER_VERSIONS = { version: [1, 1.1], defaultVersion: 1.1 };

/**
 * A trigger's canvas subtitle in words, from its events' `action` texts ("On incoming message"):
 * "On incoming message, message status update" rather than the raw values n8n would show.
 */
export function eventsSubtitle(events: INodePropertyOptions[]): string {
	const words = Object.fromEntries(events.map(({ value, action }) => [value, (action ?? String(value)).replace(/^On /, '')]));
	return `={{ $parameter["events"].length === 0 ? "No event chosen" : "On " + $parameter["events"].map((event) => (${JSON.stringify(words)})[event] || event).join(", ") }}`;
}

/**
 * The one webhook of every trigger, answered on receipt (before the workflow runs: the senders
 * want a fast 2xx and retry otherwise). n8n answers such a webhook with its `responseData`,
 * whose default is the option name `firstEntryJson`, sent as that literal text; an empty one
 * makes n8n answer with the node's own `webhookResponse` instead (see `emit`).
 */
export const ON_RECEIPT_WEBHOOK: IWebhookDescription = {
	name: 'default',
	httpMethod: 'POST',
	responseMode: 'onReceived',
	responseData: '',
	path: 'webhook',
};
