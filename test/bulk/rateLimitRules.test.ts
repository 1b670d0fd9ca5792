/**
 * The rate-limit rules for one request, end to end in n8n's engine against the mock: what is
 * waited out, what is never sent again, and the user's caps. Only what cannot depend on the
 * machine's speed is asserted (lower bounds on time at most).
 */
import { jsonOf } from '../helpers/assertions';
import { runNode } from '../helpers/engine';
import { highLevel } from '../highlevel/helpers';
import { startMockApi } from '../mock/mockApi';
import type { MockApi } from '../mock/mockApi';
import { sociocs } from '../sociocs/helpers';
import { bulk, delivered as deliveredBy, send } from './sends';

let api: MockApi;
beforeAll(async () => (api = await startMockApi()));
afterAll(async () => await api.close());
beforeEach(() => api.reset());

const delivered = () => deliveredBy(api);

test('a HighLevel 429 without Retry-After waits its interval header and is sent again', async () => {
	api.once(
		{ path: '/highlevel/conversations/messages/inbound' },
		{ status: 429, headers: { 'x-ratelimit-interval-milliseconds': '300', 'x-ratelimit-max': '100', 'x-ratelimit-remaining': '0' }, body: { message: 'Too many requests' } },
	);
	const result = await runNode(highLevel(api, { type: 'SMS', message: 'x' }), [{}]);
	expect(result.error).toBeUndefined();
	expect(api.requests.map((r) => r.status)).toEqual([429, 200]);
	expect(jsonOf(result.items)[0].messageId).toMatch(/^hlmsg/);
});

test('a refused request waits out its Retry-After outside its concurrency place: the next items go meanwhile', async () => {
	api.once({ path: '/sociocs/message' }, { status: 429, headers: { 'retry-after': '1' }, body: { message: 'slow down' } });
	const result = await runNode(sociocs(api, send({ concurrency: 1 })), bulk(3));
	expect(result.error).toBeUndefined();
	expect(api.requests.map((r) => `${r.body.text} ${r.status}`)).toEqual(['b0 429', 'b1 200', 'b2 200', 'b0 200']);
	expect(jsonOf(result.items).map((json) => json.to)).toEqual(bulk(3).map((item) => item.to));
});

test('503 without Retry-After is a server error: reported, not retried', async () => {
	api.once({ path: '/sociocs/message' }, { status: 503, body: 'down' });
	const result = await runNode(sociocs(api, send(), { continueOnFail: true }), bulk(1));
	expect(api.requests).toHaveLength(1);
	expect(jsonOf(result.items)[0]).toMatchObject({ httpCode: '503', delivery: 'unknown' });
});

test('a 503 carrying only HighLevel\'s interval header may have been delivered: reported, never sent again', async () => {
	api.once(
		{ path: '/highlevel/conversations/messages/inbound' },
		{ status: 503, headers: { 'x-ratelimit-interval-milliseconds': '10000', 'x-ratelimit-max': '100', 'x-ratelimit-remaining': '57' }, body: { message: 'Service Unavailable' } },
	);
	const result = await runNode(highLevel(api, { type: 'SMS', message: 'x' }, { continueOnFail: true }), [{}]);
	expect(api.requests).toHaveLength(1);
	expect(jsonOf(result.items)[0]).toMatchObject({ error: 'Service Unavailable', httpCode: '503', delivery: 'unknown' });
	expect(jsonOf(result.items)[0].description).toMatch(/^May have been delivered/);
});

test('"Max Requests per Second" caps the pace', async () => {
	const started = Date.now();
	const result = await runNode(sociocs(api, send({ maxPerSecond: 20 })), bulk(21));
	expect(result.error).toBeUndefined();
	// 21 sends at most 20 per second take at least a second: a lower bound, which a busy
	// machine can only lengthen (the pacing itself is tested on a virtual clock).
	expect(Date.now() - started).toBeGreaterThanOrEqual(990);
	expect(delivered()).toHaveLength(21);
});

test('a rate limit that never lifts is reported after the longest wait allowed, not delivered', async () => {
	api.on({ path: '/sociocs/message' }, { status: 429, headers: { 'retry-after': '1' }, body: { message: 'quota exhausted' } });
	const result = await runNode(sociocs(api, send({ maxRateLimitWait: 2 })), bulk(1));
	expect(result.error?.message).toBe('Sociocs is still rate limiting after 2 s of waiting');
	expect(result.error?.description).toMatch(/^Not delivered/);
	expect(api.requests.every((r) => r.status === 429)).toBe(true);
	expect(api.requests.length).toBe(3);
});
