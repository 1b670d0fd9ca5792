'use strict';
/**
 * A mock of the three vendor APIs on 127.0.0.1, shared by the engine tests, the real-n8n
 * suite and the benchmark. Each API lives under its own prefix, so one server plays all three:
 *   {url}/sociocs      -> api.sociocs.com
 *   {url}/highlevel    -> services.leadconnectorhq.com
 *   {url}/inbox/api/v1 -> inboxapp.com/api/v1
 *   {url}/inbox/api/v2 -> inboxapp.com/api/v2 (see inboxV2.js)
 *
 * It records every request (method, path, query, headers, body, outcome) and can be told to
 * answer with errors, 429s, delays, dropped or hung connections, per request or by rule, and to
 * apply a rate limit (see rateLimits.js) and a latency to every request.
 */
const http = require('node:http');
const { createOAuth } = require('./oauth');
const { createInboxV2 } = require('./inboxV2');
const { createRateLimit } = require('./rateLimits');
const { validate } = require('./validate');
const { createWebhookRoutes } = require('./webhooks');
const { parseMultipart } = require('./multipart');
const { createMessagingRoutes } = require('./sociocsMessages');
const { createConversationRoutes } = require('./highlevelConversations');

const PREFIX = { sociocs: '/sociocs', highlevel: '/highlevel', inbox: '/inbox/api/v1', inbox2: '/inbox/api/v2' };

function json(status, body, headers) {
	return { status, body, headers };
}

/** The vendors' happy answers, shaped as their specs and README describe. */
function defaultAnswer(req, state, how) {
	const { method, path, query, body } = req;
	if (path.startsWith(PREFIX.inbox2)) return state.inboxV2.answer(req, path.slice(PREFIX.inbox2.length), how);
	const n = ++state.counter;

	if (path.startsWith(PREFIX.sociocs)) {
		const p = path.slice(PREFIX.sociocs.length);
		const messaging = state.messages.answer(req, n);
		if (messaging) return messaging;
		if (method === 'POST' && p === '/message') return json(200, { status: 'success', data: { message_id: `msg${n}` } });
		if (method === 'POST' && p === '/incoming') return json(200, { status: 'success' });
		if (method === 'GET' && p === '/channels') {
			const provider = query.provider || 'twlo';
			return json(200, [
				{ id: 1, channel_key: `${provider}-key-1`, name: `${provider} main line` },
				{ id: 2, channel_key: `${provider}-key-2`, name: `${provider} support line` },
			]);
		}
		if (method === 'GET' && p === '/team-members')
			return json(200, { status: 'success', data: [{ id: 'u1', name: 'Ada Agent', email: 'ada@example.com' }, { user_id: 'u2', first_name: 'Bob', last_name: 'Builder' }] });
		if (method === 'GET' && p === '/lists')
			return json(200, { status: 'success', data: [{ id: 7, name: 'VIP' }, { id: 9, name: 'Newsletter' }] });
	}

	if (path.startsWith(PREFIX.highlevel)) {
		const p = path.slice(PREFIX.highlevel.length);
		const conversation = state.conversations.answer(req, p, n);
		if (conversation) return conversation;
		if (method === 'POST' && p === '/conversations/messages/inbound')
			return json(200, {
				success: true,
				conversationId: body && body.conversationId,
				messageId: `hlmsg${n}`,
				message: 'Message added',
				contactId: 'contact1',
				dateAdded: '2026-11-23T10:00:00.000Z',
			});
		if (method === 'GET' && p === '/conversations/search') {
			const all = [
				{ id: 'conv1', contactId: 'c1', locationId: query.locationId, fullName: 'Jane Doe', contactName: 'Jane Doe', email: 'jane@example.com', phone: '+16175551212', lastMessageBody: 'See you tomorrow', lastMessageType: 'TYPE_SMS', type: 'TYPE_PHONE', unreadCount: 0 },
				{ id: 'conv2', contactId: 'c2', locationId: query.locationId, fullName: 'John Roe', contactName: 'John Roe', email: 'john@example.com', phone: '+16175551313', lastMessageBody: 'Thanks!', lastMessageType: 'TYPE_EMAIL', type: 'TYPE_EMAIL', unreadCount: 2 },
			];
			const q = (query.query || '').toLowerCase();
			const conversations = all.filter((c) => !q || c.fullName.toLowerCase().includes(q));
			return json(200, { conversations, total: conversations.length });
		}
	}

	if (path.startsWith(PREFIX.inbox)) {
		const p = path.slice(PREFIX.inbox.length);
		const send = /^\/threads\/([^/]+)\/messages$/.exec(p);
		if (method === 'POST' && send)
			return json(200, {
				platform: 'twitter',
				teamId: 'team1',
				threadId: send[1],
				id: `m${n}`,
				userId: null,
				createdAt: '2026-11-23T10:00:00.000Z',
				updatedAt: null,
				platformId: null,
				content: body && body.content,
				campaignId: null,
				authorId: 'acct1',
				origin: 'api',
				replyData: body && body.replyToMessageId ? { messageId: body.replyToMessageId } : null,
				forwardData: null,
				entities: null,
				attachment: null,
				reactions: [],
				isEncrypted: false,
				isEdited: false,
				deletedAt: null,
				platformDeletedAt: null,
			});
		if (method === 'GET' && p === '/team')
			return json(200, { id: 'team1', name: 'Acme', slug: 'acme', image: null, createdAt: '2026-01-01T00:00:00Z', updatedAt: null, currency: 'usd', allowSupportAccess: false });
		if (method === 'GET' && p === '/threads') {
			// Three pages of two threads each, so pagination can be tested.
			const pages = {
				'': { threads: ['t1', 't2'], next: { id: 't2', timestamp: '2026-11-20T00:00:00.000Z' } },
				t2: { threads: ['t3', 't4'], next: { id: 't4', timestamp: '2026-11-10T00:00:00.000Z' } },
				t4: { threads: ['t5'], next: null },
			};
			const page = pages[query.cursorId || ''] || { threads: [], next: null };
			const people = { t1: ['Ada Lovelace', 'ada'], t2: ['Grace Hopper', 'grace'], t3: ['Alan Turing', 'alan'], t4: ['Edsger Dijkstra', 'edsger'], t5: ['Barbara Liskov', 'barbara'] };
			return json(200, {
				threads: page.threads.map((id) => ({
					id,
					platform: 'twitter',
					platformId: `p-${id}`,
					lastMessage: { content: `Last message in ${id}` },
					lastMessageTimestamp: '2026-11-20T00:00:00.000Z',
					prospect: { name: people[id][0], username: people[id][1] },
					accountLinkId: 'acct1',
					done: false,
					status: 'open',
				})),
				nextCursor: page.next,
			});
		}
	}

	return json(404, { message: `No route for ${method} ${path}` });
}

