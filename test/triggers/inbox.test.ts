/** Inbox Trigger (polling the events feed) and Inbox Webhook Trigger, in n8n-core's contexts. */
import { InboxTrigger } from '../../nodes/Inbox/InboxTrigger.node';
import { InboxWebhookTrigger } from '../../nodes/Inbox/InboxWebhookTrigger.node';
import { hmacSha256Hex } from '../../nodes/shared/webhooks/signatures';
import { startMockApi } from '../mock/mockApi';
import type { MockApi } from '../mock/mockApi';
import { captureLogs, TriggerHarness } from './harness';

const TOKEN = 'inbox_token_trigger_1';
const SIGNING = 'ibt_wh_trigger_secret_1';
let api: MockApi;

beforeAll(async () => {
	api = await startMockApi();
});
afterAll(async () => await api.close());
beforeEach(() => api.reset());

const v1Message = (id: string, origin: 'external' | 'internal', content = 'hi') => ({
	id,
	teamId: 'team1',
	type: 'message.created',
	timestamp: '2026-11-23T10:00:00.000Z',
	version: '1.0',
	data: { message: { id: `m-${id}`, threadId: 't1', content, origin, authorId: 'a1' }, thread: { id: 't1', prospect: { name: 'Ada' } } },
});
const v2 = (id: string, type: string) => ({
	id,
	type,
	apiVersion: '2',
	createdAt: '2026-11-23T11:00:00.000Z',
	object: { type: 'thread', id: 't2', url: 'https://inboxapp.com/t/t2' },
	data: { thread: { id: 't2' } },
});

function poller(events = ['message.received'], staticData = {}) {
	return new TriggerHarness(
		new InboxTrigger(),
		{ events },
		{ omnichannelInboxApi: { apiToken: TOKEN, baseUrl: api.urls.inbox } },
		{ workflowId: 'wfInboxPoll', staticData },
	);
}

