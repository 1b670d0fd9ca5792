/**
 * Sociocs Trigger in n8n-core's contexts against the mock API: the subscription's life cycle
 * (as the mock sees it) and every kind of delivery.
 */
import { SociocsTrigger } from '../../nodes/Sociocs/SociocsTrigger.node';
import { hmacSha256Hex } from '../../nodes/shared/webhooks/signatures';
import { sociocsIncoming, signSociocs } from '../mock/deliveries';
import { startMockApi } from '../mock/mockApi';
import type { MockApi } from '../mock/mockApi';
import { captureLogs, TriggerHarness } from './harness';

const API_KEY = 'abc123:sociocs_trigger_key';
let api: MockApi;

beforeAll(async () => {
	api = await startMockApi();
});
afterAll(async () => await api.close());
beforeEach(() => api.reset());

function harness(parameters: Record<string, unknown> = {}, options = {}) {
	return new TriggerHarness(
		new SociocsTrigger(),
		{ events: ['messages'], provider: 'twlo', channelKey: 'twlo-key-1', ...parameters } as never,
		{ omnichannelSociocsApi: { apiKey: API_KEY, baseUrl: api.urls.sociocs } },
		{ workflowId: 'wfSociocs1', nodeId: 'node-sociocs-1', ...options },
	);
}

const incoming = sociocsIncoming();

const signed = (h: TriggerHarness, payload: unknown) => signSociocs(String(h.staticData.secret), payload);

describe('subscription life cycle', () => {
	test('activation subscribes the n8n URL with a stable reference and a random secret; checkExists finds it; deactivation deletes it', async () => {
		const h = harness({ events: ['messages', 'status_updates'], statuses_twlo: ['delivered', 'failed'] });
		expect(await h.hook('checkExists')).toBe(false);
		expect(await h.hook('create')).toBe(true);

		const create = api.requests.find((r) => r.method === 'POST')!;
		expect(create.path).toBe('/sociocs/webhook-subscriptions');
		expect(create.headers.apikey).toBe(API_KEY);
		expect(create.body).toEqual({
			platform: 'n8n',
			provider: 'twlo',
			channel_key: 'twlo-key-1',
			events: ['messages', 'status_updates'],
			subevents: { status_updates: ['delivered', 'failed'] },
			subscriber_reference_id: 'n8n-wfSociocs1-node-sociocs-1',
			webhook_url: h.webhookUrl(),
			secret: expect.stringMatching(/^[0-9a-f]{64}$/),
		});
		expect(h.webhookUrl()).toBe('http://127.0.0.1:5678/webhook/hook-0001/webhook');
		expect(h.staticData).toEqual({ subscriptionId: 'sub1', secret: create.body.secret, webhookUrl: h.webhookUrl() });

		// n8n restarts: checkExists finds it by reference and URL, so nothing is created again.
		expect(await h.hook('checkExists')).toBe(true);
		expect(api.requests.filter((r) => r.method === 'POST')).toHaveLength(1);

		expect(await h.hook('delete', 'trigger', 'init')).toBe(true);
		const del = api.requests.filter((r) => r.method === 'DELETE');
		expect(del.map((r) => r.path)).toEqual(['/sociocs/webhook-subscriptions/sub1']);
		expect(api.webhooks.state.subscriptions).toEqual([]);
		expect(h.staticData).toEqual({});
	});

	test('Telnyx (tlnx), as Sociocs documents it for webhooks: its own statuses as subevents', async () => {
		const h = harness({ provider: 'tlnx', channelKey: 'tlnx-key-1', events: ['status_updates'], statuses_tlnx: ['sending_failed', 'delivery_failed'] });
		await h.hook('create');
		expect(api.requests[0].body).toMatchObject({ provider: 'tlnx', channel_key: 'tlnx-key-1', events: ['status_updates'], subevents: { status_updates: ['sending_failed', 'delivery_failed'] } });
		const statuses = new SociocsTrigger().description.properties.find((p) => p.name === 'statuses_tlnx');
		expect((statuses?.options as Array<{ name: string; value: string }>).map((o) => o.name)).toEqual(['Queued', 'Sending', 'Sent', 'Delivered', 'Sending failed', 'Delivery failed']);
	});

	test('a second activation of a different secret on the same node updates the one subscription, never adds one', async () => {
		const h = harness();
		await h.hook('create');
		const first = h.staticData.secret;
		delete h.staticData.secret; // e.g. static data lost: checkExists must not trust the old subscription
		expect(await h.hook('checkExists')).toBe(false);
		await h.hook('create');
		expect(api.webhooks.state.subscriptions).toHaveLength(1);
		expect(h.staticData.secret).not.toBe(first);
		expect(api.webhooks.state.subscriptions[0].secret).toBe(h.staticData.secret);
	});

	test('the manual test listener has its own reference, so it never overwrites the production subscription', async () => {
		const h = harness();
		await h.hook('create', 'trigger');
		await h.hook('create', 'manual');
		expect(api.webhooks.state.subscriptions.map((s) => s.subscriber_reference_id)).toEqual([
			'n8n-wfSociocs1-node-sociocs-1',
			'n8n-wfSociocs1-node-sociocs-1-test',
		]);
		expect(api.webhooks.state.subscriptions[1].webhook_url).toBe('http://127.0.0.1:5678/webhook-test/hook-0001/webhook');
		// Each keeps its own secret: the test listener never replaces the production one.
		const [production, testing] = api.webhooks.state.subscriptions;
		expect(h.staticData.secret).toBe(production.secret);
		expect((h.staticData.test as { secret: string }).secret).toBe(testing.secret);
		const payload = sociocsIncoming({ message_id: 'SM-test-mode' });
		expect((await h.deliver(signSociocs(testing.secret, payload), 'manual')).items).toHaveLength(1);
		expect((await h.deliver(signSociocs(testing.secret, payload), 'webhook')).status).toBe(401);
		await h.hook('delete', 'manual');
		expect(api.webhooks.state.subscriptions).toEqual([production]);
		expect(h.staticData.secret).toBe(production.secret);
	});

	test('delete by id answering 404: the list is searched and what is ours is deleted (by reference id, as the docs show)', async () => {
		const h = harness();
		await h.hook('create');
		api.webhooks.state.deleteByReferenceOnly = true;
		expect(await h.hook('delete')).toBe(true);
		expect(api.requests.filter((r) => r.method !== 'POST').map((r) => `${r.method} ${r.path}`)).toEqual([
			'DELETE /sociocs/webhook-subscriptions/sub1',
			'GET /sociocs/webhook-subscriptions',
			'DELETE /sociocs/webhook-subscriptions/sub1',
			'DELETE /sociocs/webhook-subscriptions/n8n-wfSociocs1-node-sociocs-1',
		]);
		expect(api.webhooks.state.subscriptions).toEqual([]);
	});

	test('a failed delete is reported, not swallowed, and the secret is kept for a retry', async () => {
		const h = harness();
		await h.hook('create');
		api.once({ method: 'DELETE' }, { status: 500, body: { status: 'error', errors: [{ msg: 'db down' }] } });
		await expect(h.hook('delete')).rejects.toThrow('db down');
		expect(h.staticData.subscriptionId).toBe('sub1');
		expect(api.webhooks.state.subscriptions).toHaveLength(1);
	});

	test('a subscription already gone is fine (logged), and a create answer without id is an error', async () => {
		const h = harness();
		await h.hook('create');
		api.webhooks.reset();
		const logs = captureLogs();
		expect(await h.hook('delete')).toBe(true);
		logs.restore();
		expect(logs.lines.map((l) => l.message)).toContain('Trigger Under Test: no Sociocs webhook subscription to delete (already gone)');
		api.once({ method: 'POST' }, { status: 200, body: { status: 'success', data: {} } });
		await expect(harness().hook('create')).rejects.toThrow('Sociocs created no webhook subscription id');
	});
});

