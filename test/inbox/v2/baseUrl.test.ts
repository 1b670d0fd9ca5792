/** One Inbox credential serves API v1 (version-1 nodes, both triggers) and API v2 (version-2 nodes). */
import { Inbox } from '../../../nodes/Inbox/Inbox.node';
import { inboxBaseUrl } from '../../../nodes/Inbox/v2/api';
import { runNode } from '../../helpers/engine';
import { startMockApi } from '../../mock/mockApi';
import type { MockApi } from '../../mock/mockApi';

describe('the Base URL each API version uses', () => {
	test.each([
		['https://inboxapp.com/api/v1', 'https://inboxapp.com/api/v1', 'https://inboxapp.com/api/v2'],
		['https://inboxapp.com/api/v1/', 'https://inboxapp.com/api/v1', 'https://inboxapp.com/api/v2'],
		['https://inboxapp.com/api/v2', 'https://inboxapp.com/api/v1', 'https://inboxapp.com/api/v2'],
		['https://inboxapp.com/api', 'https://inboxapp.com/api', 'https://inboxapp.com/api/v2'],
		['https://inboxapp.com', 'https://inboxapp.com', 'https://inboxapp.com/api/v2'],
		// A proxy path without a version: v1 as before, v2 below it.
		['https://proxy.example.com/inbox', 'https://proxy.example.com/inbox', 'https://proxy.example.com/inbox/api/v2'],
		['', 'https://inboxapp.com/api/v1', 'https://inboxapp.com/api/v2'],
		// Only a version at the very end is a version.
		['https://proxy.example.com/api/v1/x', 'https://proxy.example.com/api/v1/x', 'https://proxy.example.com/api/v1/x/api/v2'],
	])('%j: v1 %s, v2 %s', (stored, v1, v2) => {
		expect(inboxBaseUrl(stored, 1)).toBe(v1);
		expect(inboxBaseUrl(stored, 2)).toBe(v2);
	});
});

describe('version-1 nodes with the stored credential, unchanged', () => {
	let api: MockApi;
	beforeAll(async () => (api = await startMockApi()));
	afterAll(async () => await api.close());
	beforeEach(() => api.reset());

	const reply = (baseUrl: string) => ({
		type: new Inbox(),
		parameters: { resource: 'thread', operation: 'reply', threadId: { __rl: true, mode: 'id', value: 'abc1' }, content: 'hi' },
		credentials: { omnichannelInboxApi: { apiToken: 'tok_v1_base', baseUrl } },
	});

	test('a credential holding /api/v1 (every existing one): v1 path', async () => {
		const result = await runNode(reply(api.urls.inbox));
		expect(result.error).toBeUndefined();
		expect(api.requests.map((r) => r.path)).toEqual(['/inbox/api/v1/threads/abc1/messages']);
	});

	test('a credential made for v2 (/api/v2): version-1 nodes still speak v1', async () => {
		const result = await runNode(reply(api.urls.inbox2));
		expect(result.error).toBeUndefined();
		expect(api.requests.map((r) => r.path)).toEqual(['/inbox/api/v1/threads/abc1/messages']);
	});
});
