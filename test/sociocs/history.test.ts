/**
 * Message > Get Many, Search and Get Unreplied in n8n's engine against the strict mock: days in
 * the workflow's time zone, a range of any length read in windows of at most 31 days (the
 * mock refuses a longer one, as Sociocs does since 2026-08-20), Return All / Limit, refusals.
 */
import { formatInZone } from '../../nodes/shared/dates';
import { windows } from '../../nodes/Sociocs/actions/message/dateRange';
import { expectRejectedBeforeSending, jsonOf, pairedIndexes } from '../helpers/assertions';
import { runNode } from '../helpers/engine';
import { startMockApi } from '../mock/mockApi';
import type { MockApi } from '../mock/mockApi';
import { API_KEY, sociocs } from './helpers';

let api: MockApi;
beforeAll(async () => (api = await startMockApi()));
afterAll(async () => await api.close());
beforeEach(() => api.reset());

const messages = (operation: string, parameters: Record<string, unknown> = {}, extra = {}) =>
	sociocs(api, { operation, ...parameters }, extra);
const queries = () => api.requests.map((r) => [r.method, r.path, r.query]);
/** One message per day at noon UTC, from `first` for `days` days. */
function history(first: string, days: number, extra: Record<string, unknown> = {}) {
	const start = Date.parse(`${first}T12:00:00Z`);
	for (let d = 0; d < days; d++) {
		api.messages.state.history.push({ message_id: `h${d}`, direction: 'incoming', from: '16175551212', text: `day ${d}`, created_at: new Date(start + d * 86_400_000).toISOString(), ...extra });
	}
}

describe('the mock keeps Sociocs\' 31-day rule', () => {
	test('32 days apart is a 400 envelope; 31 is fine; end before start too', async () => {
		const get = async (query: string) => {
			const response = await fetch(`${api.urls.sociocs}/messages?${query}`, { headers: { apikey: API_KEY } });
			return [response.status, await response.json()];
		};
		expect(await get('start_date=2026-01-01&end_date=2026-02-02')).toEqual([400, { status: 'error', errors: [{ msg: 'end_date can be at most 31 days after start_date.' }] }]);
		expect(await get('start_date=2026-01-01&end_date=2026-02-01')).toEqual([200, { status: 'success', data: [] }]);
		expect((await get('start_date=2026-01-02&end_date=2026-01-01'))[0]).toBe(400);
		expect((await get('start_date=2026/01/02'))[0]).toBe(400);
		expect((await get('start_date=2026-01-01&page=2'))[0]).toBe(400);
	});
});

describe('Message > Get Many', () => {
	test('365 days: 12 windows of at most 31 days, in order, no gap and no overlap; every message once, oldest window first', async () => {
		history('2025-01-01', 365);
		const result = await runNode(messages('getMany', { startDate: '2025-01-01', endDate: '2025-12-31', returnAll: true }));
		expect(result.error).toBeUndefined();
		const asked = api.requests.map((r) => r.query);
		expect(asked).toHaveLength(12);
		expect(asked[0]).toEqual({ start_date: '2025-01-01', end_date: '2025-01-31' });
		expect(asked[1]).toEqual({ start_date: '2025-02-01', end_date: '2025-03-03' });
		expect(asked[11]).toEqual({ start_date: '2025-12-08', end_date: '2025-12-31' });
		expect(api.requests.every((r) => r.status === 200)).toBe(true);
		expect(jsonOf(result.items).map((m) => m.message_id)).toEqual(Array.from({ length: 365 }, (_, d) => `h${d}`));
		expect(new Set(pairedIndexes(result.items))).toEqual(new Set([0]));
	});

	test('windows() of any range: consecutive, at most 31 days each (end 30 days after start), covering it exactly', () => {
		for (const [start, end, count] of [
			['2026-01-01', '2026-01-01', 1],
			['2026-01-01', '2026-01-31', 1],
			['2026-01-01', '2026-02-01', 2],
			['2024-02-01', '2034-01-31', 118],
		] as const) {
			const parts = windows({ start, end });
			expect(parts).toHaveLength(count);
			expect(parts[0].start).toBe(start);
			expect(parts.at(-1)?.end).toBe(end);
			for (let i = 0; i < parts.length; i++) {
				const span = (Date.parse(parts[i].end) - Date.parse(parts[i].start)) / 86_400_000;
				expect(span).toBeGreaterThanOrEqual(0);
				expect(span).toBeLessThanOrEqual(30);
				if (i > 0) expect(Date.parse(parts[i].start) - Date.parse(parts[i - 1].end)).toBe(86_400_000);
			}
		}
	});

	test('Limit: stops asking for windows once it has enough', async () => {
		history('2025-01-01', 365);
		const result = await runNode(messages('getMany', { startDate: '2025-01-01', endDate: '2025-12-31', returnAll: false, limit: 40 }));
		expect(result.items).toHaveLength(40);
		expect(api.requests).toHaveLength(2);
	});

	test('days are the workflow\'s: a date-time counts by its day in the workflow\'s time zone; empty dates are today there', async () => {
		await runNode(messages('getMany', { startDate: '2026-03-01T02:00:00Z', endDate: '2026-03-01T02:00:00Z', returnAll: true }, { timezone: 'America/New_York' }));
		expect(api.requests[0].query).toEqual({ start_date: '2026-02-28', end_date: '2026-02-28' });
		api.reset();
		await runNode(messages('getMany', { returnAll: true }, { timezone: 'Pacific/Kiritimati' }));
		const today = formatInZone(Date.now(), 'Pacific/Kiritimati').slice(0, 10);
		expect(api.requests[0].query).toEqual({ start_date: today, end_date: today });
	});

	test('a window Sociocs refuses stops the item: its words, no window after the read-ahead asked for', async () => {
		let n = 0;
		api.on({ path: '/sociocs/messages' }, () => (++n === 2 ? { status: 400, body: { status: 'error', errors: [{ msg: 'Too many messages in range.' }] } } : undefined));
		const result = await runNode(messages('getMany', { startDate: '2025-01-01', endDate: '2025-06-30', returnAll: true }));
		expect(result.error?.message).toBe('Too many messages in range.');
		expect(result.error?.description).toBe('Sociocs answered HTTP 400 to GET /messages.');
		// Return All reads 3 windows ahead, in order: windows 1-3 at once, window 4 once window 1 was in; 5 and 6 never.
		expect(api.requests.map((r) => r.query.start_date)).toEqual(['2025-01-01', '2025-02-01', '2025-03-04', '2025-04-04']);
		expect(result.items).toEqual([]);
	});

	test.each([
		['an End Date before the Start Date', { startDate: '2026-02-01', endDate: '2026-01-31' }, /^Invalid "End Date" in item 0: expected a day on or after the Start Date \(2026-02-01\); got "2026-01-31"/],
		['a Start Date that is no date', { startDate: 'yesterday' }, /^Invalid "Start Date" in item 0: expected a date, e.g. 2026-11-24 \(or a date-time\); got "yesterday"/],
		['an End Date that does not exist', { endDate: '2026-02-30' }, /^Invalid "End Date" in item 0: expected a date/],
		['a Limit of 0', { limit: 0 }, /^Invalid "Limit" in item 0: expected a whole number of at least 1; got 0/],
		['a Limit of 2.5', { limit: 2.5 }, /^Invalid "Limit" in item 0: expected a whole number of at least 1; got 2.5/],
	])('%s: refused before any request', async (_label, parameters, pattern) => {
		expectRejectedBeforeSending(await runNode(messages('getMany', parameters)), api, pattern);
	});
});