describe('Inbox Trigger (polling)', () => {
	test('first activation starts from now (history skipped); then only new matching events, once, across polls', async () => {
		api.webhooks.addInboxEvents([v1Message('old1', 'external'), v1Message('old2', 'internal')]);
		const h = poller(['message.received', 'thread.created']);
		expect(await h.poll()).toBeNull();
		expect(h.staticData).toEqual({ lastSeq: 2 });

		expect(await h.poll()).toBeNull(); // nothing new
		api.webhooks.addInboxEvents([v1Message('e3', 'external', 'hello'), v1Message('e4', 'internal'), v2('e5', 'thread.created'), v2('e6', 'message.received')]);
		const first = await h.poll();
		expect(first!.map((item) => [item.event, item.id, item.seq])).toEqual([
			['message.received', 'e3', 3],
			['thread.created', 'e5', 5],
			['message.received', 'e6', 6],
		]);
		expect(first![0]).toEqual({
			event: 'message.received',
			id: 'e3',
			seq: 3,
			type: 'message.created',
			timestamp: '2026-11-23T10:00:00.000Z',
			message: { id: 'm-e3', threadId: 't1', content: 'hello', origin: 'external', authorId: 'a1' },
			thread: { id: 't1', prospect: { name: 'Ada' } },
			data: v1Message('e3', 'external', 'hello').data,
			raw: { ...v1Message('e3', 'external', 'hello'), seq: 3 },
		});
		expect(first![1].timestamp).toBe('2026-11-23T11:00:00.000Z'); // v2 createdAt
		expect(h.staticData).toEqual({ lastSeq: 6 });

		expect(await h.poll()).toBeNull(); // the same events are not emitted twice
		api.webhooks.addInboxEvents([v1Message('e7', 'external')]);
		expect((await h.poll())!.map((item) => item.id)).toEqual(['e7']);

		const reads = api.requests.filter((r) => r.path === '/inbox/api/v1/events');
		expect(reads.map((r) => r.query.afterSeq)).toEqual(['0', '2', '2', '6', '6']);
		expect(reads.every((r) => r.headers.authorization === `Bearer ${TOKEN}` && r.query.limit === '1000')).toBe(true);
	});

	test('pages while hasMore (2,500 events = 3 pages) and keeps the cursor at the last one', async () => {
		const h = poller(['message.sent'], { lastSeq: 0 });
		api.webhooks.addInboxEvents(Array.from({ length: 2500 }, (_, i) => v1Message(`p${i}`, i % 2 ? 'external' : 'internal')));
		const items = await h.poll();
		expect(items).toHaveLength(1250);
		expect(new Set(items!.map((item) => item.id)).size).toBe(1250);
		expect(api.requests.map((r) => r.query.afterSeq)).toEqual(['0', '1000', '2000']);
		expect(h.staticData).toEqual({ lastSeq: 2500 });
	});

	test('a poll that fails half-way keeps the cursor, so the next poll reads the same events again (none lost)', async () => {
		const h = poller(['message.received'], { lastSeq: 0 });
		api.webhooks.addInboxEvents(Array.from({ length: 1500 }, (_, i) => v1Message(`f${i}`, 'external')));
		// A read is retried (nodes/shared/transport): the page fails on every try of the first poll.
		let failing = true;
		api.on((req) => failing && req.query.afterSeq === '1000', { status: 500, body: { message: 'boom' } });
		await expect(h.poll()).rejects.toThrow('boom');
		failing = false;
		expect(h.staticData).toEqual({ lastSeq: 0 });
		expect(await h.poll()).toHaveLength(1500);
		expect(h.staticData).toEqual({ lastSeq: 1500 });
	});

	test('a manual test run returns the latest matching event and leaves the cursor alone', async () => {
		const h = poller(['message.received'], { lastSeq: 1 });
		api.webhooks.addInboxEvents([v1Message('a', 'external'), v1Message('b', 'external'), v1Message('c', 'internal')]);
		expect((await h.poll('manual'))!.map((item) => item.id)).toEqual(['b']);
		expect(h.staticData).toEqual({ lastSeq: 1 });
		expect(await poller(['thread.assigned']).poll('manual')).toBeNull();
	});
});

