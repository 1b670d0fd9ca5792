'use strict';
/**
 * Inbox API v2 (inboxapp.com/api/v2) for the strict mock, as ../shared/api/inbox-more.md gives it:
 *   POST /messages with `target` thread | contact | profile, and `Idempotency-Key`: a key is
 *     remembered per team (the bearer token) with its body; the same key and body replays the
 *     original SendResult with 200 (a new send is 201); the same key with another body is
 *     422 idempotencyKeyReused; while the first request with the key is held, 409 sendInProgress.
 *   GET /threads (filters, `nextCursor`), /threads/{id}, /threads/{id}/messages, /messages/{id},
 *     /account-links (paged), /account-links/{id}, /contacts?platform=&username=|platformId=, /team.
 *   Errors as v2 gives them: `{ code, message, details, requestId }`, `X-Request-Id`.
 *
 * `validate(req, p)` refuses what the sheet refuses (400 invalidRequest with `details.issues`);
 * `answer(req, p, how)` plays the API. `how.hold`: the send is recorded but its key stays "in
 * progress" until the next request with that key arrives (answered 409 sendInProgress).
 * Every message a send created is in `sends`, so a test counts deliveries as the API would.
 */

const ID = /^[0-9a-z]+$/;
const KEY = /^[\x20-\x7e]{1,255}$/;
/** X's direct-message limit, the platform's `limits.characters`. */
const CHARACTERS = 10000;
const FOLDERS = ['inbox', 'noReply', 'requests', 'archived', 'all'];
const THREAD_EXPAND = ['profile', 'contact', 'accountLink', 'assignee'];
const MESSAGE_EXPAND = ['sentBy', 'reactions.author', 'thread', 'accountLink', 'replyTo.message'];
const AT = '2026-11-23T10:00:00.000Z';

/** Query parameters each GET takes; anything else is refused. */
const QUERY = {
	threads: ['accountLinkId', 'platform', 'contactId', 'folder', 'tag', 'status', 'assigneeId', 'unassigned', 'campaignId', 'q', 'order', 'expand', 'limit', 'cursor'],
	thread: ['expand'],
	messages: ['order', 'expand', 'limit', 'cursor'],
	message: ['expand'],
	contacts: ['platform', 'platformId', 'username', 'limit', 'cursor'],
	accountLinks: ['platform', 'status', 'limit', 'cursor'],
	events: ['afterSeq', 'type', 'limit'],
	none: [],
};
const REPEATABLE = ['tag', 'status', 'expand', 'platformId', 'username', 'accountLinkId', 'type'];

const isObject = (value) => !!value && typeof value === 'object' && !Array.isArray(value);
const stable = (value) =>
	Array.isArray(value)
		? `[${value.map(stable).join(',')}]`
		: isObject(value)
			? `{${Object.keys(value).sort().map((key) => `${JSON.stringify(key)}:${stable(value[key])}`).join(',')}}`
			: JSON.stringify(value);

function route(method, p) {
	if (method === 'POST' && p === '/messages') return { name: 'send' };
	if (method !== 'GET') return undefined;
	if (p === '/threads') return { name: 'threads' };
	if (p === '/team') return { name: 'team' };
	if (p === '/contacts') return { name: 'contacts' };
	if (p === '/account-links') return { name: 'accountLinks' };
	if (p === '/events') return { name: 'events' };
	let m = /^\/threads\/([^/]+)$/.exec(p);
	if (m) return { name: 'thread', id: decodeURIComponent(m[1]) };
	m = /^\/threads\/([^/]+)\/messages$/.exec(p);
	if (m) return { name: 'messages', id: decodeURIComponent(m[1]) };
	m = /^\/messages\/([^/]+)$/.exec(p);
	if (m) return { name: 'message', id: decodeURIComponent(m[1]) };
	m = /^\/account-links\/([^/]+)$/.exec(p);
	if (m) return { name: 'accountLink', id: decodeURIComponent(m[1]) };
	return undefined;
}

