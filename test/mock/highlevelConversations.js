'use strict';
/**
 * The mock's HighLevel Conversations endpoints beyond add-inbound, as ../shared/api/
 * highlevel-conversations.md describes them: what each refuses (`check(req, p, check)`, the
 * strict part, run by validate.js) and its happy answer (`answer(req, p, n)`, run by
 * mockApi.js). A conversation's messages are a list the test sets (`setMessages`) or seeds
 * (`addMessages`), served in pages by the `lastMessageId` cursor, in the spec's flat shape or
 * the live API's wrapped one.
 */

const SEND_TYPES = ['SMS', 'RCS', 'Email', 'WhatsApp', 'IG', 'FB', 'Custom', 'Live_Chat', 'TIKTOK'];
const EMAIL_ONLY = ['html', 'subject', 'emailFrom', 'emailTo', 'emailCc', 'emailBcc', 'threadId', 'replyMessageId', 'emailReplyMode', 'customSubtypeId'];
const SEND_FIELDS = ['type', 'contactId', 'message', 'attachments', 'fromNumber', 'toNumber', 'templateId', 'conversationProviderId', 'appointmentId', 'scheduledTimestamp', ...EMAIL_ONLY];
const MESSAGE_TYPES = ['TYPE_CALL', 'TYPE_SMS', 'TYPE_RCS', 'TYPE_EMAIL', 'TYPE_FACEBOOK', 'TYPE_GMB', 'TYPE_INSTAGRAM', 'TYPE_WHATSAPP', 'TYPE_LIVE_CHAT', 'TYPE_TIKTOK', 'TYPE_INTERNAL_COMMENTS', 'TYPE_FORM_SUBMISSION'];
const SEARCH_STATUSES = ['all', 'read', 'unread', 'starred', 'recents'];
const ID = /^[A-Za-z0-9_-]+$/;
const E164 = /^\+\d{8,15}$/;

function checkSend(body, check) {
	check.shape(body, SEND_FIELDS, ['type', 'contactId']);
	if (!body || typeof body !== 'object') return;
	check.oneOf(body.type, 'type', SEND_TYPES);
	check.text(body.contactId, 'contactId', ID);
	check.text(body.message, 'message');
	check.texts(body.attachments, 'attachments', /^https?:\/\/\S+$/);
	for (const key of EMAIL_ONLY) if (body[key] !== undefined && body.type !== 'Email') check.fail(`${key} applies only to type Email`);
	for (const key of ['html', 'subject', 'threadId', 'replyMessageId', 'customSubtypeId']) check.text(body[key], key);
	check.text(body.emailFrom, 'emailFrom', /@/);
	check.text(body.emailTo, 'emailTo', /@/);
	check.texts(body.emailCc, 'emailCc', /@/);
	check.texts(body.emailBcc, 'emailBcc', /@/);
	check.oneOf(body.emailReplyMode, 'emailReplyMode', ['reply', 'reply_all']);
	for (const key of ['fromNumber', 'toNumber']) {
		check.text(body[key], key, E164);
		if (body[key] !== undefined && body.type !== 'SMS') check.fail(`${key} applies only to type SMS`);
	}
	if (body.type === 'Custom') check.text(body.conversationProviderId ?? '', 'conversationProviderId (required for type Custom)', ID);
	else if (body.conversationProviderId !== undefined) check.fail('conversationProviderId applies only to type Custom');
	if (body.type === 'Email' && body.html === undefined && body.message === undefined) check.fail('an Email needs html or message');
	if (body.type !== 'Email' && body.message === undefined && body.attachments === undefined) check.fail('message or attachments is required');
	for (const key of ['templateId', 'appointmentId']) check.text(body[key], key, ID);
	if (body.scheduledTimestamp !== undefined) {
		const at = body.scheduledTimestamp;
		// UTC seconds: a millisecond value (13 digits) is a different, far-future date.
		if (!Number.isInteger(at) || at <= 0 || at > 1e11) check.fail('scheduledTimestamp must be UTC seconds (an integer)');
	}
}

function checkList(req, check) {
	const { limit, type } = req.query;
	if (limit !== undefined && !(Number.isInteger(Number(limit)) && Number(limit) >= 1)) check.fail('limit must be a positive integer');
	if (type !== undefined) for (const t of type.split(',')) check.oneOf(t, 'type', MESSAGE_TYPES);
	check.text(req.query.lastMessageId, 'lastMessageId', ID);
}

