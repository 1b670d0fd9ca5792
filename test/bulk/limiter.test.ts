/**
 * Rate limiting end to end: the nodes in n8n's engine against the mock's rate limits. Only
 * what cannot depend on the machine's speed is asserted (counts, order, duplicates,
 * delivery verdicts); the limiter's timing is tested on a virtual clock
 * (limiterModel.test.ts) and measured by `npm run bench`.
 */
import { jsonOf, pairedIndexes } from '../helpers/assertions';
import { runNode } from '../helpers/engine';
import { highLevel } from '../highlevel/helpers';
import { startMockApi } from '../mock/mockApi';
import type { MockApi } from '../mock/mockApi';
import { DISCIPLINES } from '../mock/rateLimits';
import { sociocs } from '../sociocs/helpers';

let api: MockApi;
beforeAll(async () => (api = await startMockApi()));
afterAll(async () => await api.close());
beforeEach(() => api.reset());

const bulk = (count: number, recipients = count) =>
	Array.from({ length: count }, (_, i) => ({ to: `+1617555${String(2000 + (i % recipients))}`, text: `b${i}` }));

const send = (options: Record<string, unknown> = {}) => ({
	operation: 'send',
	provider: 'twlo',
	channelKey: 'chan-1',
	to: '={{ $json.to }}',
	text: '={{ $json.text }}',
	options,
});

/** Texts the API accepted (processed with a 2xx), in arrival order. */
const delivered = () => api.requests.filter((r) => r.outcome === 'processed' && r.status === 200).map((r) => r.body.text as string);

test.each(DISCIPLINES)('%s rate limit: every message delivered exactly once, output in input order', async (discipline) => {
	api.setLatency(5);
	api.setRateLimit({ discipline, limit: 40 });
	const input = bulk(100, 30);
	const result = await runNode(sociocs(api, send()), input);
	expect(result.error).toBeUndefined();
	// (Whether 429s came depends on what the shared limiter learned in the tests before.)
	expect(delivered().sort()).toEqual(input.map((item) => item.text).sort());
	expect(pairedIndexes(result.items)).toEqual(input.map((_, i) => i));
	expect(jsonOf(result.items).map((json) => json.to)).toEqual(input.map((item) => item.to));
});

test('HighLevel with its rate headers: every message delivered exactly once, in order', async () => {
	api.setRateLimit({ limit: 20, windowMs: 1000, headers: 'highlevel' });
	const items = Array.from({ length: 40 }, (_, i) => ({ conversation: `conv${i}`, text: `h${i}` }));
	const result = await runNode(
		highLevel(api, {
			type: 'SMS',
			message: '={{ $json.text }}',
			conversationId: { __rl: true, mode: 'id', value: '={{ $json.conversation }}' },
		}),
		items,
	);
	expect(result.error).toBeUndefined();
	const accepted = api.requests.filter((r) => r.status === 200).map((r) => r.body.message as string);
	expect(accepted.sort()).toEqual(items.map((item) => item.text).sort());
	expect(api.requests[0].status).toBe(200);
	expect(jsonOf(result.items).map((json) => json.conversationId)).toEqual(items.map((item) => item.conversation));
});

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
