'use strict';
/**
 * Sociocs' messaging endpoints beyond the single send, as ../shared/api/sociocs-messages.md
 * describes them, hooked into mockApi.js (answers) and validate.js (refusals):
 *   POST   /message                  a future `schedule` makes a scheduled message
 *   POST   /messages/bulk            one job: `recipients` as `{ to, name }` objects; with
 *                                    `duplicates_allowed` false (the default) the first
 *                                    occurrence of a number wins
 *   GET    /messages/bulk            at most 100 jobs, newest scheduled date first, no paging
 *   PUT    /messages/bulk/{id}       `{ schedule }`; refused once the job ran
 *   DELETE /messages/bulk/{id}       refused once the job ran
 *   GET    /messages/scheduled       at most 100, newest scheduled date first
 *   DELETE /messages/scheduled/{id}  refused once the message was sent
 *   GET    /messages                 `start_date` / `end_date` (YYYY-MM-DD, both today by
 *                                    default), at most 31 days apart: a longer range is a 400
 *   GET    /messages/search          `text` required, `direction` incoming / outbound / both
 *   GET    /messages/unreplied       incoming messages with no later outbound one to that number
 * A job or message "ran" when its schedule is not in the future (no schedule: at once). The
 * message history (`state.history`) is what the tests put there; sends add to it.
 */
const SOCIOCS = '/sociocs';
const PROVIDERS = ['twlo', 'twlowa', 'gswa'];
const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2})$/;
const DAY = /^\d{4}-\d{2}-\d{2}$/;
const DAY_MS = 86_400_000;
const LIST_CAP = 100;
const MAX_RANGE_DAYS = 31;

const isObject = (value) => !!value && typeof value === 'object' && !Array.isArray(value);
const ok = (data) => ({ status: 200, body: data === undefined ? { status: 'success' } : { status: 'success', data } });
const refusal = (msg, status = 400) => ({ status, body: { status: 'error', errors: [{ msg }] } });
const ran = (schedule, now) => !schedule || Date.parse(schedule) <= now;
const dayOf = (iso) => new Date(Date.parse(iso)).toISOString().slice(0, 10);
const today = (now) => new Date(now).toISOString().slice(0, 10);
const daysBetween = (a, b) => Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / DAY_MS);
const newestScheduledFirst = (a, b) => Date.parse(b.schedule || b.created_at) - Date.parse(a.schedule || a.created_at);

/** The checks of the new endpoints (validate.js calls this from its Sociocs rules). */
function checkMessaging(req, p, check) {
	const { method, query, body } = req;
	if (method === 'POST' && p === '/messages/bulk') return checkBulk(body, check);
	if (method === 'PUT' && /^\/messages\/bulk\/[^/]+$/.test(p)) {
		check.shape(body, ['schedule'], []);
		if (isObject(body)) check.text(body.schedule, 'schedule', ISO_DATE_TIME);
		return;
	}
	const dates = (allowed) => {
		for (const key of Object.keys(query)) if (!allowed.includes(key)) check.fail(`${key} is not a known query parameter`);
		check.text(query.start_date, 'start_date', DAY);
		check.text(query.end_date, 'end_date', DAY);
	};
	if (method === 'GET' && p === '/messages') dates(['start_date', 'end_date']);
	if (method === 'GET' && p === '/messages/unreplied') dates(['start_date', 'end_date']);
	if (method === 'GET' && p === '/messages/search') {
		dates(['text', 'direction', 'start_date', 'end_date']);
		if (query.text === undefined) check.fail('text is required');
		check.text(query.text, 'text');
		check.oneOf(query.direction, 'direction', ['incoming', 'outbound', 'both']);
	}
	if (method === 'GET' && ['/messages/bulk', '/messages/scheduled'].includes(p) && Object.keys(query).length) {
		check.fail(`${p} takes no query parameters`);
	}
}

