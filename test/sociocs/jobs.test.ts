/**
 * Bulk Job (Get Many, Reschedule, Cancel) and Scheduled Message (Get Many, Cancel) in n8n's
 * engine against the strict mock, including the round trips Send to Many -> Reschedule /
 * Cancel and Send (with a Schedule) -> Cancel, and Sociocs' refusals for what already ran.
 */
import { expectRejectedBeforeSending, jsonOf, pairedIndexes } from '../helpers/assertions';
import { runNode } from '../helpers/engine';
import { startMockApi } from '../mock/mockApi';
import type { MockApi } from '../mock/mockApi';
import { sociocs } from './helpers';

let api: MockApi;
beforeAll(async () => (api = await startMockApi()));
afterAll(async () => await api.close());
beforeEach(() => api.reset());

const FUTURE = '2099-06-01T09:00:00Z';
const phone = (i: number) => `+1617555${String(1000 + i)}`;

async function sendMany(count: number, options: Record<string, unknown> = {}) {
	const result = await runNode(
		sociocs(api, { operation: 'sendMany', provider: 'twlo', channelKey: 'chan-1', to: '={{ $json.phone }}', text: 'Sale', options }),
		Array.from({ length: count }, (_, i) => ({ phone: phone(i) })),
	);
	expect(result.error).toBeUndefined();
	return jsonOf(result.items);
}

const bulkJob = (operation: string, parameters: Record<string, unknown> = {}, extra = {}) =>
	sociocs(api, { resource: 'bulkJob', operation, ...parameters }, extra);
const scheduled = (operation: string, parameters: Record<string, unknown> = {}, extra = {}) =>
	sociocs(api, { resource: 'scheduledMessage', operation, ...parameters }, extra);

describe('Bulk Job', () => {
	test('Send to Many with a Schedule -> Get Many lists it -> Reschedule -> Cancel; the exact requests', async () => {
		const [job] = await sendMany(3, { schedule: FUTURE });
		api.requests.length = 0;

		const listed = await runNode(bulkJob('getMany', { returnAll: true }));
		expect(api.requests.map((r) => [r.method, r.path, r.query])).toEqual([['GET', '/sociocs/messages/bulk', {}]]);
		expect(jsonOf(listed.items)).toEqual([{ job_id: job.job_id, status: 'scheduled', schedule: '2099-06-01T09:00:00+00:00', recipient_count: 3, text: 'Sale' }]);

		const moved = await runNode(bulkJob('reschedule', { jobId: '={{ $json.job_id }}', schedule: '2099-07-01T10:00:00' }, { timezone: 'Europe/Berlin' }), [job]);
		expect(api.requests.at(-1)).toMatchObject({ method: 'PUT', path: `/sociocs/messages/bulk/${String(job.job_id)}`, body: { schedule: '2099-07-01T10:00:00+02:00' } });
		expect(jsonOf(moved.items)).toEqual([{ job_id: job.job_id, schedule: '2099-07-01T10:00:00+02:00', rescheduled: true }]);
		expect(api.messages.state.jobs[0].schedule).toBe('2099-07-01T10:00:00+02:00');

		const cancelled = await runNode(bulkJob('cancel', { jobId: '={{ $json.job_id }}' }), [job]);
		expect(api.requests.at(-1)).toMatchObject({ method: 'DELETE', path: `/sociocs/messages/bulk/${String(job.job_id)}`, body: undefined });
		expect(jsonOf(cancelled.items)).toEqual([{ job_id: job.job_id, cancelled: true }]);
		expect(api.messages.state.jobs).toEqual([]);
		expect(api.messages.state.delivered).toEqual([]);
	});

	test('a job that already ran: Reschedule and Cancel are Sociocs\' refusal in its own words, without a delivery verdict', async () => {
		const [job] = await sendMany(2);
		for (const [operation, parameters] of [
			['cancel', { jobId: job.job_id }],
			['reschedule', { jobId: job.job_id, schedule: FUTURE }],
		] as const) {
			const result = await runNode(bulkJob(operation, parameters));
			expect(result.error?.message).toBe('Bulk job is being executed or has been executed. It cannot be updated or deleted.');
			expect(result.error?.description).toBe(`Sociocs answered HTTP 400 to ${operation === 'cancel' ? 'DELETE' : 'PUT'} /messages/bulk/${String(job.job_id)}.`);
			expect(result.error?.context?.delivery).toBeUndefined();
		}
		const withContinue = await runNode(bulkJob('cancel', { jobId: '={{ $json.id }}' }, { continueOnFail: true }), [{ id: job.job_id }, { id: 'job-unknown' }]);
		expect(jsonOf(withContinue.items)).toEqual([
			{ error: 'Bulk job is being executed or has been executed. It cannot be updated or deleted.', description: expect.any(String), httpCode: '400' },
			{ error: 'Invalid job_id.', description: expect.any(String), httpCode: '400' },
		]);
		expect(pairedIndexes(withContinue.items)).toEqual([0, 1]);
	});

	test('Get Many: at most 100 (Sociocs\' cap), newest scheduled first, Limit cuts it', async () => {
		await sendMany(105, { recipientsPerJob: 1, schedule: FUTURE });
		const all = await runNode(bulkJob('getMany', { returnAll: true }));
		expect(all.items).toHaveLength(100);
		const some = await runNode(bulkJob('getMany', { returnAll: false, limit: 3 }));
		expect(jsonOf(some.items).map((j) => j.recipient_count)).toEqual([1, 1, 1]);
		expect(api.requests.filter((r) => r.method === 'GET')).toHaveLength(2);
	});

	test.each([
		['Cancel without a job ID', 'cancel', { jobId: '={{ $json.missing }}' }, /^Invalid "Job ID" in item 0: expected an ID without spaces or slashes/],
		['Cancel with a slash in the ID', 'cancel', { jobId: 'job1/../x' }, /^Invalid "Job ID" in item 0: expected an ID without spaces or slashes, e.g. the job_id from Send to Many; got "job1\/..\/x"/],
		['Reschedule with a space in the ID', 'reschedule', { jobId: 'job 1', schedule: FUTURE }, /^Invalid "Job ID" in item 0/],
		['Reschedule without a schedule', 'reschedule', { jobId: 'job1', schedule: '={{ $json.missing }}' }, /^Invalid "Schedule" in item 0: expected a date-time/],
		['Reschedule with no date', 'reschedule', { jobId: 'job1', schedule: 'soon' }, /^Invalid "Schedule" in item 0: expected an ISO 8601 date-time/],
		['Get Many with Limit 0', 'getMany', { returnAll: false, limit: 0 }, /^Invalid "Limit" in item 0: expected a whole number of at least 1; got 0/],
		['Get Many with Return All "maybe"', 'getMany', { returnAll: '={{ "maybe" }}' }, /^Invalid "Return All" in item 0: expected true or false; got "maybe"/],
	])('%s: refused before any request', async (_label, operation, parameters, pattern) => {
		expectRejectedBeforeSending(await runNode(bulkJob(operation, parameters)), api, pattern);
	});
});

