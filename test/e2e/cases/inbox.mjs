import assert from 'node:assert/strict';

import { SECRETS } from '../workflow.mjs';

export const title = 'Inbox node in n8n';

const reply = (parameters) => ({
	type: 'inbox',
	credential: 'omnichannelInboxApi',
	parameters: {
		resource: 'thread',
		operation: 'reply',
		threadId: { __rl: true, mode: 'id', value: '={{ $json.thread }}' },
		content: '={{ $json.text }}',
		options: {},
		...parameters,
	},
});

// Version 2 (API v2): the same credential (it holds .../api/v1), the node saved at typeVersion 2.
const v2 = (parameters, settings = {}) => ({
	type: 'inbox',
	credential: 'omnichannelInboxApi',
	parameters: { options: {}, ...parameters },
	settings: { typeVersion: 2, ...settings },
});
const replyV2 = (options) =>
	v2({
		resource: 'thread',
		operation: 'reply',
		threadId: { __rl: true, mode: 'id', value: '={{ $json.thread }}' },
		content: '={{ $json.text }}',
		options,
	});
const posts = (requests) => requests.filter((r) => r.method === 'POST');
let mockOf;

export const cases = [
	{
		id: 'e2eInboxReply',
		name: 'Reply to Thread: two threads, a reply-to, output in order',
		node: reply({ options: { replyToMessageId: '={{ $json.replyTo }}' } }),
		items: [
			{ thread: 'abc1', text: 'first', replyTo: 'm9' },
			{ thread: 'abc2', text: 'second', replyTo: '' },
		],
		check(result, requests) {
			assert.equal(result.status, 'success');
			assert.deepEqual(
				requests.map((r) => [r.method, r.path, r.headers.authorization, r.body]),
				[
					['POST', '/inbox/api/v1/threads/abc1/messages', `Bearer ${SECRETS.omnichannelInboxApi}`, { content: 'first', replyToMessageId: 'm9' }],
					['POST', '/inbox/api/v1/threads/abc2/messages', `Bearer ${SECRETS.omnichannelInboxApi}`, { content: 'second' }],
				].sort((a, b) => a[1].localeCompare(b[1])),
			);
			assert.deepEqual(result.items.map((i) => [i.threadId, i.content]), [['abc1', 'first'], ['abc2', 'second']]);
			assert.deepEqual(result.paired, [0, 1]);
		},
	},
	{
		id: 'e2eInboxReplyErrors',
		name: 'Reply to Thread: Continue On Fail keeps good items and reports bad ones in place',
		node: { ...reply(), settings: { onError: 'continueRegularOutput' } },
		items: [
			{ thread: 'abc1', text: 'ok' },
			{ thread: 'BAD-ID', text: 'never sent' },
			{ thread: 'gone', text: 'rejected by the API' },
		],
		setup(mock) {
			mock.on({ path: '/inbox/api/v1/threads/gone/messages' }, { status: 404, body: { message: 'Thread not found' } });
		},
		check(result, requests) {
			assert.equal(result.status, 'success');
			assert.deepEqual(requests.map((r) => r.body.content).sort(), ['ok', 'rejected by the API']);
			assert.equal(result.items[0].content, 'ok');
			assert.match(result.items[1].error, /Invalid "Thread" in item 1/);
			assert.equal(result.items[2].error, 'Thread not found');
			assert.equal(result.items[2].delivery, 'no');
			assert.deepEqual(result.paired, [0, 1, 2]);
		},
	},
	{
		id: 'e2eInboxV2Reply',
		name: 'Version 2 Reply: POST /api/v2/messages with a thread target and an Idempotency-Key per item',
		node: replyV2({ replyToMessageId: '={{ $json.replyTo }}' }),
		items: [
			{ thread: 't1', text: 'first', replyTo: 'msg1' },
			{ thread: 't2', text: 'second', replyTo: '' },
		],
		check(result, requests) {
			assert.equal(result.status, 'success');
			const sent = posts(requests).sort((a, b) => a.body.content.localeCompare(b.body.content));
			assert.deepEqual(
				sent.map((r) => [r.path, r.status, r.headers.authorization, r.body]),
				[
					['/inbox/api/v2/messages', 201, `Bearer ${SECRETS.omnichannelInboxApi}`, { target: { type: 'thread', threadId: 't1' }, content: 'first', replyToMessageId: 'msg1' }],
					['/inbox/api/v2/messages', 201, `Bearer ${SECRETS.omnichannelInboxApi}`, { target: { type: 'thread', threadId: 't2' }, content: 'second' }],
				],
			);
			const keys = sent.map((r) => r.headers['idempotency-key']);
			assert.match(keys[0], /^n8n:\d+:n3:0$/);
			assert.match(keys[1], /^n8n:\d+:n3:1$/);
			assert.deepEqual(result.items.map((i) => [i.threadId, i.delivery, i.replay, i.idempotencyKey]), [
				['t1', 'delivered', false, keys[0]],
				['t2', 'delivered', false, keys[1]],
			]);
			assert.deepEqual(result.paired, [0, 1]);
		},
	},
	{
		id: 'e2eInboxV2Person',
		name: 'Version 2 Send to Person: username looked up, sent to the contact; planRequired names the Outbound Messages add-on',
		node: v2(
			{
				resource: 'message',
				operation: 'sendToPerson',
				accountLinkId: { __rl: true, mode: 'id', value: 'acct1' },
				recipient: 'username',
				username: '={{ $json.username }}',
				content: '={{ $json.text }}',
			},
			{ onError: 'continueRegularOutput' },
		),
		items: [
			{ username: 'ada', text: 'Hi Ada' },
			{ username: 'grace', text: 'Hi Grace' },
		],
		setup(mock) {
			mock.inboxV2.plan.outboundMessages = false;
		},
		check(result, requests) {
			assert.equal(result.status, 'success');
			assert.deepEqual(
				requests.filter((r) => r.method === 'GET').map((r) => [r.path, r.queryPairs]),
				[
					['/inbox/api/v2/account-links/acct1', []],
					['/inbox/api/v2/contacts', [['platform', 'x'], ['username', 'ada']]],
					['/inbox/api/v2/contacts', [['platform', 'x'], ['username', 'grace']]],
				],
			);
			assert.deepEqual(posts(requests).map((r) => [r.body, r.status]), [
				[{ target: { type: 'contact', accountLinkId: 'acct1', contactId: 'c1' }, content: 'Hi Ada' }, 201],
				[{ target: { type: 'contact', accountLinkId: 'acct1', contactId: 'c2' }, content: 'Hi Grace' }, 403],
			]);
			assert.equal(result.items[0].threadId, 't1');
			assert.equal(result.items[0].delivery, 'delivered');
			assert.match(result.items[1].error, /\(planRequired, request ID req\d+\)$/);
			assert.match(result.items[1].description, /paid Outbound Messages add-on/);
			assert.equal(result.items[1].delivery, 'no');
			assert.deepEqual(result.paired, [0, 1]);
		},
	},
	{
		id: 'e2eInboxV2Fault',
		name: 'Version 2 fault: the answer to a recorded send is lost (dropped, then a 500): retried with the same key, replayed, sent once',
		node: replyV2({ idempotencyKey: '={{ $json.orderId }}' }),
		items: [
			{ thread: 't1', text: 'dropped answer', orderId: 'order-1' },
			{ thread: 't2', text: 'server error', orderId: 'order-2' },
		],
		setup(mock) {
			mockOf = mock;
			mock.once((r) => r.method === 'POST' && r.body?.content === 'dropped answer', { afterProcessing: 'drop' });
			mock.once((r) => r.method === 'POST' && r.body?.content === 'server error', {
				afterProcessing: { status: 500, body: { code: 'internal', message: 'Internal error', details: null, requestId: 'r1' } },
			});
		},
		check(result, requests) {
			assert.equal(result.status, 'success');
			assert.deepEqual(mockOf.inboxV2.sends.map((s) => s.content).sort(), ['dropped answer', 'server error']);
			const byKey = (key) => posts(requests).filter((r) => r.headers['idempotency-key'] === key).map((r) => r.status ?? 'dropped');
			assert.deepEqual(byKey('order-1'), ['dropped', 200]);
			assert.deepEqual(byKey('order-2'), [500, 200]);
			assert.deepEqual(result.items.map((i) => [i.delivery, i.replay, i.attempts]), [
				['delivered', true, 2],
				['delivered', true, 2],
			]);
		},
	},
];
