'use strict';
/**
 * Mock routes for the triggers, hooked into mockApi.js:
 *   Sociocs  POST/GET /webhook-subscriptions, GET/DELETE /webhook-subscriptions/{id}
 *            (create with the same subscriber_reference_id updates, as Sociocs documents)
 *   Inbox    GET /events?afterSeq=&limit= over a feed the test appends to (`addInboxEvents`)
 * Answers undefined for anything else, so mockApi's own routes apply.
 */
const SOCIOCS = '/sociocs';
const INBOX = '/inbox/api/v1';
const INBOX_V2 = '/inbox/api/v2';

function createWebhookRoutes() {
	const state = { subscriptions: [], nextId: 1, events: [], nextSeq: 1, deleteByReferenceOnly: false };

	function answer(req) {
		const { method, path, query, body } = req;
		if (path === `${SOCIOCS}/webhook-subscriptions`) {
			if (method === 'GET') return { status: 200, body: { status: 'success', data: state.subscriptions } };
			if (method === 'POST') {
				if (!body || !body.subscriber_reference_id || !body.webhook_url || !body.platform) {
					return { status: 400, body: { status: 'error', errors: [{ msg: 'platform, subscriber_reference_id and webhook_url are required' }] } };
				}
				let entry = state.subscriptions.find((s) => s.subscriber_reference_id === body.subscriber_reference_id);
				if (!entry) {
					entry = { id: `sub${state.nextId++}`, created_at: Date.now(), status: 'active', trigger_direction: 'incoming' };
					state.subscriptions.push(entry);
				}
				Object.assign(entry, {
					platform: body.platform,
					provider: body.provider,
					channel_key: body.channel_key,
					subscriber_reference_id: body.subscriber_reference_id,
					webhook_url: body.webhook_url,
					events: body.events || ['messages'],
					subevents: body.subevents,
					secret: body.secret,
				});
				return { status: 200, body: { status: 'success', data: { id: entry.id } } };
			}
		}
		const one = new RegExp(`^${SOCIOCS}/webhook-subscriptions/([^/]+)$`).exec(path);
		if (one) {
			const key = decodeURIComponent(one[1]);
			const index = state.subscriptions.findIndex((s) =>
				state.deleteByReferenceOnly ? s.subscriber_reference_id === key : s.id === key,
			);
			if (index < 0) return { status: 404, body: { status: 'error', errors: [{ msg: 'Subscription not found' }] } };
			if (method === 'GET') return { status: 200, body: { status: 'success', data: state.subscriptions[index] } };
			if (method === 'DELETE') {
				state.subscriptions.splice(index, 1);
				return { status: 200, body: { status: 'success' } };
			}
		}
		if (method === 'GET' && (path === `${INBOX}/events` || path === `${INBOX_V2}/events`)) {
			const after = Number(query.afterSeq || 0);
			const limit = Math.min(Math.max(Number(query.limit || 100), 1), 1000);
			const newer = state.events.filter((e) => e.seq > after);
			const page = newer.slice(0, limit);
			const lastSeq = page.length ? page[page.length - 1].seq : after;
			// v1 answers `events`, v2 `data`.
			const list = path === `${INBOX}/events` ? { events: page } : { data: page };
			return { status: 200, body: { ...list, hasMore: newer.length > limit, lastSeq } };
		}
		return undefined;
	}

	return {
		answer,
		state,
		/** Appends envelopes to the Inbox feed, numbering them (`seq`) in order; returns them. */
		addInboxEvents(events) {
			return events.map((event) => {
				const full = { ...event, seq: state.nextSeq++ };
				state.events.push(full);
				return full;
			});
		},
		reset() {
			state.subscriptions.length = 0;
			state.events.length = 0;
			state.nextId = 1;
			state.nextSeq = 1;
			state.deleteByReferenceOnly = false;
		},
	};
}

module.exports = { createWebhookRoutes };
