/**
 * Inbox's rate headers through n8n's real HTTP path: the limiter reads X-RateLimit-Remaining and
 * -Reset from the answers (as n8n hands them over) and waits for the reset instead of meeting a
 * 429. Nothing here depends on the machine's speed: the mock refuses whatever exceeds its window,
 * whenever it comes. (A mock of its own: the limiter belongs to the credential and base URL.)
 */
import { jsonOf } from '../../helpers/assertions';
import { runNode } from '../../helpers/engine';
import { startMockApi } from '../../mock/mockApi';
import type { MockApi } from '../../mock/mockApi';
import { inboxV2, replyParameters } from './helpers';

let api: MockApi;
beforeAll(async () => (api = await startMockApi()));
afterAll(async () => await api.close());

test('replies beyond the room Inbox states wait for its reset: every one sent once, no 429', async () => {
	api.setRateLimit({ discipline: 'sliding', limit: 4, windowMs: 1000, headers: 'inbox' });
	const items = Array.from({ length: 10 }, (_, i) => ({ thread: `t${1 + (i % 2)}`, text: `reply ${i}` }));
	const result = await runNode(inboxV2(api, replyParameters({ options: { concurrency: 4 } })), items);
	expect(result.error).toBeUndefined();
	expect(api.requests.filter((r) => r.status === 429)).toHaveLength(0);
	expect(api.inboxV2.sends.map((send) => send.content).sort()).toEqual(items.map((item) => item.text).sort());
	expect(jsonOf(result.items).map((json) => json.delivery)).toEqual(new Array(10).fill('delivered'));
});
