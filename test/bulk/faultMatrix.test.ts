/**
 * The fault matrix: a 200-item bulk send with concurrency on, where the mock injects every
 * kind of failure. From the mock's log and the node's output: each item delivered at most
 * once, every undelivered item an error item saying what happened, retries only where the
 * API proved it did not process the request, and order kept.
 */
import type { IDataObject } from 'n8n-workflow';

import { jsonOf, pairedIndexes } from '../helpers/assertions';
import { runNode } from '../helpers/engine';
import { startMockApi } from '../mock/mockApi';
import type { MockApi, MockResponse, RecordedRequest } from '../mock/mockApi';
import { sociocs } from '../sociocs/helpers';

const ITEMS = 200;
// 40 recipients put the four items that time out (19, 69, 119, 169) on four different recipients, so
// their 3 s waits overlap instead of queueing behind each other; each recipient still has 5 items.
const RECIPIENTS = 40;

type Fault = '429+retry-after' | '429' | '503+retry-after' | '500' | 'drop' | 'timeout' | '200-error' | '307' | '303';
const FAULTS: Record<number, Fault> = {
	3: '429+retry-after',
	7: '429',
	11: '503+retry-after',
	13: '500',
	17: 'drop',
	19: 'timeout',
	23: '200-error',
	29: '307',
	31: '303',
};
const faultOf = (index: number): Fault | undefined => FAULTS[index % 50];

/** Faults the API answers without processing: the only ones that may be retried. */
const REFUSED: Fault[] = ['429+retry-after', '429', '503+retry-after'];

function answer(fault: Fault): MockResponse {
	switch (fault) {
		case '429+retry-after':
			return { status: 429, headers: { 'retry-after': '1' }, body: { status: 'error', errors: [{ msg: 'Too many requests' }] } };
		case '429':
			return { status: 429, body: { status: 'error', errors: [{ msg: 'Too many requests' }] } };
		case '503+retry-after':
			return { status: 503, headers: { 'retry-after': '1' }, body: 'Service Unavailable' };
		case '500':
			return { status: 500, body: { status: 'error', errors: [{ msg: 'Internal error' }] } };
		case 'drop':
			return { drop: true };
		case 'timeout':
			// Never answers: the node's timeout ends it, however slow or fast the machine is.
			return { hang: true };
		case '200-error':
			return { status: 200, body: { status: 'error', errors: [{ msg: 'Recipient has opted out.' }] } };
		// Following either would send the message again, elsewhere.
		case '307':
			return { status: 307, headers: { location: '/sociocs/elsewhere' } };
		case '303':
			return { status: 303, headers: { location: '/sociocs/receipt' } };
	}
}

let api: MockApi;
beforeAll(async () => (api = await startMockApi()));
afterAll(async () => await api.close());

const input: IDataObject[] = Array.from({ length: ITEMS }, (_, i) => ({
	to: `+1617555${String(1000 + (i % RECIPIENTS))}`,
	text: `m${i}`,
}));
const indexOf = (request: RecordedRequest) => Number(String(request.body?.text).slice(1));

test('fault matrix: at most once, every failure reported, only refused requests retried, order kept', async () => {
	const attempts = new Map<number, number>();
	api.on({ path: '/sociocs/message' }, (request) => {
		const index = indexOf(request);
		const attempt = (attempts.get(index) ?? 0) + 1;
		attempts.set(index, attempt);
		const fault = faultOf(index);
		if (!fault) return undefined;
		// Refusals happen once; the other faults every time (they must not be retried anyway).
		if (REFUSED.includes(fault) && attempt > 1) return undefined;
		return answer(fault);
	});

	const result = await runNode(
		sociocs(
			api,
			{ operation: 'send', provider: 'twlo', channelKey: 'chan-1', to: '={{ $json.to }}', text: '={{ $json.text }}', options: { timeout: 3, concurrency: 10 } },
			{ continueOnFail: true },
		),
		input,
	);
	expect(result.error).toBeUndefined();

	const out = jsonOf(result.items);
	expect(out).toHaveLength(ITEMS);
	expect(pairedIndexes(result.items)).toEqual(input.map((_, i) => i));

	const byItem = new Map<number, RecordedRequest[]>();
	for (const request of api.requests) byItem.set(indexOf(request), [...(byItem.get(indexOf(request)) ?? []), request]);

	for (let index = 0; index < ITEMS; index++) {
		const requests = byItem.get(index) ?? [];
		const fault = faultOf(index);
		const processed = requests.filter((r) => r.outcome === 'processed' || r.outcome === 'dropped');
		// Delivered (or possibly delivered) at most once.
		expect(processed.length).toBeLessThanOrEqual(1);

		if (!fault) {
			expect(requests).toHaveLength(1);
			expect(out[index]).toMatchObject({ to: input[index].to });
			expect(out[index].message_id).toMatch(/^msg/);
		} else if (REFUSED.includes(fault)) {
			// Retried exactly once after the refusal, then delivered.
			expect(requests.map((r) => r.outcome)).toEqual(['refused', 'processed']);
			expect(out[index].error).toBeUndefined();
			expect(out[index].message_id).toMatch(/^msg/);
		} else {
			// Never retried: the API may have processed it, or said no for good.
			expect(requests).toHaveLength(1);
			expect(typeof out[index].error).toBe('string');
		}
	}

	const errorOf = (fault: Fault) => out.filter((_, i) => faultOf(i) === fault);
	for (const item of errorOf('500')) {
		expect(item).toMatchObject({ error: 'Internal error', httpCode: '500', delivery: 'unknown' });
		expect(item.description).toMatch(/^May have been delivered/);
	}
	for (const item of errorOf('drop')) {
		expect(item.error).toMatch(/^The connection to Sociocs failed after the request was sent/);
		expect(item.delivery).toBe('unknown');
	}
	for (const item of errorOf('timeout')) {
		expect(item.error).toBe('Sociocs did not answer within 3000 ms');
		expect(item.delivery).toBe('unknown');
	}
	for (const item of errorOf('200-error')) {
		expect(item).toMatchObject({ error: 'Recipient has opted out.', delivery: 'no' });
	}
	for (const item of errorOf('307')) {
		expect(item).toMatchObject({ error: 'Sociocs redirected the request (HTTP 307) to /sociocs/elsewhere', httpCode: '307', delivery: 'no' });
	}
	for (const item of errorOf('303')) {
		expect(item).toMatchObject({ error: 'Sociocs redirected the request (HTTP 303) to /sociocs/receipt', httpCode: '303', delivery: 'unknown' });
		expect(item.description).toMatch(/^May have been delivered/);
	}
	expect(errorOf('307')).toHaveLength(ITEMS / 50);
	// Redirects were not followed.
	expect(api.requests.filter((r) => r.path !== '/sociocs/message')).toEqual([]);

	// Messages to one recipient reached the API in input order.
	for (let recipient = 0; recipient < RECIPIENTS; recipient++) {
		const arrived = api.requests
			.filter((r) => r.body?.to === input[recipient].to && r.outcome !== 'refused')
			.map(indexOf);
		expect(arrived).toEqual([...arrived].sort((a, b) => a - b));
	}
}, 90_000);