function checkBulk(body, check) {
	check.shape(
		body,
		['provider', 'channel_key', 'recipients', 'text', 'image_url', 'video_url', 'file_url', 'duplicates_allowed', 'schedule', 'user_id'],
		['provider', 'channel_key', 'recipients'],
	);
	if (!isObject(body)) return;
	check.oneOf(body.provider, 'provider', PROVIDERS);
	check.text(body.channel_key, 'channel_key');
	if (body.recipients !== undefined) {
		if (!Array.isArray(body.recipients) || !body.recipients.length) check.fail('recipients must be a non-empty array of { to, name }');
		else
			body.recipients.forEach((recipient, i) => {
				check.shape(recipient, ['to', 'name'], ['to'], `recipients[${i}]`);
				if (isObject(recipient)) {
					check.text(recipient.to, `recipients[${i}].to`, /^\+?\d+$/);
					check.text(recipient.name, `recipients[${i}].name`);
				}
			});
	}
	check.text(body.text, 'text');
	for (const key of ['image_url', 'video_url', 'file_url']) check.url(body[key], key);
	if (!['text', 'image_url', 'video_url', 'file_url'].some((key) => body[key] !== undefined)) {
		check.fail('text is required when no image_url, video_url or file_url is present');
	}
	if (body.duplicates_allowed !== undefined && typeof body.duplicates_allowed !== 'boolean') check.fail('duplicates_allowed must be a boolean');
	check.text(body.schedule, 'schedule', ISO_DATE_TIME);
	check.text(body.user_id, 'user_id');
}

