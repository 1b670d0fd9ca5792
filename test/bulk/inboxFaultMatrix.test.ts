/**
 * The fault matrix on Inbox API v2 sends: 250 replies with concurrency on, where the first attempt
 * of some items meets a fault, before or after Inbox recorded the send. With Idempotency-Keys the
 * promise is exactly once: every item delivered once as the mock counts it, none left "unknown",
 * except Inbox's own sendUnconfirmed (unknown, sent once, never retried). A re-run of the workflow
 * with an Idempotency Key expression sends nothing new. Results do not depend on timing: a request
 * that happened to time out is retried with its key and replayed, which changes no figure asserted.
 */
import type { IDataObject } from 'n8n-workflow';

import { jsonOf, pairedIndexes } from '../helpers/assertions';
import { runNode } from '../helpers/engine';
import { inboxV2, replyParameters } from '../inbox/v2/helpers';
import { startMockApi } from '../mock/mockApi';
import type { MockApi, MockResponse, RecordedRequest } from '../mock/mockApi';

const ITEMS = 250;
const THREADS = 50;

type Fault = '500' | '500 after send' | '503' | 'timeout after send' | 'drop after send' | 'drop' | '409 sendInProgress' | '502 sendUnconfirmed';
const FAULTS: Record<number, Fault> = {
	2: '500',
	5: '500 after send',
	8: '503',
	11: 'timeout after send',
	14: 'drop after send',
	17: '409 sendInProgress',
	20: '502 sendUnconfirmed',
	23: 'drop',
};
const faultOf = (index: number): Fault | undefined => FAULTS[index % 25];
const v2Error = (code: string, message: string, details: IDataObject | null = null) => ({ code, message, details, requestId: `fault-${code}` });

function answer(fault: Fault): MockResponse {
	switch (fault) {
		case '500':
			return { status: 500, body: v2Error('internal', 'Internal error') };
		case '500 after send':
			return { afterProcessing: { status: 500, body: v2Error('internal', 'Internal error') } };
		case '503':
			return { status: 503, body: v2Error('platformUnavailable', 'The platform is unavailable', { retryAfterSeconds: null }) };
		case 'timeout after send':
			return { afterProcessing: 'hang' };
		case 'drop after send':
			return { afterProcessing: 'drop' };
		case 'drop':
			return { drop: true };
		case '409 sendInProgress':
			// The first request is held; the retry with its key is told 409 sendInProgress, the next is replayed.
			return { afterProcessing: 'hold' };
		case '502 sendUnconfirmed':
			return {
				afterProcessing: {
					status: 502,
					body: (sent: { body: { message: { id: string } } }) => v2Error('sendUnconfirmed', 'The platform did not confirm the send', { messageId: sent.body.message.id }),
				},
			};
	}
}

let api: MockApi;
beforeAll(async () => (api = await startMockApi()));
afterAll(async () => await api.close());
beforeEach(() => {
	api.reset();
	for (let t = 0; t < THREADS; t++) api.inboxV2.addThread(`ft${t}`);
});

const input: IDataObject[] = Array.from({ length: ITEMS }, (_, i) => ({ thread: `ft${i % THREADS}`, text: `m${i}`, orderId: `order${i}` }));
const indexOf = (request: RecordedRequest) => Number(String(request.body?.content).slice(1));

/** Faults on the first attempt of each faulty item only. */
function injectFaults() {
	const attempts = new Map<number, number>();
	api.on({ method: 'POST', path: '/inbox/api/v2/messages' }, (request) => {
		const index = indexOf(request);
		const attempt = (attempts.get(index) ?? 0) + 1;
		attempts.set(index, attempt);
		const fault = faultOf(index);
		return fault && attempt === 1 ? answer(fault) : undefined;
	});
}

function figures(items: IDataObject[]) {
	const posts = api.requests.filter((r) => r.method === 'POST');
	const sendsPer = new Map<string, number>();
	for (const send of api.inboxV2.sends) sendsPer.set(send.content, (sendsPer.get(send.content) ?? 0) + 1);
	return {
		items: items.length,
		requests: posts.length,
		sentByInbox: api.inboxV2.sends.length,
		sentTwice: [...sendsPer.values()].filter((n) => n > 1).length,
		delivered: items.filter((j) => j.delivery === 'delivered').length,
		replays: items.filter((j) => j.replay === true).length,
		unknown: items.filter((j) => j.delivery === 'unknown').length,
		notDelivered: items.filter((j) => j.delivery === 'no').length,
		status409: posts.filter((r) => r.status === 409).length,
		keysPerItem: Math.max(...input.map((_, i) => new Set(posts.filter((r) => indexOf(r) === i).map((r) => r.headers['idempotency-key'])).size)),
	};
}

