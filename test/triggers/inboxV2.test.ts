/** Inbox Trigger version 2: polls API v2's events feed (`data`) with the same credential. */
import { InboxTrigger } from '../../nodes/Inbox/InboxTrigger.node';
import { startMockApi } from '../mock/mockApi';
import type { MockApi } from '../mock/mockApi';
import { TriggerHarness } from './harness';

const TOKEN = 'inbox_token_trigger_v2';
let api: MockApi;
beforeAll(async () => (api = await startMockApi()));
afterAll(async () => await api.close());
beforeEach(() => api.reset());

const event = (id: string, type: string) => ({
	id,
	type,
	apiVersion: '2',
	createdAt: '2026-11-23T11:00:00.000Z',
	object: { type: 'message', id: `m-${id}` },
	data: { message: { id: `m-${id}`, threadId: 't1', direction: 'inbound', content: 'hi' } },
});

function poller(version: number, baseUrl: string, staticData = {}) {
	const h = new TriggerHarness(new InboxTrigger(), { events: ['message.received'] }, { omnichannelInboxApi: { apiToken: TOKEN, baseUrl } }, { staticData });
	h.node.typeVersion = version;
	return h;
}

test('new nodes get version 2 (the last of [1, 2]); saved version-1 nodes keep polling v1', () => {
	expect(new InboxTrigger().description.version).toEqual([1, 2]);
	expect(new InboxTrigger().description.defaultVersion).toBeUndefined();
});

test('version 2 reads GET /api/v2/events from the stored /api/v1 credential, and its `data` list', async () => {
	api.webhooks.addInboxEvents([event('e1', 'message.received'), event('e2', 'thread.created'), event('e3', 'message.received')]);
	const h = poller(2, api.urls.inbox, { lastSeq: 0 });
	const items = await h.poll();
	expect(items!.map((item) => [item.event, item.id, item.seq])).toEqual([
		['message.received', 'e1', 1],
		['message.received', 'e3', 3],
	]);
	expect(items![0].message).toEqual({ id: 'm-e1', threadId: 't1', direction: 'inbound', content: 'hi' });
	expect(h.staticData).toEqual({ lastSeq: 3 });
	expect(api.requests.map((r) => [r.path, r.query, r.headers.authorization])).toEqual([
		['/inbox/api/v2/events', { afterSeq: '0', limit: '1000' }, `Bearer ${TOKEN}`],
	]);
	expect(api.requests[0].status).toBe(200);
});

test('version 1 on a credential that holds /api/v2 still polls v1 (`events`)', async () => {
	api.webhooks.addInboxEvents([event('e1', 'message.received')]);
	const h = poller(1, api.urls.inbox2, { lastSeq: 0 });
	expect((await h.poll())!.map((item) => item.id)).toEqual(['e1']);
	expect(api.requests.map((r) => r.path)).toEqual(['/inbox/api/v1/events']);
});

test('the v2 mock refuses a bad afterSeq and limit, as the sheet does', async () => {
	const h = poller(2, api.urls.inbox, { lastSeq: 0 });
	api.reset();
	const res = await fetch(`${api.urls.inbox2}/events?afterSeq=x&limit=5000`, { headers: { authorization: `Bearer ${TOKEN}` } });
	expect(res.status).toBe(400);
	const body = (await res.json()) as { requestId?: unknown };
	expect(body).toMatchObject({ code: 'invalidRequest', details: { issues: [{ path: 'limit' }, { path: 'afterSeq' }] } });
	expect(typeof body.requestId).toBe('string');
	expect(h.node.typeVersion).toBe(2);
});
