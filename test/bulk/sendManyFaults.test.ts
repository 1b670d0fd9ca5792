/**
 * The fault matrix of Sociocs Send to Many: a 503, a timeout and a 429 on job k of n. From the
 * mock's log and the node's output: no recipient is sent twice, and every output item tells
 * the truth (a job reported sent is one the mock created with exactly those recipients; a job
 * reported `unknown` reached the mock; a job reported not sent never did).
 */
import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import { jsonOf } from '../helpers/assertions';
import { runNode } from '../helpers/engine';
import { startMockApi } from '../mock/mockApi';
import type { MockApi, MockResponse } from '../mock/mockApi';
import { sociocs } from '../sociocs/helpers';

const JOBS = 4;
const PER_JOB = 25;
const phone = (i: number) => `+1617555${String(1000 + i)}`;
const input = Array.from({ length: JOBS * PER_JOB }, (_, i) => ({ phone: phone(i) }));

type Fault = '503' | 'timeout' | '429' | '503+retry-after';
const ANSWERS: Record<Fault, MockResponse> = {
	'503': { status: 503, body: 'Service Unavailable' },
	// Never answers: the node's 1 s timeout ends it, however fast or slow the machine is.
	timeout: { hang: true },
	'429': { status: 429, headers: { 'retry-after': '0' }, body: { status: 'error', errors: [{ msg: 'Too many requests' }] } },
	'503+retry-after': { status: 503, headers: { 'retry-after': '0' }, body: 'Service Unavailable' },
};
/** Answers that prove the API did not process the job: the only ones sent again. */
const REFUSALS: Fault[] = ['429', '503+retry-after'];

let api: MockApi;
beforeAll(async () => (api = await startMockApi()));
afterAll(async () => await api.close());
beforeEach(() => api.reset());

const bulkRequests = () => api.requests.filter((r) => r.path === '/sociocs/messages/bulk');
const phonesOf = (items: number[]) => items.map((i) => input[i].phone);

async function run(fault: Fault, k: number, continueOnFail: boolean) {
	let attempt = 0;
	api.on({ path: '/sociocs/messages/bulk' }, () => (++attempt === k ? ANSWERS[fault] : undefined));
	return await runNode(
		sociocs(
			api,
			{
				operation: 'sendMany',
				provider: 'twlo',
				channelKey: 'chan-1',
				to: '={{ $json.phone }}',
				text: 'Sale today',
				options: { recipientsPerJob: PER_JOB, timeout: 1 },
			},
			{ continueOnFail },
		),
		input,
	);
}

/** No number reached the mock twice in requests it processed (a 429 is not processed). */
function expectNoneSentTwice() {
	const reached = bulkRequests()
		.filter((r) => r.outcome === 'processed')
		.flatMap((r) => (r.body.recipients as Array<{ to: string }>).map((recipient) => recipient.to));
	expect(new Set(reached).size).toBe(reached.length);
	return reached;
}

/** Each output item checked against what the mock saw. */
function expectTruthful(items: INodeExecutionData[]) {
	const created = new Map(api.messages.state.jobs.map((job) => [job.job_id, job.recipients.map((r: IDataObject) => r.to)]));
	const reached = new Set(bulkRequests().filter((r) => r.outcome === 'processed').flatMap((r) => r.body.recipients.map((x: IDataObject) => x.to)));
	for (const json of jsonOf(items)) {
		const phones = phonesOf(json.input_items as number[]);
		if (json.job_id !== undefined) expect(created.get(json.job_id as string)).toEqual(phones);
		else if (json.delivery === 'unknown') expect(phones.every((p) => reached.has(p))).toBe(true);
		else {
			expect(json.delivery).toBe('no');
			expect(phones.some((p) => reached.has(p))).toBe(false);
		}
	}
}

describe.each([1, 3, JOBS])('fault on job %i of 4', (k) => {
	test.each(REFUSALS)('%s: waited out and sent again; every recipient once, every job reported sent', async (fault) => {
		const result = await run(fault, k, false);
		expect(result.error).toBeUndefined();
		expect(bulkRequests()).toHaveLength(JOBS + 1);
		expect(expectNoneSentTwice()).toHaveLength(JOBS * PER_JOB);
		expect(result.items).toHaveLength(JOBS);
		expectTruthful(result.items);
	});

	test.each(['503', 'timeout'] as Fault[])('%s: never sent again, later jobs not sent; the error says which were and were not', async (fault) => {
		const result = await run(fault, k, false);
		expect(bulkRequests()).toHaveLength(k);
		expectNoneSentTwice();
		const first = (k - 1) * PER_JOB;
		const description = result.error?.description ?? '';
		expect(description).toContain(`job ${k} (items ${first}-${first + PER_JOB - 1}) may have been delivered`);
		expect(description).toContain(k === 1 ? 'No job was sent before it.' : 'Sent: job 1 (items 0-24)');
		expect(description).toContain(k === JOBS ? 'No job was left to send.' : `Not sent: job ${k + 1} (items ${k * PER_JOB}-`);
	});

	test.each(['503', 'timeout'] as Fault[])('%s with Continue On Fail: one item per job, each true', async (fault) => {
		const result = await run(fault, k, true);
		expect(bulkRequests()).toHaveLength(k);
		expectNoneSentTwice();
		const out = jsonOf(result.items);
		expect(out.map((j) => (j.job_id !== undefined ? 'sent' : j.delivery))).toEqual(
			Array.from({ length: JOBS }, (_, i) => (i < k - 1 ? 'sent' : i === k - 1 ? 'unknown' : 'no')),
		);
		expectTruthful(result.items);
		expect(result.items.map((item) => (item.pairedItem as Array<{ item: number }>).length)).toEqual(Array(JOBS).fill(PER_JOB));
	});
});
