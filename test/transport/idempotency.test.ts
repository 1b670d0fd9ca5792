import type { IDataObject } from 'n8n-workflow';

import { idProof } from '../../nodes/shared/transport';
import type { ApiRequest } from '../../nodes/shared/transport';
import { jsonOf, pairedIndexes } from '../helpers/assertions';
import { runNode } from '../helpers/engine';
import { startMockApi } from '../mock/mockApi';
import type { MockApi, MockResponse, RecordedRequest } from '../mock/mockApi';
import { probe, sendingProbe } from './probe';

/**
 * Writes with an idempotency key (nodes/shared/transport): an unknown outcome is sent again
 * with the same key, the replay's answer counts as delivered, `retryableWhen` answers are
 * retried, `finalWhen` ones never are, and a write without a key keeps today's rule.
 */
let api: MockApi;
beforeAll(async () => (api = await startMockApi()));
afterAll(async () => await api.close());
beforeEach(() => api.reset());

const PATH = /^\/inbox\/api\/v1\/threads\/[a-z0-9]+\/messages$/;
const sent = () => api.requests.filter((r) => PATH.test(r.path));
const keyOf = (request: RecordedRequest) => request.headers['idempotency-key'];

const inProgress = (status: number, body: unknown) => status === 409 && (body as IDataObject)?.code === 'sendInProgress';
const unconfirmed = (status: number, body: unknown) => status === 502 && (body as IDataObject)?.code === 'sendUnconfirmed';

/** One reply per item, keyed `key-<item>` unless `keyed` is false; the output says how it was answered. */
function replies(keyed = true, extra: Partial<ApiRequest> = {}) {
	return sendingProbe((itemIndex) => ({
		request: {
			method: 'POST',
			path: `/threads/thread${itemIndex}/messages`,
			body: { content: `m${itemIndex}` },
			proof: idProof("the created message's id", (body) => body.id),
			...(keyed ? { idempotencyKey: `key-${itemIndex}` } : {}),
			retryableWhen: inProgress,
			finalWhen: unconfirmed,
			...extra,
		},
		output: (body, answer) => ({ id: (body as IDataObject).id as string, status: answer.status, attempts: answer.attempts }),
	}));
}

async function run(first: MockResponse[], options: IDataObject = {}, keyed = true, items = 1) {
	for (const response of first) api.once({ method: 'POST' }, response);
	const result = await runNode(probe(api, replies(keyed), { options }), Array.from({ length: items }, () => ({})));
	expect(result.error).toBeUndefined();
	return jsonOf(result.items);
}