async function startMockApi(options = {}) {
	const messages = createMessagingRoutes();
	const inboxV2 = createInboxV2();
	const conversations = createConversationRoutes();
	const state = { counter: 0, messages, inboxV2, conversations };
	const webhooks = createWebhookRoutes();
	const requests = [];
	const onceQueue = []; // [{ match, response }]
	const rules = []; // [{ match, respond }]
	const settings = { latencyMs: 0, rateLimit: null };
	const oauth = createOAuth();

	const server = http.createServer((incoming, res) => {
		const chunks = [];
		incoming.on('data', (chunk) => chunks.push(chunk));
		incoming.on('end', async () => {
			const bytes = Buffer.concat(chunks);
			const raw = bytes.toString('utf8');
			const url = new URL(incoming.url, 'http://127.0.0.1');
			let body;
			const multipart = /^multipart\//i.test(incoming.headers['content-type'] || '') && parseMultipart(bytes, incoming.headers['content-type']);
			if (multipart) body = multipart;
			else {
				try {
					body = raw ? JSON.parse(raw) : undefined;
				} catch {
					body = raw;
				}
			}
			const req = {
				seq: requests.length,
				at: Date.now(),
				method: incoming.method,
				path: url.pathname,
				query: Object.fromEntries(url.searchParams),
				/** Every query parameter in order, repeated keys too (Inbox v2 repeats keys for lists). */
				queryPairs: [...url.searchParams],
				headers: incoming.headers,
				body,
				outcome: 'pending',
			};
			requests.push(req);

			let response;
			const limit = settings.rateLimit ? settings.rateLimit(req.at) : { refused: false, headers: {} };
			const v2 = req.path.startsWith(PREFIX.inbox2);
			if (limit.refused) response = v2 ? inboxV2.rateLimited(limit.limit, limit.resetAt) : json(429, { message: 'Too Many Requests' });
			// The token endpoint, and a rejected access token, come before the body is looked at (as at the vendor).
			if (!response) response = oauth.answer(req);
			if (!response && multipart && multipart.problem) [req.invalid, response] = [[multipart.problem], json(400, { message: `Malformed multipart body: ${multipart.problem}` })];
			// Spec-strict: a request the vendor's spec forbids gets the vendor's error, never a canned answer.
			const strict = !response && options.strict !== false;
			const refused = strict && !v2 && validate(req, PREFIX);
			if (refused) [req.invalid, response] = [refused.problems, json(refused.status, refused.body)];
			const refusedV2 = strict && v2 && inboxV2.validate(req, req.path.slice(PREFIX.inbox2.length));
			if (refusedV2) [req.invalid, response] = [refusedV2.body.details?.issues ?? [refusedV2.body], refusedV2];
			if (!response) {
				const queued = onceQueue.findIndex((entry) => entry.match(req));
				if (queued >= 0) response = onceQueue.splice(queued, 1)[0].response;
			}
			if (!response) {
				const rule = rules.find((entry) => entry.match(req));
				if (rule) response = await (typeof rule.respond === 'function' ? rule.respond(req) : rule.respond);
			}
			if (response && response.afterProcessing) {
				// The API did the work (a send is recorded), then the answer went wrong: the worst case for a client.
				const fault = response.afterProcessing;
				const hold = fault === 'hold';
				const processed = webhooks.answer(req) || defaultAnswer(req, state, { hold });
				response = typeof fault === 'object' ? { ...fault, processed } : fault === 'drop' ? { drop: true } : fault === 'hang' || hold ? { hang: true } : processed;
			}
			if (!response) response = webhooks.answer(req) || defaultAnswer(req, state, {});

			const delay = (response.delayMs || 0) + settings.latencyMs;
			if (delay > 0) await new Promise((resolve) => setTimeout(resolve, delay));

			if (response.hang) {
				req.outcome = 'processed'; // it reached the API, which never answers
				return;
			}
			if (response.drop) {
				req.outcome = 'dropped';
				incoming.socket.destroy();
				return;
			}
			req.status = response.status;
			req.outcome = response.status === 429 || (response.status === 503 && response.headers && response.headers['retry-after']) ? 'refused' : 'processed';
			const headers = { ...limit.headers, ...(response.headers || {}) };
			if (typeof response.body === 'function') response.body = response.body(response.processed);
			let payload = '';
			if (response.body !== undefined) {
				payload = typeof response.body === 'string' ? response.body : JSON.stringify(response.body);
				if (!headers['content-type']) headers['content-type'] = typeof response.body === 'string' ? 'text/plain' : 'application/json';
			}
			if (res.destroyed) return;
			res.writeHead(response.status, headers);
			res.end(payload);
		});
	});

	// Any 127.x.y.z address is loopback; the benchmark gives each run its own, so that one
	// run's closed connections (TIME_WAIT) do not slow the next run's connects.
	const host = options.host || '127.0.0.1';
	await new Promise((resolve) => server.listen(options.port || 0, host, resolve));
	const { port } = server.address();
	const url = `http://${host}:${port}`;

	const toMatcher = (match) => {
		if (!match) return () => true;
		if (typeof match === 'function') return match;
		return (req) =>
			(!match.method || req.method === match.method) &&
			(!match.path || (match.path instanceof RegExp ? match.path.test(req.path) : req.path === match.path));
	};

	return {
		url,
		urls: { sociocs: url + PREFIX.sociocs, highlevel: url + PREFIX.highlevel, inbox: url + PREFIX.inbox, inbox2: url + PREFIX.inbox2 },
		/** Inbox API v2's state: its sends, plan, threads and messages (see inboxV2.js). */
		inboxV2,
		requests,
		/** HighLevel's token endpoint and expiring OAuth access tokens (see oauth.js). */
		oauth,
		webhooks,
		messages,
		/** HighLevel conversations' messages (see highlevelConversations.js). */
		conversations,
		/** Answer the next request that matches with `response` (once). */
		once(match, response) {
			onceQueue.push({ match: toMatcher(match), response });
		},
		/** Answer every request that matches with `respond` (an answer or a function of the request). */
		on(match, respond) {
			rules.push({ match: toMatcher(match), respond });
		},
		setLatency(ms) {
			settings.latencyMs = ms;
		},
		/** `perSecond` (clock-aligned one-second windows), or any rateLimits.js config; null: none. */
		setRateLimit(rateLimit) {
			settings.rateLimit = rateLimit && createRateLimit({ limit: rateLimit.perSecond, ...rateLimit });
		},
		reset() {
			webhooks.reset();
			messages.reset();
			inboxV2.reset();
			conversations.reset();
			requests.length = 0;
			onceQueue.length = 0;
			rules.length = 0;
			settings.latencyMs = 0;
			settings.rateLimit = null;
			oauth.reset();
		},
		async close() {
			server.closeAllConnections();
			await new Promise((resolve) => server.close(resolve));
		},
	};
}

module.exports = { startMockApi, PREFIX };
