'use strict';
/**
 * The mock API's request checks, as strict as the specifications in ../shared/api/ (and the
 * facts in its README): required fields, types, enums, fields allowed only for some providers
 * or message types, id patterns, no unknown fields, no empty optional fields, and HighLevel's
 * Version header. A request the spec forbids gets the vendor's own error shape, so a test that
 * only looks at outputs or counts still fails when the request is wrong.
 *
 * `validate(req)` returns undefined for a valid request, else `{ status, body, problems }`.
 */

const conversations = require('./highlevelConversations');

const INBOX_ID = /^[0-9a-z]+$/;
const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2})$/;
const HIGHLEVEL_TYPES = ['SMS', 'Email', 'WhatsApp', 'GMB', 'IG', 'FB', 'Custom', 'WebChat', 'Live_Chat', 'Call'];
const CALL_STATUSES = ['pending', 'completed', 'answered', 'busy', 'no-answer', 'failed', 'canceled', 'voicemail'];
const HIGHLEVEL_VERSIONS = ['2021-07-28', '2021-04-15'];
const SOCIOCS_PROVIDERS = ['twlo', 'twlowa', 'gswa'];
// Telnyx is listed for channels and webhooks only (sociocs-messages.md), not for sending.
const SOCIOCS_CHANNEL_PROVIDERS = [...SOCIOCS_PROVIDERS, 'tlnx'];
const { checkMessaging } = require('./sociocsMessages');

const isObject = (value) => !!value && typeof value === 'object' && !Array.isArray(value);

/** Collects what is wrong with one request. */
class Check {
	constructor() {
		this.problems = [];
	}

	fail(text) {
		this.problems.push(text);
	}

	/** The body is an object with only `allowed` keys and every `required` one. */
	shape(body, allowed, required, where = 'body') {
		if (!isObject(body)) return this.fail(`${where} must be a JSON object`);
		for (const key of Object.keys(body)) if (!allowed.includes(key)) this.fail(`${where}.${key} is not a known field`);
		for (const key of required) if (body[key] === undefined) this.fail(`${where}.${key} is required`);
	}

	/** A string that is not empty (an optional field is left out, never sent empty). */
	text(value, name, pattern) {
		if (value === undefined) return;
		if (typeof value !== 'string') return this.fail(`${name} must be a string`);
		if (value.trim() === '') return this.fail(`${name} must not be empty (leave it out instead)`);
		if (pattern && !pattern.test(value)) this.fail(`${name} does not match ${pattern}`);
	}

	oneOf(value, name, allowed) {
		if (value !== undefined && !allowed.includes(value)) this.fail(`${name} must be one of ${allowed.join(', ')}`);
	}

	url(value, name) {
		this.text(value, name, /^https?:\/\/[^\s]+$/);
	}

	/** An array of non-empty strings, itself not empty. */
	texts(value, name, pattern) {
		if (value === undefined) return;
		if (!Array.isArray(value)) return this.fail(`${name} must be an array`);
		if (!value.length) return this.fail(`${name} must not be an empty array (leave it out instead)`);
		value.forEach((entry, i) => this.text(entry, `${name}[${i}]`, pattern));
	}

	/** A flat object of string values (template variables, contact fields). */
	pairs(value, name, valueType = 'string') {
		if (value === undefined) return;
		if (!isObject(value) || !Object.keys(value).length) return this.fail(`${name} must be a non-empty object`);
		for (const [key, entry] of Object.entries(value)) {
			if (key.trim() === '') this.fail(`${name} has an empty key`);
			if (valueType === 'string' && typeof entry !== 'string') this.fail(`${name}.${key} must be a string`);
			if (valueType === 'scalar' && (isObject(entry) || Array.isArray(entry))) this.fail(`${name}.${key} must be a plain value`);
		}
	}
}