describe('Scheduled Message', () => {
	test('Send with a Schedule -> Get Many -> Cancel by the message_id Send gave (the round trip)', async () => {
		const sent = await runNode(
			sociocs(api, { operation: 'send', provider: 'twlo', channelKey: 'chan-1', to: '+16175551212', text: 'Later', options: { schedule: FUTURE } }),
		);
		const [message] = jsonOf(sent.items);
		expect(message.schedule).toBe('2099-06-01T09:00:00+00:00');

		const listed = await runNode(scheduled('getMany', { returnAll: true }));
		expect(api.requests.at(-1)).toMatchObject({ method: 'GET', path: '/sociocs/messages/scheduled', query: {} });
		expect(jsonOf(listed.items)).toEqual([
			{ message_id: message.message_id, to: '+16175551212', text: 'Later', schedule: '2099-06-01T09:00:00+00:00', channel_key: 'chan-1' },
		]);

		const cancelled = await runNode(scheduled('cancel', { messageId: '={{ $json.message_id }}' }), [message]);
		expect(api.requests.at(-1)).toMatchObject({ method: 'DELETE', path: `/sociocs/messages/scheduled/${String(message.message_id)}` });
		expect(jsonOf(cancelled.items)).toEqual([{ message_id: message.message_id, cancelled: true }]);
		expect(api.messages.state.scheduled).toEqual([]);
		// Its time comes: nothing is sent.
		api.messages.state.now = Date.parse('2100-01-01T00:00:00Z');
		api.messages.sendDue();
		expect(api.messages.state.delivered).toEqual([]);
	});

	test('a scheduled message that was sent: Cancel is Sociocs\' refusal in its words', async () => {
		const sent = await runNode(
			sociocs(api, { operation: 'send', provider: 'twlo', channelKey: 'chan-1', to: '+16175551212', text: 'Later', options: { schedule: FUTURE } }),
		);
		const [message] = jsonOf(sent.items);
		api.messages.state.now = Date.parse('2100-01-01T00:00:00Z');
		api.messages.sendDue();
		const result = await runNode(scheduled('cancel', { messageId: message.message_id }));
		expect(result.error?.message).toBe('Message is being sent or has been sent. It cannot be deleted.');
		expect(result.error?.context?.delivery).toBeUndefined();
	});

	test('Get Many: at most 100 (Sociocs\' cap), Limit cuts it', async () => {
		for (let i = 0; i < 102; i++) api.messages.state.scheduled.push({ message_id: `m${i}`, to: phone(i), schedule: FUTURE, created_at: FUTURE });
		expect((await runNode(scheduled('getMany', { returnAll: true }))).items).toHaveLength(100);
		expect((await runNode(scheduled('getMany', { limit: 2 }))).items).toHaveLength(2);
	});

	test.each([
		['Cancel without an ID', { messageId: '={{ $json.missing }}' }, /^Invalid "Message ID" in item 0: expected an ID without spaces or slashes, e.g. the message_id from Send; it is empty/],
		['Cancel with a question mark', { messageId: 'msg1?x=1' }, /^Invalid "Message ID" in item 0/],
	])('%s: refused before any request', async (_label, parameters, pattern) => {
		expectRejectedBeforeSending(await runNode(scheduled('cancel', parameters)), api, pattern);
	});

	test('Continue On Fail: a bad ID is an error item in its place, the others are cancelled in order', async () => {
		for (const id of ['a1', 'a2']) api.messages.state.scheduled.push({ message_id: id, schedule: FUTURE, created_at: FUTURE });
		const result = await runNode(scheduled('cancel', { messageId: '={{ $json.id }}' }, { continueOnFail: true }), [{ id: 'a1' }, { id: 'bad id' }, { id: 'a2' }]);
		expect(jsonOf(result.items).map((j) => j.message_id ?? j.error)).toEqual(['a1', expect.stringMatching(/^Invalid "Message ID" in item 1/), 'a2']);
		expect(pairedIndexes(result.items)).toEqual([0, 1, 2]);
		expect(api.requests.map((r) => r.path)).toEqual(['/sociocs/messages/scheduled/a1', '/sociocs/messages/scheduled/a2']);
	});
});
