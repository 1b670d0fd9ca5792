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
];