function sociocsMessage(body, check) {
	check.shape(
		body,
		['provider', 'channel_key', 'to', 'name', 'text', 'image_url', 'video_url', 'file_url', 'template', 'contact_saving', 'schedule', 'user_id'],
		['provider', 'channel_key', 'to'],
	);
	if (!isObject(body)) return;
	check.oneOf(body.provider, 'provider', SOCIOCS_PROVIDERS);
	check.text(body.channel_key, 'channel_key');
	check.text(body.to, 'to', /^\+?\d+$/);
	check.text(body.name, 'name');
	check.text(body.text, 'text');
	for (const key of ['image_url', 'video_url', 'file_url']) {
		check.url(body[key], key);
		if (body[key] !== undefined && body.provider !== 'twlo') check.fail(`${key} is supported only when provider is twlo`);
	}
	if (body.template !== undefined) {
		if (body.provider === 'twlo') check.fail('template is used only when provider is twlowa or gswa');
		check.shape(body.template, ['id', 'variables'], ['id'], 'template');
		if (isObject(body.template)) {
			check.text(body.template.id, 'template.id');
			const { variables } = body.template;
			if (body.provider === 'gswa' && variables !== undefined) {
				check.shape(variables, ['MEDIA_URL', 'Header', 'Body', 'Buttons'], [], 'template.variables');
				if (isObject(variables)) {
					check.url(variables.MEDIA_URL, 'template.variables.MEDIA_URL');
					for (const part of ['Header', 'Body', 'Buttons']) check.pairs(variables[part], `template.variables.${part}`);
				}
			} else check.pairs(variables, 'template.variables');
		}
	}
	const content = ['text', 'image_url', 'video_url', 'file_url', 'template'].some((key) => body[key] !== undefined);
	if (!content) check.fail('text is required when no image_url, video_url, file_url or template is present');
	if (body.contact_saving !== undefined) {
		check.shape(body.contact_saving, ['save', 'list_id', 'extra_fields'], [], 'contact_saving');
		const saving = body.contact_saving;
		if (isObject(saving)) {
			if (saving.save !== undefined && typeof saving.save !== 'boolean') check.fail('contact_saving.save must be a boolean');
			if (saving.list_id !== undefined && !(Number.isInteger(saving.list_id) && saving.list_id >= 0)) {
				check.fail('contact_saving.list_id must be an integer');
			}
			check.pairs(saving.extra_fields, 'contact_saving.extra_fields', 'scalar');
		}
	}
	check.text(body.schedule, 'schedule', ISO_DATE_TIME);
	check.text(body.user_id, 'user_id');
}