function createMessagingRoutes() {
	// `now` set by a test stands for the clock (a scheduled message "runs" without waiting).
	const state = { jobs: [], scheduled: [], history: [], delivered: [], now: undefined };
	const clock = () => state.now ?? Date.now();

	function deliver(entry) {
		state.delivered.push(entry);
		state.history.push({ direction: 'outbound', created_at: new Date(clock()).toISOString(), ...entry });
	}

	function job(id) {
		return state.jobs.find((entry) => entry.job_id === id);
	}

	/** The range of a history query: both days given or today's, `start_date` defaulting to `defaultStartDays` ago. */
	function range(query, defaultStartDays) {
		const now = clock();
		const end = query.end_date || today(now);
		const start = query.start_date || today(now - defaultStartDays * DAY_MS);
		return { start, end };
	}

	const inRange = ({ start, end }) => (message) => {
		const day = dayOf(message.created_at);
		return day >= start && day <= end;
	};

	function answer(req, n) {
		const { method, path, query, body } = req;
		if (!path.startsWith(SOCIOCS)) return undefined;
		const p = path.slice(SOCIOCS.length);
		const now = clock();

		if (method === 'POST' && p === '/message') {
			const message_id = `msg${n}`;
			if (body && !ran(body.schedule, now)) state.scheduled.push({ message_id, ...body, created_at: new Date(now).toISOString() });
			else if (body) deliver({ message_id, to: body.to, name: body.name, text: body.text, channel_key: body.channel_key });
			return ok({ message_id });
		}
		if (method === 'POST' && p === '/messages/bulk' && body && Array.isArray(body.recipients)) {
			const job_id = `job${n}`;
			const seen = new Set();
			const recipients = body.recipients.filter(({ to }) => {
				const key = String(to).replace(/^\+/, '');
				if (!body.duplicates_allowed && seen.has(key)) return false;
				seen.add(key);
				return true;
			});
			const entry = { job_id, ...body, recipients, created_at: new Date(now).toISOString() };
			state.jobs.push(entry);
			if (ran(body.schedule, now)) runJob(entry);
			return ok({ job_id });
		}
		if (method === 'GET' && p === '/messages/bulk') {
			const view = state.jobs.map((entry) => ({
				job_id: entry.job_id,
				status: entry.status || 'scheduled',
				schedule: entry.schedule || entry.created_at,
				recipient_count: entry.recipients.length,
				text: entry.text,
			}));
			return ok(view.sort(newestScheduledFirst).slice(0, LIST_CAP));
		}
		const oneJob = /^\/messages\/bulk\/([^/]+)$/.exec(p);
		if (oneJob && (method === 'PUT' || method === 'DELETE')) {
			const entry = job(decodeURIComponent(oneJob[1]));
			if (!entry) return refusal('Invalid job_id.');
			if (entry.status === 'executed') return refusal('Bulk job is being executed or has been executed. It cannot be updated or deleted.');
			if (method === 'DELETE') {
				state.jobs.splice(state.jobs.indexOf(entry), 1);
				return ok();
			}
			if (body && body.schedule) entry.schedule = body.schedule;
			if (ran(entry.schedule, now) || !body || !body.schedule) runJob(entry);
			return ok({ job_id: entry.job_id });
		}
		if (method === 'GET' && p === '/messages/scheduled') {
			const view = state.scheduled.map(({ message_id, to, name, text, schedule, channel_key }) => ({ message_id, to, name, text, schedule, channel_key }));
			return ok(view.sort(newestScheduledFirst).slice(0, LIST_CAP));
		}
		const oneScheduled = /^\/messages\/scheduled\/([^/]+)$/.exec(p);
		if (oneScheduled && method === 'DELETE') {
			const id = decodeURIComponent(oneScheduled[1]);
			const entry = state.scheduled.find((message) => message.message_id === id);
			if (state.delivered.some((message) => message.message_id === id)) return refusal('Message is being sent or has been sent. It cannot be deleted.');
			if (!entry) return refusal('Invalid message_id.');
			state.scheduled.splice(state.scheduled.indexOf(entry), 1);
			return ok();
		}
		if (method === 'GET' && p === '/messages') {
			const { start, end } = range(query, 0);
			if (end < start) return refusal('end_date must not be before start_date.');
			if (daysBetween(start, end) > MAX_RANGE_DAYS) return refusal('end_date can be at most 31 days after start_date.');
			return ok(state.history.filter(inRange({ start, end })));
		}
		if (method === 'GET' && p === '/messages/search') {
			const within = inRange(range(query, 90));
			const direction = query.direction || 'both';
			const text = String(query.text || '').toLowerCase();
			return ok(
				state.history.filter(
					(message) =>
						within(message) &&
						(direction === 'both' || message.direction === direction) &&
						String(message.text || '').toLowerCase().includes(text),
				),
			);
		}
		if (method === 'GET' && p === '/messages/unreplied') {
			const within = inRange(range(query, 90));
			const number = (value) => String(value || '').replace(/^\+/, '');
			return ok(
				state.history.filter(
					(message, i) =>
						message.direction === 'incoming' &&
						within(message) &&
						!state.history.slice(i + 1).some((later) => later.direction === 'outbound' && number(later.to) === number(message.from)),
				),
			);
		}
		return undefined;
	}

	function runJob(entry) {
		entry.status = 'executed';
		for (const { to, name } of entry.recipients) deliver({ job_id: entry.job_id, to, name, text: entry.text, channel_key: entry.channel_key });
	}

	/** A scheduled message whose time has come is sent (the test says when). */
	function sendDue() {
		const now = clock();
		for (const message of [...state.scheduled]) {
			if (ran(message.schedule, now)) {
				state.scheduled.splice(state.scheduled.indexOf(message), 1);
				deliver({ message_id: message.message_id, to: message.to, name: message.name, text: message.text, channel_key: message.channel_key });
			}
		}
		for (const entry of state.jobs) if (entry.status !== 'executed' && ran(entry.schedule, now)) runJob(entry);
	}

	function reset() {
		state.jobs.length = 0;
		state.scheduled.length = 0;
		state.history.length = 0;
		state.delivered.length = 0;
		state.now = undefined;
	}

	return { state, answer, sendDue, reset };
}

module.exports = { createMessagingRoutes, checkMessaging, MAX_RANGE_DAYS, LIST_CAP };