describe('with a key, an unknown outcome is sent again with the same key', () => {
	test.each<[string, MockResponse]>([
		['a 503 without Retry-After', { status: 503, body: { message: 'upstream down' } }],
		['a 500', { status: 500, body: { message: 'Internal error' } }],
		['a dropped connection', { drop: true }],
		['a timeout', { hang: true }],
	])('%s, then the replay delivers it', async (_what, fault) => {
		const [item] = await run([fault], { timeout: 1 });
		expect(item).toMatchObject({ status: 200, attempts: 2 });
		expect(item.id).toMatch(/^m\d+$/);
		expect(sent().map(keyOf)).toEqual(['key-0', 'key-0']);
		expect(sent().map((r) => r.body)).toEqual([{ content: 'm0' }, { content: 'm0' }]);
	});

	test('a replay (200) is told from a first send (201)', async () => {
		const created = { status: 201, body: { id: 'm77', content: 'm0' } };
		const [first] = await run([created]);
		expect(first).toEqual({ id: 'm77', status: 201, attempts: 1 });
		api.reset();
		const [replayed] = await run([{ status: 502, body: 'Bad Gateway' }, { status: 200, body: { id: 'm77', content: 'm0' } }]);
		expect(replayed).toEqual({ id: 'm77', status: 200, attempts: 2 });
	});

	test('the body proof still applies to a replay', async () => {
		const [item] = await run([{ status: 500, body: 'oops' }, { status: 200, body: { status: 'pending' } }]);
		expect(sent()).toHaveLength(2);
		expect(item).toMatchObject({ error: 'Inbox answered HTTP 200 without confirming the message', delivery: 'unknown' });
	});

	test('retries run out: may have been delivered, said with the attempts made', async () => {
		const down = { status: 503, body: { message: 'upstream down' } };
		const [item] = await run([down, down, down, down]);
		expect(sent().map(keyOf)).toEqual(['key-0', 'key-0', 'key-0', 'key-0']);
		expect(item).toMatchObject({ error: 'upstream down', httpCode: '503', delivery: 'unknown' });
		expect(item.description).toBe(
			'May have been delivered: Inbox answered HTTP 503 to POST /threads/thread0/messages, so it may have processed it. It was sent 4 times with the same idempotency key, and no answer confirmed it. Check Inbox before sending it again.',
		);
	});

	test('"Max Rate-Limit Wait" bounds the retries: 0 allows none', async () => {
		const [item] = await run([{ status: 500, body: { message: 'Internal error' } }], { maxRateLimitWait: 0 });
		expect(sent()).toHaveLength(1);
		expect(item).toMatchObject({ error: 'Internal error', delivery: 'unknown' });
		expect(item.description).toContain('It was not retried automatically');
	});

	test('an answer proving "not processed yet" (retryableWhen) is sent again, then delivered', async () => {
		const [item] = await run([{ status: 409, body: { code: 'sendInProgress', message: 'A send with this key is in progress' } }, { status: 201, body: { id: 'm5' } }]);
		expect(item).toEqual({ id: 'm5', status: 201, attempts: 2 });
		expect(sent().map(keyOf)).toEqual(['key-0', 'key-0']);
	});

	test('an unknown outcome marked final (finalWhen) is never sent again, even with a key', async () => {
		const [item] = await run([{ status: 502, body: { code: 'sendUnconfirmed', message: 'The platform did not confirm the send' } }]);
		expect(sent()).toHaveLength(1);
		expect(item).toMatchObject({ error: 'The platform did not confirm the send', httpCode: '502', delivery: 'unknown' });
	});

	test('a refusal (4xx) is never sent again', async () => {
		const [item] = await run([{ status: 422, body: { message: 'content too long' } }]);
		expect(sent()).toHaveLength(1);
		expect(item).toMatchObject({ error: 'content too long', delivery: 'no' });
	});
});

test('without a key, a write keeps the rule: an unknown outcome is reported, never sent again', async () => {
	const out = await run([{ status: 503, body: { message: 'upstream down' } }, { drop: true }], {}, false, 2);
	expect(sent()).toHaveLength(2);
	expect(sent().map(keyOf)).toEqual([undefined, undefined]);
	expect(out.map((item) => item.delivery)).toEqual(['unknown', 'unknown']);
	expect(out.every((item) => String(item.description).includes('It was not retried automatically'))).toBe(true);
});

test('a bulk send with keys: each item delivered once, in order, every fault retried with its own key', async () => {
	const faults: Record<number, MockResponse> = { 1: { status: 503, body: 'x' }, 4: { drop: true }, 6: { status: 500, body: 'y' } };
	const tries = new Map<string, number>();
	api.on({ method: 'POST' }, (request) => {
		const key = String(keyOf(request));
		tries.set(key, (tries.get(key) ?? 0) + 1);
		const fault = faults[Number(key.slice(4))];
		return fault && tries.get(key) === 1 ? fault : undefined;
	});
	const result = await runNode(probe(api, replies(), { options: { concurrency: 4 } }), Array.from({ length: 8 }, () => ({})));
	const out = jsonOf(result.items);
	expect(pairedIndexes(result.items)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
	expect(out.map((item) => item.attempts)).toEqual([1, 2, 1, 1, 2, 1, 2, 1]);
	expect(new Set(out.map((item) => item.id)).size).toBe(8);
	expect([...tries.values()].reduce((a, b) => a + b)).toBe(11);
});