describe('Inbox Webhook Trigger', () => {
	const NOW = Date.UTC(2026, 10, 23, 12, 0, 0);
	let clock: jest.SpyInstance;
	beforeEach(() => {
		clock = jest.spyOn(Date, 'now').mockReturnValue(NOW);
	});
	afterEach(() => clock.mockRestore());

	function listener(events = ['message.received', 'thread.assigned'], secret: string | undefined = SIGNING, workflowId = 'wfInboxHook') {
		return new TriggerHarness(
			new InboxWebhookTrigger(),
			{ events },
			{ omnichannelInboxApi: { apiToken: TOKEN, baseUrl: api.urls.inbox, ...(secret ? { webhookSigningSecret: secret } : {}) } },
			{ workflowId },
		);
	}
	const sign = (raw: string, t = Math.floor(NOW / 1000), secret = SIGNING) => ({
		raw,
		headers: { 'X-Inbox-Signature': `t=${t},v1=${hmacSha256Hex(secret, `${t}.${raw}`)}` },
	});

	test('a signed v1 message.created from the other person starts one item; v2 thread.assigned too', async () => {
		const h = listener();
		const answer = await h.deliver(sign(JSON.stringify(v1Message('w1', 'external'))));
		expect(answer.status).toBe(200);
		// What Inbox sees: a small JSON body (n8n's default here would be the text "firstEntryJson").
		expect(answer.body).toEqual({ received: true });
		expect(answer.items).toEqual([expect.objectContaining({ event: 'message.received', id: 'w1', message: expect.objectContaining({ origin: 'external' }) })]);
		expect((await h.deliver(sign(JSON.stringify(v2('w2', 'thread.assigned'))))).items).toEqual([
			expect.objectContaining({ event: 'thread.assigned', id: 'w2', timestamp: '2026-11-23T11:00:00.000Z' }),
		]);
	});

	test('an event type not chosen is answered 200 and starts nothing', async () => {
		const answer = await listener().deliver(sign(JSON.stringify(v1Message('w3', 'internal'))));
		expect(answer).toMatchObject({ status: 200, body: { received: true, started: false, reason: 'event type not selected' } });
		expect(answer.items).toBeUndefined();
	});

	test('rotation: one of several v1 values matching is enough', async () => {
		const raw = JSON.stringify(v1Message('w4', 'external'));
		const t = Math.floor(NOW / 1000);
		const header = `t=${t},v1=${hmacSha256Hex('ibt_wh_old', `${t}.${raw}`)},v1=${hmacSha256Hex(SIGNING, `${t}.${raw}`)}`;
		expect((await listener().deliver({ raw, headers: { 'X-Inbox-Signature': header } })).items).toHaveLength(1);
	});

	test('unsigned, tampered, stale (301 s), future (301 s), no secret in the credential: 401, nothing starts, logged without the secret', async () => {
		const raw = JSON.stringify(v1Message('w5', 'external'));
		const t = Math.floor(NOW / 1000);
		const logs = captureLogs();
		const answers = [
			await listener().deliver({ raw }),
			await listener().deliver({ ...sign(raw), raw: raw.replace('hi', 'ho') }),
			await listener().deliver(sign(raw, t - 301)),
			await listener().deliver(sign(raw, t + 301)),
			await listener(undefined, '').deliver(sign(raw)),
		];
		logs.restore();
		expect(answers.map((a) => [a.status, a.items])).toEqual(Array(5).fill([401, undefined]));
		expect(logs.lines.filter((l) => l.level === 'warn').map((l) => l.message.replace(/^.*\(HTTP 401\): /, ''))).toEqual([
			'no X-Inbox-Signature header',
			'no v1= signature in X-Inbox-Signature matches the body',
			'X-Inbox-Signature timestamp is more than 300 s from now (stale or replayed)',
			'X-Inbox-Signature timestamp is more than 300 s from now (stale or replayed)',
			'the Inbox credential has no Webhook Signing Secret',
		]);
		expect(JSON.stringify(logs.lines)).not.toContain(SIGNING);
		// 300 s old is still inside the window.
		expect((await listener().deliver(sign(raw, t - 300))).items).toHaveLength(1);
	});

	test('the same event id delivered again (re-signed later, as an at-least-once sender does) starts nothing', async () => {
		const h = listener(undefined, SIGNING, 'wfInboxDup');
		const raw = JSON.stringify(v1Message('w6', 'external'));
		expect((await h.deliver(sign(raw))).items).toHaveLength(1);
		const again = await h.deliver(sign(raw, Math.floor(NOW / 1000) - 60));
		expect(again).toMatchObject({ status: 200, body: { received: true, started: false, reason: 'duplicate' } });
		expect(again.items).toBeUndefined();
	});
});

describe('Inbox Webhook Trigger activation', () => {
	const make = (secret?: string) =>
		new TriggerHarness(new InboxWebhookTrigger(), { events: ['message.received'] }, {
			omnichannelInboxApi: { apiToken: TOKEN, baseUrl: api.urls.inbox, ...(secret ? { webhookSigningSecret: secret } : {}) },
		});

	test('fails with a clear error when the credential has no signing secret; nothing is called at Inbox', async () => {
		const h = make();
		expect(await h.hook('checkExists')).toBe(false);
		await expect(h.hook('create')).rejects.toThrow('The Inbox credential has no Webhook Signing Secret');
		expect(await make(SIGNING).hook('create')).toBe(true);
		expect(await make(SIGNING).hook('delete')).toBe(true);
		expect(api.requests).toEqual([]);
	});
});