describe('Message > Search and Get Unreplied', () => {
	test('Search: text, direction and both days sent; the answer\'s messages are the output', async () => {
		history('2026-01-01', 3);
		api.messages.state.history.push({ message_id: 'o1', direction: 'outbound', to: '16175551212', text: 'day 1 answer', created_at: '2026-01-02T13:00:00.000Z' });
		const result = await runNode(messages('search', { searchText: ' day 1 ', direction: 'incoming', startDate: '2026-01-01', endDate: '2026-01-31', returnAll: true }));
		expect(queries()).toEqual([['GET', '/sociocs/messages/search', { text: 'day 1', direction: 'incoming', start_date: '2026-01-01', end_date: '2026-01-31' }]]);
		expect(jsonOf(result.items).map((m) => m.message_id)).toEqual(['h1']);
	});

	test('Search and Get Unreplied without dates: 90 days up to today in the workflow\'s time zone (Sociocs\' default, made explicit)', async () => {
		await runNode(messages('search', { searchText: 'refund' }, { timezone: 'Asia/Tokyo' }));
		await runNode(messages('getUnreplied', {}, { timezone: 'Asia/Tokyo' }));
		const today = formatInZone(Date.now(), 'Asia/Tokyo').slice(0, 10);
		const start = new Date(Date.parse(`${today}T00:00:00Z`) - 90 * 86_400_000).toISOString().slice(0, 10);
		expect(queries()).toEqual([
			['GET', '/sociocs/messages/search', { text: 'refund', direction: 'both', start_date: start, end_date: today }],
			['GET', '/sociocs/messages/unreplied', { start_date: start, end_date: today }],
		]);
	});

	test('Get Unreplied: a range longer than 31 days is one request (the rule is for /messages only); Limit applies', async () => {
		history('2026-01-01', 60);
		const result = await runNode(messages('getUnreplied', { startDate: '2026-01-01', endDate: '2026-03-31', returnAll: false, limit: 5 }));
		expect(queries()).toEqual([['GET', '/sociocs/messages/unreplied', { start_date: '2026-01-01', end_date: '2026-03-31' }]]);
		expect(jsonOf(result.items).map((m) => m.message_id)).toEqual(['h0', 'h1', 'h2', 'h3', 'h4']);
	});

	test('Continue On Fail: each item its own search, a bad one an error item in its place', async () => {
		const result = await runNode(messages('search', { searchText: '={{ $json.q }}', returnAll: true }, { continueOnFail: true }), [{ q: 'a' }, { q: '' }, { q: 'b' }]);
		expect(jsonOf(result.items)).toEqual([{ error: expect.stringMatching(/^Invalid "Search Text" in item 1: expected a text to search for; it is empty/), description: expect.any(String) }]);
		expect(pairedIndexes(result.items)).toEqual([1]);
		expect(api.requests.map((r) => r.query.text)).toEqual(['a', 'b']);
	});

	test.each([
		['Search without text', 'search', { searchText: '={{ $json.missing }}' }, /^Invalid "Search Text" in item 0: expected a text to search for; it is empty/],
		['Search with an unknown direction', 'search', { searchText: 'x', direction: '={{ "outgoing" }}' }, /^Invalid "Direction" in item 0: expected one of both, incoming, outbound; got "outgoing"/],
		['Search with an End Date before the Start Date', 'search', { searchText: 'x', startDate: '2026-03-02', endDate: '2026-03-01' }, /^Invalid "End Date" in item 0/],
		['Get Unreplied with a bad Start Date', 'getUnreplied', { startDate: '31/12/2026' }, /^Invalid "Start Date" in item 0: expected a date/],
	])('%s: refused before any request', async (_label, operation, parameters, pattern) => {
		expectRejectedBeforeSending(await runNode(messages(operation, parameters)), api, pattern);
	});
});