function expectExactlyOnce(items: IDataObject[]) {
	const unconfirmed = input.map((_, i) => i).filter((i) => faultOf(i) === '502 sendUnconfirmed');
	items.forEach((json, i) => {
		const sent = api.inboxV2.sends.filter((s) => s.content === `m${i}`);
		expect([i, sent.length]).toEqual([i, 1]);
		if (faultOf(i) === '502 sendUnconfirmed') {
			expect(json).toMatchObject({ delivery: 'unknown', error: 'The platform did not confirm the send (sendUnconfirmed, request ID fault-sendUnconfirmed)' });
			expect(api.requests.filter((r) => r.method === 'POST' && indexOf(r) === i)).toHaveLength(1);
		} else {
			expect([i, json.delivery, json.messageId]).toEqual([i, 'delivered', sent[0].messageId]);
			expect((json.message as { content: string }).content).toBe(`m${i}`);
		}
	});
	return unconfirmed.length;
}

test('fault matrix, keys of the run: every item delivered exactly once, 0 unknown but sendUnconfirmed; order and pairedItem kept', async () => {
	injectFaults();
	const result = await runNode(inboxV2(api, replyParameters({ options: { concurrency: 10, timeout: 1 } }), { continueOnFail: true }), input);
	expect(result.error).toBeUndefined();
	const items = jsonOf(result.items);
	expect(pairedIndexes(result.items)).toEqual(input.map((_, i) => i));
	const unconfirmed = expectExactlyOnce(items);
	const seen = figures(items);
	// Faults that reached Inbox before the answer was lost come back as replays.
	const recordedFirst = input.filter((_, i) => ['500 after send', 'timeout after send', 'drop after send', '409 sendInProgress'].includes(faultOf(i) ?? '')).length;
	expect(seen).toMatchObject({ items: ITEMS, sentByInbox: ITEMS, sentTwice: 0, delivered: ITEMS - unconfirmed, unknown: unconfirmed, notDelivered: 0, keysPerItem: 1 });
	expect(seen.replays).toBeGreaterThanOrEqual(recordedFirst);
	expect(seen.status409).toBeGreaterThanOrEqual(input.filter((_, i) => faultOf(i) === '409 sendInProgress').length);
	// Each thread's messages reached Inbox in input order.
	for (let t = 0; t < THREADS; t++) {
		const order = api.inboxV2.sends.filter((s) => s.threadId === `ft${t}`).map((s) => Number(s.content.slice(1)));
		expect(order).toEqual([...order].sort((a, b) => a - b));
	}
	console.log(`Inbox v2 fault matrix (keys of the run): ${JSON.stringify(seen)}`);
});

test('fault matrix with an Idempotency Key expression, then a re-run of the workflow: nothing new is sent, every item says replay', async () => {
	injectFaults();
	const node = inboxV2(api, replyParameters({ options: { concurrency: 10, timeout: 1, idempotencyKey: '={{ $json.orderId }}' } }), { continueOnFail: true });
	const first = await runNode(node, input);
	const unconfirmed = expectExactlyOnce(jsonOf(first.items));
	const firstFigures = figures(jsonOf(first.items));
	expect(firstFigures).toMatchObject({ sentByInbox: ITEMS, sentTwice: 0, unknown: unconfirmed, notDelivered: 0 });
	expect(api.requests.filter((r) => r.method === 'POST').every((r) => r.headers['idempotency-key'] === `order${indexOf(r)}`)).toBe(true);

	const before = api.inboxV2.sends.length;
	const rerun = await runNode(node, input);
	expect(rerun.error).toBeUndefined();
	const items = jsonOf(rerun.items);
	expect(api.inboxV2.sends.length - before).toBe(0);
	expect(items.every((j) => j.replay === true && j.delivery === 'delivered')).toBe(true);
	expect(items.map((j) => (j.message as { content: string }).content)).toEqual(input.map((i) => i.text));
	console.log(`Inbox v2 fault matrix (Idempotency Key expression): first run ${JSON.stringify(firstFigures)}; re-run: ${items.length} items, ${items.filter((j) => j.replay).length} replays, ${api.inboxV2.sends.length - before} new sends`);
});