function createInboxV2() {
	let requestCount = 0;
	let state;

	const error = (status, code, message, details = null) => {
		const requestId = `req${++requestCount}`;
		return { status, body: { code, message, details, requestId }, headers: { 'x-request-id': requestId } };
	};
	const ok = (status, body) => ({ status, body, headers: { 'x-request-id': `req${++requestCount}` } });
	const invalid = (issues) => error(400, 'invalidRequest', issues.map((i) => `${i.path}: ${i.message}`).join('; '), { issues });

	function thread(id, fields = {}) {
		return {
			id,
			platform: 'x',
			platformId: `p${id}`,
			accountLinkId: 'acct1',
			profileId: null,
			contactId: null,
			assigneeId: null,
			isRequest: false,
			acceptanceState: 'accepted',
			archived: false,
			unread: false,
			restrictions: [],
			syncing: false,
			typingIndicators: true,
			lastMessage: null,
			activity: null,
			createdAt: AT,
			...fields,
		};
	}

	function reset() {
		state = {
			counter: 0,
			clock: Date.parse(AT),
			plan: { outboundMessages: true, advancedApi: false },
			/** team -> key -> { body, result, pending } */
			keys: new Map(),
			sends: [],
			accountLinks: [
				{ id: 'acct1', platform: 'x', platformId: '9001', username: 'acmehq', displayName: 'Acme HQ', avatarUrl: null, status: 'active', pauseReasons: [], capabilities: ['sendMessages'], syncedAt: AT, createdAt: '2026-01-01T00:00:00.000Z' },
				{ id: 'acct2', platform: 'x', platformId: '9002', username: 'acmehelp', displayName: 'Acme Help', avatarUrl: null, status: 'active', pauseReasons: [], capabilities: ['sendMessages'], syncedAt: AT, createdAt: '2026-01-02T00:00:00.000Z' },
				{ id: 'acct3', platform: 'x', platformId: '9003', username: 'acmeold', displayName: 'Acme Old', avatarUrl: null, status: 'offline', pauseReasons: [], capabilities: [], syncedAt: AT, createdAt: '2026-01-03T00:00:00.000Z' },
			],
			contacts: [
				{ id: 'c1', name: 'Ada Lovelace', profiles: [{ id: 'pr1', platform: 'x', platformId: '1001', username: 'ada' }] },
				{ id: 'c2', name: 'Grace Hopper', profiles: [{ id: 'pr2', platform: 'x', platformId: '1002', username: 'grace' }] },
				{ id: 'c3', name: 'The Twins', profiles: [{ id: 'pr3', platform: 'x', platformId: '1003', username: 'twin1' }, { id: 'pr4', platform: 'x', platformId: '1004', username: 'twin2' }] },
				{ id: 'c4', name: 'Nobody on X', profiles: [] },
			],
			threads: new Map(),
			/** thread id -> its messages, oldest first */
			messages: new Map(),
		};
		// t1 is Ada's conversation; t2..t6 carry what the thread filters look at.
		addThread('t1', { profileId: 'pr1', contactId: 'c1', platformId: '1001' }, { tags: ['tagvip'], status: 'stnew', folder: 'inbox', preview: 'See you tomorrow' });
		addThread('t2', { assigneeId: 'mem1' }, { tags: ['tagvip', 'tagsales'], status: 'stopen', folder: 'inbox', preview: 'Pricing question' });
		addThread('t3', {}, { tags: [], status: 'stopen', folder: 'inbox', preview: 'Thanks a lot' });
		addThread('t4', { isRequest: true }, { tags: ['tagsales'], status: 'stnew', folder: 'requests', preview: 'Hello, pricing?' });
		addThread('t5', { archived: true }, { tags: [], status: 'stdone', folder: 'archived', preview: 'Bye' });
		addThread('t6', { assigneeId: 'mem2' }, { tags: ['tagvip'], status: 'stnew', folder: 'noReply', preview: 'Any news on pricing?' });
		for (const id of ['t1', 't2', 't3']) addMessages(id, 3, 'inbound');
	}

	/** A thread the API knows (tests add their own); `meta` holds what filters look at. */
	function addThread(id, fields = {}, meta = {}) {
		const t = thread(id, fields);
		state.threads.set(id, { thread: t, tags: meta.tags ?? [], status: meta.status ?? null, folder: meta.folder ?? 'inbox', preview: meta.preview ?? '' });
		state.messages.set(id, state.messages.get(id) ?? []);
		if (meta.preview) t.activity = { preview: meta.preview, direction: 'inbound', at: AT };
		return t;
	}

	function newMessage(threadId, content, direction, replyToMessageId) {
		const entry = state.threads.get(threadId);
		const n = ++state.counter;
		const message = {
			id: `msg${n}`,
			threadId,
			accountLinkId: entry.thread.accountLinkId,
			platform: entry.thread.platform,
			platformId: `pm${n}`,
			direction,
			sentBy: direction === 'outbound' ? 'api' : null,
			content,
			entities: [],
			attachments: [],
			forwarded: false,
			reactions: [],
			editedAt: null,
			deletedAt: null,
			createdAt: new Date(state.clock + n * 1000).toISOString(),
			platformData: null,
			replyTo: replyToMessageId ? { messageId: replyToMessageId } : null,
		};
		state.messages.get(threadId).push(message);
		entry.thread.lastMessage = { id: message.id, direction, createdAt: message.createdAt };
		return message;
	}

	/** `count` messages in a thread (e.g. 10,000 for a Get Many benchmark). */
	function addMessages(threadId, count, direction = 'inbound') {
		if (!state.threads.has(threadId)) addThread(threadId);
		const made = [];
		for (let i = 0; i < count; i++) made.push(newMessage(threadId, `${threadId} message ${i + 1}`, direction));
		return made;
	}

	// ---- validation (refuses what the sheet refuses) ----

	function checkQuery(req, allowed, issues) {
		const seen = new Map();
		for (const [key, value] of req.queryPairs || []) {
			if (/[[\]]/.test(key)) issues.push({ path: key, message: 'brackets are not accepted: repeat the key (?tag=a&tag=b)' });
			else if (!allowed.includes(key)) issues.push({ path: key, message: 'is not a known parameter' });
			else if (seen.has(key) && !REPEATABLE.includes(key)) issues.push({ path: key, message: 'may be given once' });
			if (REPEATABLE.includes(key) && key !== 'username' && value.includes(',')) issues.push({ path: key, message: 'commas are not accepted: repeat the key' });
			if (value === '') issues.push({ path: key, message: 'must not be empty' });
			seen.set(key, [...(seen.get(key) || []), value]);
		}
		return seen;
	}

	function checkLimit(params, issues, max = 100) {
		const raw = params.get('limit');
		if (!raw) return;
		const limit = Number(raw[0]);
		if (!(Number.isInteger(limit) && limit >= 1 && limit <= max)) issues.push({ path: 'limit', message: `must be an integer 1..${max}` });
	}

	function checkIds(params, names, issues) {
		for (const name of names) for (const value of params.get(name) || []) if (!ID.test(value)) issues.push({ path: name, message: `${JSON.stringify(value)} is not an Inbox id` });
	}

	function checkEnum(params, name, allowed, issues) {
		for (const value of params.get(name) || []) if (!allowed.includes(value)) issues.push({ path: name, message: `must be one of ${allowed.join(', ')}` });
	}

	function checkSend(req, issues) {
		const key = req.headers['idempotency-key'];
		if (key !== undefined && !KEY.test(key)) issues.push({ path: 'Idempotency-Key', message: 'must be 1-255 printable ASCII characters' });
		const body = req.body;
		if (!isObject(body)) return issues.push({ path: 'body', message: 'must be a JSON object' });
		for (const k of Object.keys(body)) if (!['target', 'content', 'replyToMessageId'].includes(k)) issues.push({ path: k, message: 'is not a known field' });
		if (typeof body.content !== 'string' || body.content.length < 1) issues.push({ path: 'content', message: 'must be a string of at least 1 character' });
		if (body.replyToMessageId !== undefined && !(typeof body.replyToMessageId === 'string' && ID.test(body.replyToMessageId)))
			issues.push({ path: 'replyToMessageId', message: 'must be an Inbox id' });
		const target = body.target;
		if (!isObject(target)) return issues.push({ path: 'target', message: 'is required (an object)' });
		const fields = { thread: ['threadId'], contact: ['accountLinkId', 'contactId'], profile: ['accountLinkId', 'platform', 'platformId'] }[target.type];
		if (!fields) return issues.push({ path: 'target.type', message: 'must be one of thread, contact, profile' });
		for (const k of Object.keys(target)) if (k !== 'type' && !fields.includes(k)) issues.push({ path: `target.${k}`, message: `is not a field of a ${target.type} target` });
		for (const k of fields) {
			const value = target[k];
			if (typeof value !== 'string' || value.trim() === '') issues.push({ path: `target.${k}`, message: 'is required (a non-empty string)' });
			else if (k.endsWith('Id') && k !== 'platformId' && !ID.test(value)) issues.push({ path: `target.${k}`, message: 'must be an Inbox id' });
		}
	}

	function validate(req, p) {
		if (!/^Bearer \S+$/.test(req.headers.authorization || '')) return error(401, 'unauthorized', 'Missing or invalid API token');
		const r = route(req.method, p);
		if (!r) return undefined; // the answer is a 404
		const issues = [];
		if (r.id !== undefined && !ID.test(r.id)) issues.push({ path: 'id', message: `${JSON.stringify(r.id)} is not an Inbox id` });
		if (r.name === 'send') {
			checkQuery(req, QUERY.none, issues);
			checkSend(req, issues);
		} else {
			const params = checkQuery(req, QUERY[r.name] || QUERY.none, issues);
			checkLimit(params, issues, r.name === 'events' ? 1000 : 100);
			if (r.name === 'events' && params.has('afterSeq') && !/^\d+$/.test(params.get('afterSeq')[0])) issues.push({ path: 'afterSeq', message: 'must be a whole number' });
			if (r.name === 'threads') {
				checkIds(params, ['accountLinkId', 'contactId', 'tag', 'status', 'assigneeId', 'campaignId'], issues);
				checkEnum(params, 'folder', FOLDERS, issues);
				checkEnum(params, 'order', ['asc', 'desc'], issues);
				checkEnum(params, 'unassigned', ['true', 'false'], issues);
				checkEnum(params, 'expand', THREAD_EXPAND, issues);
				if (params.has('assigneeId') && params.get('unassigned')?.[0] === 'true') issues.push({ path: 'unassigned', message: 'cannot be combined with assigneeId' });
			}
			if (r.name === 'thread') checkEnum(params, 'expand', THREAD_EXPAND, issues);
			if (r.name === 'messages') {
				checkEnum(params, 'order', ['asc', 'desc'], issues);
				checkEnum(params, 'expand', MESSAGE_EXPAND, issues);
			}
			if (r.name === 'contacts') {
				if (!params.has('platform')) issues.push({ path: 'platform', message: 'is required' });
				const by = ['platformId', 'username'].filter((k) => params.has(k));
				if (by.length !== 1) issues.push({ path: 'username', message: 'give platformId or username (not both)' });
				for (const k of by) if (params.get(k).length > 100) issues.push({ path: k, message: 'at most 100 values' });
				for (const u of params.get('username') || []) if (u.startsWith('@')) issues.push({ path: 'username', message: 'without the @' });
			}
			if (r.name === 'accountLinks') checkEnum(params, 'status', ['active', 'offline', 'paused'], issues);
		}
		return issues.length ? invalid(issues) : undefined;
	}

	// ---- answers ----

	/** `{ data, nextCursor }` over `all`; a cursor only goes with the filters it was made for. */
	function page(req, all) {
		const pairs = (req.queryPairs || []).filter(([k]) => k !== 'cursor' && k !== 'limit');
		const filters = stable(pairs.sort());
		const limit = Number(req.query.limit || 50);
		let offset = 0;
		if (req.query.cursor) {
			let decoded;
			try {
				decoded = JSON.parse(Buffer.from(req.query.cursor, 'base64url').toString('utf8'));
			} catch {
				decoded = undefined;
			}
			if (!decoded || decoded.filters !== filters) return error(400, 'invalidCursor', 'The cursor does not belong to this list or these filters');
			offset = decoded.offset;
		}
		const data = all.slice(offset, offset + limit);
		const next = offset + limit < all.length ? Buffer.from(JSON.stringify({ offset: offset + limit, filters })).toString('base64url') : null;
		return ok(200, { data, nextCursor: next });
	}

	const values = (req, key) => (req.queryPairs || []).filter(([k]) => k === key).map(([, v]) => v);

	function listThreads(req) {
		const folder = req.query.folder || 'inbox';
		const tags = values(req, 'tag');
		const statuses = values(req, 'status');
		const assignees = values(req, 'assigneeId');
		const q = (req.query.q || '').toLowerCase();
		let all = [...state.threads.values()].filter(
			(e) =>
				(folder === 'all' || e.folder === folder) &&
				(!tags.length || tags.some((t) => e.tags.includes(t))) &&
				(!statuses.length || statuses.includes(e.status)) &&
				(!assignees.length || assignees.includes(e.thread.assigneeId)) &&
				(req.query.unassigned !== 'true' || e.thread.assigneeId === null) &&
				(!req.query.accountLinkId || e.thread.accountLinkId === req.query.accountLinkId) &&
				(!q || e.preview.toLowerCase().includes(q)),
		);
		if (req.query.order === 'asc') all = all.reverse();
		return page(req, all.map((e) => e.thread));
	}

	function contactFor(platform, key, value) {
		return state.contacts.filter((c) => c.profiles.some((p) => p.platform === platform && p[key] === value));
	}

	/** The thread a send lands in, or the refusal. */
	function landing(target, team) {
		if (target.type === 'thread') {
			const entry = state.threads.get(target.threadId);
			return entry ? { thread: entry.thread } : { refusal: error(404, 'threadNotFound', `Thread ${target.threadId} not found`) };
		}
		const link = state.accountLinks.find((a) => a.id === target.accountLinkId);
		if (!link) return { refusal: error(404, 'accountLinkNotFound', `Account link ${target.accountLinkId} not found`) };
		if (link.status !== 'active') return { refusal: error(409, 'accountLinkDisconnected', `Account link ${link.id} is ${link.status}`, { status: link.status }) };
		let profile;
		if (target.type === 'contact') {
			const contact = state.contacts.find((c) => c.id === target.contactId);
			if (!contact) return { refusal: error(404, 'contactNotFound', `Contact ${target.contactId} not found`) };
			const on = contact.profiles.filter((p) => p.platform === link.platform);
			if (!on.length) return { refusal: error(422, 'recipientUnavailable', `Contact ${contact.id} has no ${link.platform} profile`) };
			if (on.length > 1) return { refusal: error(422, 'profileAmbiguous', `Contact ${contact.id} has ${on.length} ${link.platform} profiles`) };
			profile = { ...on[0], contactId: contact.id };
		} else {
			if (target.platform !== link.platform)
				return { refusal: error(422, 'platformNotSupported', `Account link ${link.id} is on ${link.platform}, not ${target.platform}`) };
			const owner = contactFor(link.platform, 'platformId', target.platformId)[0];
			if (!owner && !state.plan.advancedApi)
				return { refusal: error(403, 'planRequired', 'Messaging a profile that is not a contact needs the Advanced API add-on', { feature: 'advancedApi' }) };
			profile = owner
				? { ...owner.profiles.find((p) => p.platformId === target.platformId), contactId: owner.id }
				: { id: `prx${target.platformId}`, platformId: target.platformId, contactId: null };
		}
		const existing = [...state.threads.values()].find((e) => e.thread.accountLinkId === link.id && e.thread.profileId === profile.id);
		if (existing) return { thread: existing.thread };
		if (!state.plan.outboundMessages)
			return { refusal: error(403, 'planRequired', 'A first message to someone new needs the Outbound Messages add-on', { feature: 'outboundMessages' }) };
		const id = `th${++state.counter}`;
		return {
			thread: addThread(id, { accountLinkId: link.id, profileId: profile.id, contactId: profile.contactId, platformId: null }),
			created: true,
			team,
		};
	}

	function send(req, how) {
		const team = req.headers.authorization;
		const keys = state.keys.get(team) ?? new Map();
		state.keys.set(team, keys);
		const key = req.headers['idempotency-key'];
		const body = stable(req.body);
		const prior = key === undefined ? undefined : keys.get(key);
		if (prior) {
			if (prior.body !== body)
				return error(422, 'idempotencyKeyReused', 'This Idempotency-Key was used with a different request body', { idempotencyKey: key });
			if (prior.pending) {
				// The first request is still running: this one is told to retry; the first then finishes.
				prior.pending = false;
				return error(409, 'sendInProgress', 'A send with this Idempotency-Key is in progress; retry with the same key', { messageId: prior.result.message.id });
			}
			req.replay = true;
			return ok(200, prior.result);
		}
		const { thread: landed, refusal } = landing(req.body.target, team);
		if (refusal) return refusal;
		const { content, replyToMessageId } = req.body;
		if (content.length > CHARACTERS) return error(422, 'contentRejected', `Content is longer than the platform's ${CHARACTERS} characters`);
		if (replyToMessageId && !state.messages.get(landed.id).some((m) => m.id === replyToMessageId))
			return invalid([{ path: 'replyToMessageId', message: `${replyToMessageId} is not a message of thread ${landed.id}` }]);
		const message = newMessage(landed.id, content, 'outbound', replyToMessageId);
		const result = { message, thread: landed };
		if (key !== undefined) keys.set(key, { body, result, pending: !!how.hold });
		state.sends.push({ key, content, messageId: message.id, threadId: landed.id, target: req.body.target });
		req.sent = message.id;
		return ok(201, result);
	}

	function answer(req, p, how = {}) {
		const r = route(req.method, p);
		if (!r) return error(404, 'notFound', `No route for ${req.method} ${p}`);
		switch (r.name) {
			case 'send':
				return send(req, how);
			case 'team':
				return ok(200, { id: 'team1', name: 'Acme', slug: 'acme', createdAt: '2026-01-01T00:00:00.000Z' });
			case 'threads':
				return listThreads(req);
			case 'thread': {
				const entry = state.threads.get(r.id);
				return entry ? ok(200, entry.thread) : error(404, 'threadNotFound', `Thread ${r.id} not found`);
			}
			case 'messages': {
				const list = state.messages.get(r.id);
				if (!list) return error(404, 'threadNotFound', `Thread ${r.id} not found`);
				return page(req, req.query.order === 'asc' ? list : [...list].reverse());
			}
			case 'message': {
				for (const list of state.messages.values()) {
					const found = list.find((m) => m.id === r.id);
					if (found) return ok(200, found);
				}
				return error(404, 'messageNotFound', `Message ${r.id} not found`);
			}
			case 'contacts': {
				const platform = req.query.platform;
				const [key, wanted] = req.query.username !== undefined ? ['username', values(req, 'username')] : ['platformId', values(req, 'platformId')];
				const found = state.contacts.filter((c) => c.profiles.some((pr) => pr.platform === platform && wanted.includes(pr[key])));
				return page(req, found);
			}
			case 'accountLinks': {
				const statuses = values(req, 'status');
				return page(req, state.accountLinks.filter((a) => (!req.query.platform || a.platform === req.query.platform) && (!statuses.length || statuses.includes(a.status))));
			}
			case 'accountLink': {
				const link = state.accountLinks.find((a) => a.id === r.id);
				return link ? ok(200, link) : error(404, 'accountLinkNotFound', `Account link ${r.id} not found`);
			}
		}
		return error(404, 'notFound', `No route for ${req.method} ${p}`);
	}

	/** A 429 as v2 gives it. */
	function rateLimited(limit, resetAt) {
		return error(429, 'rateLimited', 'Rate limit exceeded', { window: 'minute', limit, resetAt });
	}

	reset();
	return {
		validate,
		answer,
		rateLimited,
		addThread,
		addMessages,
		reset,
		get state() {
			return state;
		},
		/** Messages created by POST /messages, in order. */
		get sends() {
			return state.sends;
		},
		get plan() {
			return state.plan;
		},
	};
}

module.exports = { createInboxV2 };