function checkSearch(req, check) {
	const q = req.query;
	check.text(q.locationId, 'locationId', ID);
	if (q.locationId === undefined) check.fail('locationId is required');
	check.oneOf(q.status, 'status', SEARCH_STATUSES);
	check.oneOf(q.lastMessageType, 'lastMessageType', MESSAGE_TYPES);
	check.oneOf(q.lastMessageDirection, 'lastMessageDirection', ['inbound', 'outbound']);
	check.text(q.contactId, 'contactId', ID);
	if (q.startAfterDate !== undefined && !/^\d+$/.test(q.startAfterDate)) check.fail('startAfterDate must be a number (ms)');
	if (q.limit !== undefined && !(Number.isInteger(Number(q.limit)) && Number(q.limit) >= 1)) check.fail('limit must be a positive integer');
}

const CALL_STATUSES = ['pending', 'completed', 'answered', 'busy', 'no-answer', 'failed', 'canceled', 'voicemail'];
const MESSAGE_STATUSES = ['delivered', 'failed', 'pending', 'read'];
/** The two email endpoints the spec lists without a Version header. */
const NO_VERSION = /^\/conversations\/messages\/email\/[^/]+(?:\/schedule)?$/;

function checkStatus(body, checker) {
	checker.shape(body, ['status', 'error', 'emailMessageId', 'recipients'], ['status']);
	if (!body || typeof body !== 'object') return;
	checker.oneOf(body.status, 'status', MESSAGE_STATUSES);
	if (body.error !== undefined) {
		checker.shape(body.error, ['code', 'type', 'message'], [], 'error');
		if (body.status !== 'failed') checker.fail('error applies only to status failed');
	}
	checker.text(body.emailMessageId, 'emailMessageId', ID);
}

function checkOutbound(body, checker) {
	checker.shape(body, ['type', 'conversationId', 'conversationProviderId', 'attachments', 'altId', 'date', 'call'], ['type', 'conversationId', 'conversationProviderId']);
	if (!body || typeof body !== 'object') return;
	checker.oneOf(body.type, 'type', ['Call']);
	checker.text(body.conversationId, 'conversationId', ID);
	checker.text(body.conversationProviderId, 'conversationProviderId', ID);
	checker.text(body.altId, 'altId');
	checker.text(body.date, 'date', /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2})$/);
	if (body.call !== undefined) {
		checker.shape(body.call, ['to', 'from', 'status'], [], 'call');
		checker.text(body.call.to, 'call.to', E164);
		checker.text(body.call.from, 'call.from', E164);
		checker.oneOf(body.call.status, 'call.status', CALL_STATUSES);
	}
}

const UPLOAD_TYPES = ['jpg', 'jpeg', 'png', 'mp4', 'mpeg', 'zip', 'rar', 'pdf', 'doc', 'docx', 'txt', 'mp3', 'wav'];

/** The upload's own error shape `{ status, message }`, 400 / 415, or undefined. */
function checkUpload(req) {
	const refuse = (status, message) => ({ status, body: { status, message } });
	const body = req.body;
	if (!/^multipart\/form-data/i.test(req.headers['content-type'] || '') || !body || !body.files) return refuse(400, 'multipart/form-data expected');
	for (const key of ['conversationId', 'contactId', 'locationId']) if (!ID.test(body.fields[key] || '')) return refuse(400, `${key} is required`);
	if (!body.files.length) return refuse(400, 'fileAttachment is required');
	for (const file of body.files) {
		if (file.field !== 'fileAttachment') return refuse(400, `unexpected file field ${file.field}`);
		const extension = (/\.([A-Za-z0-9]+)$/.exec(file.filename) || [])[1];
		if (!extension || !UPLOAD_TYPES.includes(extension.toLowerCase())) return refuse(415, `Unsupported Media Type: ${file.filename}`);
	}
	return undefined;
}

/**
 * Adds what is wrong with a Conversations request to `check`; true when the path is one of
 * these, or the endpoint's own refusal (`{ status, body }`) when it has its own error shape.
 */