function sociocsIncoming(body, check) {
	check.shape(body, ['provider', 'channel_key', 'from', 'name', 'text', 'media_url', 'media_type'], ['provider', 'channel_key', 'from', 'text']);
	if (!isObject(body)) return;
	check.oneOf(body.provider, 'provider', ['twlo']);
	check.text(body.channel_key, 'channel_key');
	check.text(body.from, 'from', /^\+?\d+$/);
	check.text(body.name, 'name');
	check.text(body.text, 'text');
	check.url(body.media_url, 'media_url');
	check.text(body.media_type, 'media_type', /^[\w.+-]+\/[\w.+-]+(?:\s*;\s*[\w.+-]+=(?:[\w.+-]+|"[^"]*"))*$/);
	if (body.media_url !== undefined && body.media_type === undefined) check.fail('media_type is required when media_url is present');
	if (body.media_type !== undefined && body.media_url === undefined) check.fail('media_type is only used with media_url');
}

function sociocs(req, p, check) {
	if (!req.headers.apikey) {
		return { status: 401, body: { status: 'error', errors: [{ msg: 'Authentication failed. Check apikey header.' }] } };
	}
	if (req.method === 'POST' && p === '/message') sociocsMessage(req.body, check);
	else if (req.method === 'POST' && p === '/incoming') sociocsIncoming(req.body, check);
	else if (req.method === 'GET' && p === '/channels') check.oneOf(req.query.provider, 'provider', SOCIOCS_CHANNEL_PROVIDERS);
	else checkMessaging(req, p, check);
	return check.problems.length
		? { status: 400, body: { status: 'error', errors: check.problems.map((msg) => ({ msg })) } }
		: undefined;
}

function highLevelInbound(body, check) {
	check.shape(
		body,
		['type', 'attachments', 'message', 'conversationId', 'conversationProviderId', 'html', 'subject', 'emailFrom', 'emailTo', 'emailCc', 'emailBcc', 'emailMessageId', 'altId', 'direction', 'date', 'call', 'contactId'],
		['type', 'conversationId', 'conversationProviderId'],
	);
	if (!isObject(body)) return;
	check.oneOf(body.type, 'type', HIGHLEVEL_TYPES);
	check.text(body.conversationId, 'conversationId');
	check.text(body.conversationProviderId, 'conversationProviderId');
	check.text(body.message, 'message');
	check.texts(body.attachments, 'attachments', /^https?:\/\/\S+$/);
	for (const key of ['html', 'subject', 'emailFrom', 'emailTo', 'emailMessageId']) check.text(body[key], key);
	check.texts(body.emailCc, 'emailCc', /@/);
	check.texts(body.emailBcc, 'emailBcc', /@/);
	for (const key of ['html', 'subject', 'emailFrom', 'emailTo', 'emailCc', 'emailBcc', 'emailMessageId']) {
		if (body[key] !== undefined && body.type !== 'Email') check.fail(`${key} applies only to type Email`);
	}
	check.text(body.altId, 'altId');
	check.text(body.contactId, 'contactId');
	check.oneOf(body.direction, 'direction', ['inbound', 'outbound']);
	check.text(body.date, 'date', ISO_DATE_TIME);
	if (body.call !== undefined) {
		if (body.type !== 'Call') check.fail('call applies only to type Call');
		check.shape(body.call, ['to', 'from', 'status'], [], 'call');
		if (isObject(body.call)) {
			check.text(body.call.to, 'call.to', /^\+?\d+$/);
			check.text(body.call.from, 'call.from', /^\+?\d+$/);
			check.oneOf(body.call.status, 'call.status', CALL_STATUSES);
		}
	}
}

function highLevel(req, p, check) {
	if (!/^Bearer \S+$/.test(req.headers.authorization || '')) {
		return { status: 401, body: { statusCode: 401, message: 'Invalid token: access token is invalid', error: 'Unauthorized' } };
	}
	if (conversations.NO_VERSION.test(p) ? req.headers.version !== undefined : !HIGHLEVEL_VERSIONS.includes(req.headers.version)) {
		const message = conversations.NO_VERSION.test(p) ? 'this endpoint takes no Version header' : `Version header must be one of ${HIGHLEVEL_VERSIONS.join(', ')}`;
		return { status: 400, body: { statusCode: 400, message, error: 'Bad Request' } };
	}
	if (req.method === 'POST' && p === '/conversations/messages/inbound') highLevelInbound(req.body, check);
	else {
		const own = conversations.check(req, p, check);
		if (own && own.status) return own;
	}
	return check.problems.length
		? { status: 422, body: { statusCode: 422, message: check.problems, error: 'Unprocessable Entity' } }
		: undefined;
}

function inbox(req, p, check) {
	if (!/^Bearer \S+$/.test(req.headers.authorization || '')) return { status: 401, body: { message: 'Unauthorized' } };
	const send = /^\/threads\/([^/]*)\/messages$/.exec(p);
	if (req.method === 'POST' && send) {
		check.text(decodeURIComponent(send[1]), 'threadId', INBOX_ID);
		check.shape(req.body, ['content', 'replyToMessageId'], ['content']);
		if (isObject(req.body)) {
			if (typeof req.body.content !== 'string' || req.body.content.length < 1) check.fail('content must be a string of at least 1 character');
			check.text(req.body.replyToMessageId, 'replyToMessageId', INBOX_ID);
		}
	} else if (req.method === 'GET' && p === '/threads') {
		const limit = Number(req.query.limit);
		if (req.query.limit !== undefined && !(Number.isInteger(limit) && limit >= 1 && limit <= 100)) check.fail('limit must be 1..100');
	}
	return check.problems.length ? { status: 400, body: { message: check.problems.join('; ') } } : undefined;
}

/** The vendor's error answer for a request its spec forbids, or undefined. */
function validate(req, prefix) {
	const check = new Check();
	const routes = [
		[prefix.sociocs, sociocs],
		[prefix.highlevel, highLevel],
		[prefix.inbox, inbox],
	];
	for (const [start, rules] of routes) {
		if (req.path.startsWith(start)) {
			const answer = rules(req, req.path.slice(start.length), check);
			return answer && { ...answer, problems: check.problems.length ? check.problems : [answer.body] };
		}
	}
	return undefined;
}

module.exports = { validate };