describe('deliveries', () => {
	test('a signed incoming message starts one item: E.164 numbers, ISO times, parsed extra fields, raw kept', async () => {
		const h = harness({}, { workflowId: 'wfDeliv1' });
		await h.hook('create');
		const answer = await h.deliver(signed(h, incoming));
		expect(answer.status).toBe(200);
		// What Sociocs sees: a small JSON body (n8n's default here would be the text "firstEntryJson").
		expect(answer.body).toEqual({ received: true });
		expect(answer.items).toEqual([
			{
				...incoming,
				from: '+16311112222',
				to: '+16175551212',
				timestamp: '2025-11-23T12:00:00.000Z',
				contact: {
					...incoming.contact,
					phone_number: '+16311112222',
					extra_fields: { plan: 'gold', visits: 3 },
					created_at: '2025-11-23T10:00:00.000Z',
					updated_at: '2025-11-23T11:00:00.000Z',
					is_blocked: false,
				},
				raw: incoming,
			},
		]);
	});

	test('a status update: status and error lifted out of event_data', async () => {
		const h = harness({ events: ['status_updates'] }, { workflowId: 'wfDeliv2' });
		await h.hook('create');
		const update = { message_id: 'SM7', event: 'status_update', event_data: { status: 'failed', error: { code: 30003, message: 'Unreachable' } } };
		const answer = await h.deliver(signed(h, update));
		expect(answer.items).toEqual([{ ...update, status: 'failed', error: { code: 30003, message: 'Unreachable' }, raw: update }]);
	});

	test('unsigned, tampered, wrongly keyed: 401, nothing starts, the log says why without the secret', async () => {
		const h = harness({}, { workflowId: 'wfDeliv3' });
		await h.hook('create');
		const secret = String(h.staticData.secret);
		const good = signed(h, incoming);
		const logs = captureLogs();
		const answers = [
			await h.deliver({ raw: good.raw }),
			await h.deliver({ raw: good.raw.replace('Hi there', 'Hi thera'), headers: good.headers }),
			await h.deliver({ raw: good.raw, headers: { 'X-Sociocs-Signature': hmacSha256Hex('guess', good.raw) } }),
		];
		logs.restore();
		for (const answer of answers) {
			expect(answer.status).toBe(401);
			expect(answer.body).toEqual({ message: 'Invalid signature' });
			expect(answer.items).toBeUndefined();
		}
		expect(logs.lines.filter((l) => l.level === 'warn').map((l) => l.message)).toEqual([
			'Trigger Under Test: delivery refused (HTTP 401): no X-Sociocs-Signature header',
			'Trigger Under Test: delivery refused (HTTP 401): X-Sociocs-Signature does not match the body',
			'Trigger Under Test: delivery refused (HTTP 401): X-Sociocs-Signature does not match the body',
		]);
		expect(JSON.stringify(logs.lines)).not.toContain(secret);
		expect(JSON.stringify(answers)).not.toContain(secret);
		// The good one still goes through afterwards (refusals are not remembered as seen).
		expect((await h.deliver(good)).items).toHaveLength(1);
	});

	test('the same delivery three times (also concurrently): one start, then 200 without starting', async () => {
		const h = harness({ events: ['messages', 'status_updates'] }, { workflowId: 'wfDeliv4' });
		await h.hook('create');
		const delivery = signed(h, { ...incoming, message_id: 'SM-dup' });
		const answers = await Promise.all([h.deliver(delivery), h.deliver(delivery), h.deliver(delivery)]);
		expect(answers.map((a) => a.status)).toEqual([200, 200, 200]);
		expect(answers.filter((a) => a.items).length).toBe(1);
		expect(answers.filter((a) => !a.items).map((a) => a.body)).toEqual([
			{ received: true, started: false, reason: 'duplicate' },
			{ received: true, started: false, reason: 'duplicate' },
		]);
		// Another status of the same message is another event.
		const update = signed(h, { message_id: 'SM-dup', event: 'status_update', event_data: { status: 'delivered' } });
		expect((await h.deliver(update)).items).toHaveLength(1);
		expect((await h.deliver(update)).items).toBeUndefined();
	});

	test('an event the node is not set to starts nothing and is answered 200 (so Sociocs does not retry)', async () => {
		const h = harness({ events: ['messages'] }, { workflowId: 'wfNotChosen' });
		await h.hook('create');
		const logs = captureLogs();
		const update = { message_id: 'SM-other', event: 'status_update', event_data: { status: 'delivered' } };
		const unknown = { message_id: 'SM-other', event: 'contact_update' };
		for (const payload of [update, unknown]) {
			const answer = await h.deliver(signed(h, payload));
			expect(answer.status).toBe(200);
			expect(answer.items).toBeUndefined();
			expect(answer.body).toEqual({ received: true, started: false, reason: 'event not chosen' });
		}
		logs.restore();
		// The incoming message it is set to still starts, and the other node (status updates only) takes only those.
		expect((await h.deliver(signed(h, { ...incoming, message_id: 'SM-other' }))).items).toHaveLength(1);
		const statuses = harness({ events: ['status_updates'] }, { workflowId: 'wfNotChosen2' });
		await statuses.hook('create');
		expect((await statuses.deliver(signed(statuses, { ...incoming, message_id: 'SM-x' }))).items).toBeUndefined();
		expect((await statuses.deliver(signed(statuses, update))).items).toHaveLength(1);
		// An ignored delivery is not remembered as seen: choosing the event later lets it through.
		const both = harness({ events: ['messages', 'status_updates'] }, { workflowId: 'wfNotChosen', staticData: { ...h.staticData } });
		expect((await both.deliver(signed(both, update))).items).toHaveLength(1);
	});

	test('two workflows subscribed to the same events each start once', async () => {
		const a = harness({}, { workflowId: 'wfTwinA' });
		const b = harness({}, { workflowId: 'wfTwinB' });
		await a.hook('create');
		await b.hook('create');
		const payload = { ...incoming, message_id: 'SM-twin' };
		expect((await a.deliver(signed(a, payload))).items).toHaveLength(1);
		expect((await b.deliver(signed(b, payload))).items).toHaveLength(1);
	});

	test('a trigger that was never activated (no secret) refuses everything', async () => {
		const h = harness({}, { workflowId: 'wfNoSecret' });
		const answer = await h.deliver({ raw: JSON.stringify(incoming), headers: { 'X-Sociocs-Signature': 'ab' } });
		expect(answer.status).toBe(401);
	});
});