function check(req, p, checker) {
	const { method, body } = req;
	if (method === 'POST' && p === '/conversations/messages/upload') return checkUpload(req) || true;
	if (method === 'POST' && p === '/conversations/messages') checkSend(body, checker);
	else if (method === 'PUT' && /^\/conversations\/messages\/[^/]+\/status$/.test(p)) checkStatus(body, checker);
	else if (method === 'POST' && p === '/conversations/messages/outbound') checkOutbound(body, checker);
	else if (method === 'DELETE' && /^\/conversations\/messages\/(?:email\/)?[^/]+\/schedule$/.test(p)) {
		if (body !== undefined) checker.fail('DELETE takes no body');
	}
	else if (method === 'GET' && /^\/conversations\/[^/]+\/messages$/.test(p)) checkList(req, checker);
	else if (method === 'GET' && p === '/conversations/search') checkSearch(req, checker);
	else if (method === 'POST' && p === '/conversations/') {
		checker.shape(body, ['locationId', 'contactId'], ['locationId', 'contactId']);
		if (body && typeof body === 'object') {
			checker.text(body.locationId, 'locationId', ID);
			checker.text(body.contactId, 'contactId', ID);
		}
	} else if (method === 'PUT' && /^\/conversations\/[^/]+$/.test(p)) {
		checker.shape(body, ['locationId', 'unreadCount', 'starred', 'feedback'], ['locationId']);
		if (body && typeof body === 'object') {
			checker.text(body.locationId, 'locationId', ID);
			if (body.unreadCount !== undefined && !(Number.isInteger(body.unreadCount) && body.unreadCount >= 0)) checker.fail('unreadCount must be an integer >= 0');
			if (body.starred !== undefined && typeof body.starred !== 'boolean') checker.fail('starred must be a boolean');
		}
	} else if ((method === 'GET' || method === 'DELETE') && /^\/conversations\/[^/]+$/.test(p) && p !== '/conversations/search') {
		if (body !== undefined && method === 'DELETE' && Object.keys(body).length) checker.fail('DELETE takes no body');
	} else if (method === 'GET' && /^\/conversations\/messages\/[^/]+$/.test(p)) {
		// The id is in the path; nothing else to check.
	} else return false;
	return true;
}

function page(state, conversationId, query) {
	const all = state.messages.get(conversationId) || [];
	const types = query.type ? query.type.split(',') : undefined;
	const list = types ? all.filter((m) => types.includes(m.messageType)) : all;
	const start = query.lastMessageId ? list.findIndex((m) => m.id === query.lastMessageId) + 1 : 0;
	const limit = Number(query.limit || 20);
	const messages = list.slice(start, start + limit);
	const result = { lastMessageId: messages.length ? messages[messages.length - 1].id : undefined, nextPage: start + limit < list.length, messages };
	return state.wrapped ? { messages: result } : result;
}

/** A message as the list and Get answer it (`GetMessageResponseDto`), the `n`th of its conversation. */
function seededMessage(conversationId, n) {
	const inbound = n % 2 === 0;
	return {
		id: `${conversationId}-m${n}`,
		type: 2,
		messageType: 'TYPE_SMS',
		locationId: 'loc123',
		contactId: 'c1',
		conversationId,
		dateAdded: new Date(Date.UTC(2026, 0, 1) + n * 60_000).toISOString(),
		body: `Message ${n} of ${conversationId}`,
		direction: inbound ? 'inbound' : 'outbound',
		status: inbound ? 'delivered' : 'sent',
		contentType: 'text/plain',
		attachments: [],
		source: inbound ? 'app' : 'api',
	};
}

function conversation(id, extra = {}) {
	return { id, contactId: 'c1', locationId: 'loc123', deleted: false, inbox: true, type: 1, unreadCount: 0, ...extra };
}

