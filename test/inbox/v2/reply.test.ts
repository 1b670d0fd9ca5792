/** Inbox node version 2, Thread > Reply: `POST /api/v2/messages`, exactly once through retries and re-runs. */
import { jsonOf, pairedIndexes } from '../../helpers/assertions';
import { runNode } from '../../helpers/engine';
import { startMockApi } from '../../mock/mockApi';
import type { MockApi } from '../../mock/mockApi';
import { inboxV2, replyParameters, TOKEN } from './helpers';

let api: MockApi;
beforeAll(async () => (api = await startMockApi()));
afterAll(async () => await api.close());
beforeEach(() => api.reset());

const reply = (more: Record<string, unknown> = {}, extra = {}) => inboxV2(api, replyParameters(more), extra);
const sends = () => api.requests.filter((r) => r.method === 'POST');

describe('Inbox v2 > Thread > Reply', () => {
	test('sends the exact v2 request, with an Idempotency-Key of the run, node and item; output says delivered, not a replay', async () => {
		const result = await runNode(reply(), [{ thread: 't1', text: 'Hello there' }]);
		expect(result.error).toBeUndefined();
		expect(api.requests).toHaveLength(1);
		const [request] = api.requests;
		expect([request.method, request.path, request.status]).toEqual(['POST', '/inbox/api/v2/messages', 201]);
		expect(request.headers.authorization).toBe(`Bearer ${TOKEN}`);
		expect(request.headers['idempotency-key']).toMatch(/^n8n:exec-[0-9a-z]+:node-under-test:0$/);
		expect(request.body).toEqual({ target: { type: 'thread', threadId: 't1' }, content: 'Hello there' });
		const [out] = jsonOf(result.items);
		expect(out).toMatchObject({ messageId: api.inboxV2.sends[0].messageId, threadId: 't1', delivery: 'delivered', replay: false, attempts: 1 });
		expect(out.idempotencyKey).toBe(request.headers['idempotency-key']);
		expect((out.message as { content: string }).content).toBe('Hello there');
		expect(api.inboxV2.sends).toHaveLength(1);
	});

	test('Reply To Message ID goes with the send; each item has its own key; order and pairedItem kept', async () => {
		const result = await runNode(reply({ options: { replyToMessageId: '={{ $json.to }}' } }), [
			{ thread: 't1', text: 'a', to: 'msg1' },
			{ thread: 't2', text: 'b', to: '' },
			{ thread: 't1', text: 'c', to: 'msg2' },
		]);
		expect(result.error).toBeUndefined();
		expect(sends().map((r) => r.body)).toEqual(
			expect.arrayContaining([
				{ target: { type: 'thread', threadId: 't1' }, content: 'a', replyToMessageId: 'msg1' },
				{ target: { type: 'thread', threadId: 't2' }, content: 'b' },
				{ target: { type: 'thread', threadId: 't1' }, content: 'c', replyToMessageId: 'msg2' },
			]),
		);
		expect(new Set(sends().map((r) => r.headers['idempotency-key'])).size).toBe(3);
		expect(jsonOf(result.items).map((j) => (j.message as { content: string }).content)).toEqual(['a', 'b', 'c']);
		expect(pairedIndexes(result.items)).toEqual([0, 1, 2]);
	});

	test('a 500 after Inbox recorded the send is retried with the same key: Inbox replays it (200), sent once, output says replay', async () => {
		api.once({ method: 'POST' }, { afterProcessing: { status: 500, body: { code: 'internal', message: 'Internal error', details: null, requestId: 'r500' } } });
		const result = await runNode(reply(), [{ thread: 't1', text: 'once' }]);
		expect(result.error).toBeUndefined();
		expect(sends().map((r) => r.status)).toEqual([500, 200]);
		expect(new Set(sends().map((r) => r.headers['idempotency-key'])).size).toBe(1);
		expect(api.inboxV2.sends).toHaveLength(1);
		expect(jsonOf(result.items)[0]).toMatchObject({ replay: true, attempts: 2, delivery: 'delivered', messageId: api.inboxV2.sends[0].messageId });
	});

	test('409 sendInProgress while the first request is held: retried with the same key until Inbox replays it', async () => {
		api.once({ method: 'POST' }, { afterProcessing: 'hold' });
		const result = await runNode(reply({ options: { timeout: 1 } }), [{ thread: 't2', text: 'held' }]);
		expect(result.error).toBeUndefined();
		expect(sends().map((r) => r.status ?? 'no answer')).toEqual(['no answer', 409, 200]);
		expect(api.inboxV2.sends).toHaveLength(1);
		expect(jsonOf(result.items)[0]).toMatchObject({ replay: true, attempts: 3 });
	});

	test('502 sendUnconfirmed is never retried: the item stays "may have been delivered", with the message to look up', async () => {
		api.once({ method: 'POST' }, { afterProcessing: { status: 502, body: (r: { body: { message: { id: string } } }) => ({ code: 'sendUnconfirmed', message: 'The platform did not confirm the send', details: { messageId: r.body.message.id }, requestId: 'r502' }) } });
		const result = await runNode(reply({}, { continueOnFail: true }), [{ thread: 't1', text: 'unsure' }]);
		expect(sends()).toHaveLength(1);
		const [out] = jsonOf(result.items);
		expect(out.error).toBe('The platform did not confirm the send (sendUnconfirmed, request ID r502)');
		expect(out.delivery).toBe('unknown');
		expect(out.description).toMatch(/must not be retried/);
		expect(out.description).toContain(`Message > Get (message ID ${api.inboxV2.sends[0].messageId})`);
	});

	test('Idempotency Key from the input: a re-run of the whole workflow sends nothing new, and every item says replay', async () => {
		const node = reply({ options: { idempotencyKey: '={{ $json.orderId }}-thanks' } });
		const input = [1, 2, 3].map((n) => ({ thread: `t${n}`, text: `Thanks for order ${n}`, orderId: `order${n}` }));
		const first = await runNode(node, input);
		expect(jsonOf(first.items).map((j) => [j.replay, j.idempotencyKey])).toEqual([[false, 'order1-thanks'], [false, 'order2-thanks'], [false, 'order3-thanks']]);
		expect(api.inboxV2.sends).toHaveLength(3);
		const again = await runNode(node, input);
		expect(api.inboxV2.sends).toHaveLength(3); // nothing new
		expect(jsonOf(again.items).map((j) => j.replay)).toEqual([true, true, true]);
		expect(jsonOf(again.items).map((j) => j.messageId)).toEqual(jsonOf(first.items).map((j) => j.messageId));
	});

	test('the same Idempotency Key with another text is refused by Inbox (422), named and never retried under another key', async () => {
		const node = reply({ options: { idempotencyKey: 'order7' } });
		await runNode(node, [{ thread: 't1', text: 'first text' }]);
		const result = await runNode(node, [{ thread: 't1', text: 'other text' }]);
		expect(result.error?.message).toMatch(/^This Idempotency-Key was used with a different request body \(idempotencyKeyReused, request ID req\d+\)$/);
		expect(result.error?.description).toMatch(/^Not delivered/);
		expect(result.error?.description).toMatch(/Give each message its own key/);
		expect(sends()).toHaveLength(2);
		expect(api.inboxV2.sends).toHaveLength(1);
	});

	test('a v2 refusal gives Inbox\'s code and request id: thread not found, not retried', async () => {
		const result = await runNode(reply({}, { continueOnFail: true }), [{ thread: 'nothere', text: 'x' }]);
		const [out] = jsonOf(result.items);
		expect(out.error).toMatch(/^Thread nothere not found \(threadNotFound, request ID req\d+\)$/);
		expect(out).toMatchObject({ delivery: 'no', httpCode: '404' });
		expect(api.requests).toHaveLength(1);
	});
});