/** The happy answer of a Conversations endpoint, or undefined when `p` is not one. */
function answer(state, req, p, n) {
	const { method, body, query } = req;
	if (method === 'POST' && p === '/conversations/messages') {
		const sent = { conversationId: `conv-${body.contactId}`, messageId: `hlout${n}`, status: body.scheduledTimestamp ? 'scheduled' : 'pending' };
		if (body.type === 'Email') sent.emailMessageId = `email${n}`;
		return { status: 200, body: sent };
	}
	if (method === 'POST' && p === '/conversations/messages/upload') {
		const uploadedFiles = Object.fromEntries(body.files.map((file, i) => [file.filename, `https://storage.example.com/upload/${n}-${i}/${file.filename}`]));
		return { status: 200, body: { uploadedFiles } };
	}
	const status = /^\/conversations\/messages\/([^/]+)\/status$/.exec(p);
	// Only the provider's own app may, and only once the message reached it (tests say which ids have).
	if (method === 'PUT' && status) {
		if (!state.providerMessages.has(status[1])) return { status: 403, body: { statusCode: 403, message: 'The token does not have access to this message', error: 'Forbidden' } };
		return { status: 200, body: { conversationId: 'conv1', messageId: status[1], status: body.status } };
	}
	if (method === 'POST' && p === '/conversations/messages/outbound')
		return { status: 200, body: { success: true, conversationId: body.conversationId, messageId: `call${n}`, message: 'Call logged', contactId: 'c1', dateAdded: '2026-11-23T10:00:00.000Z' } };
	const schedule = /^\/conversations\/messages\/(?:email\/)?([^/]+)\/schedule$/.exec(p);
	if (method === 'DELETE' && schedule) {
		// HighLevel's body status decides; its HTTP code may be 200 either way.
		return state.scheduled.delete(schedule[1])
			? { status: 200, body: { status: 200, message: 'Cancelled' } }
			: { status: 200, body: { status: 404, message: 'Failed cancel' } };
	}
	const list = /^\/conversations\/([^/]+)\/messages$/.exec(p);
	if (method === 'GET' && list) return { status: 200, body: page(state, list[1], query) };
	const one = /^\/conversations\/messages\/([^/]+)$/.exec(p);
	if (method === 'GET' && one) {
		for (const messages of state.messages.values()) {
			const found = messages.find((m) => m.id === one[1]);
			if (found) return { status: 200, body: found };
		}
		return { status: 404, body: { statusCode: 404, message: 'Message not found' } };
	}
	if (method === 'POST' && p === '/conversations/')
		return { status: 201, body: { success: true, conversation: { id: `conv${n}`, contactId: body.contactId, locationId: body.locationId, deleted: false, dateAdded: 1764000000000, dateUpdated: 1764000000000, lastMessageDate: 1764000000000 } } };
	const single = /^\/conversations\/([^/]+)$/.exec(p);
	if (single && single[1] !== 'search') {
		if (method === 'GET') return { status: 200, body: conversation(single[1]) };
		if (method === 'PUT') return { status: 200, body: { success: true, conversation: conversation(single[1], { unreadCount: body.unreadCount ?? 0, ...(body.starred === undefined ? {} : { starred: body.starred }) }) } };
		if (method === 'DELETE') return { status: 200, body: { success: true } };
	}
	return undefined;
}

/** One mock's conversations: the messages tests put there, and the answers. */
function createConversationRoutes() {
	const state = { messages: new Map(), wrapped: false, providerMessages: new Set(), scheduled: new Set() };
	return {
		/** Messages HighLevel handed the provider: Update Status is allowed for these only (else 403). */
		providerMessage(id) {
			state.providerMessages.add(id);
		},
		/** Messages that are scheduled and can be cancelled once. */
		scheduled(id) {
			state.scheduled.add(id);
		},
		/** The messages of a conversation, newest first; `wrapped`: answer `{ messages: { ...page } }` as the live API does. */
		setMessages(conversationId, messages, { wrapped = false } = {}) {
			state.messages.set(conversationId, messages);
			state.wrapped = wrapped;
		},
		/** Adds `count` generated messages to the end (the older side) of a conversation, e.g. 10,000 for the benchmark. */
		addMessages(conversationId, count) {
			const messages = state.messages.get(conversationId) || [];
			const first = messages.length;
			for (let i = 0; i < count; i++) messages.push(seededMessage(conversationId, first + i));
			state.messages.set(conversationId, messages);
			return messages.slice(first);
		},
		answer: (req, p, n) => answer(state, req, p, n),
		reset() {
			state.messages.clear();
			state.wrapped = false;
			state.providerMessages.clear();
			state.scheduled.clear();
		},
	};
}

module.exports = { check, createConversationRoutes, NO_VERSION };
