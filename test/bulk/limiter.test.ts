import { jsonOf } from '../helpers/assertions';
import { runNode } from '../helpers/engine';
import { highLevel } from '../highlevel/helpers';
import { startMockApi } from '../mock/mockApi';
import type { MockApi } from '../mock/mockApi';
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

test('a 429 pauses every worker, not just the one that got it', async () => {
	api.setLatency(10);
	api.once({ path: '/sociocs/message' }, { status: 429, headers: { 'retry-after': '1' }, body: { message: 'slow down' } });
	const result = await runNode(sociocs(api, send({ concurrency: 8 })), bulk(40));
	expect(result.error).toBeUndefined();
	const limitedAt = api.requests.find((r) => r.status === 429)!.at;
	// Requests that started after the 429 was answered waited out the whole second.
	const startedDuringPause = api.requests.filter((r) => r.at > limitedAt + 50 && r.at < limitedAt + 950);
	expect(startedDuringPause).toHaveLength(0);
	expect(jsonOf(result.items).every((json) => json.message_id)).toBe(true);
});

test('a fixed-window rate limit is learned: after the first burst of 429s, (almost) no more', async () => {
	api.setLatency(5);
	api.setRateLimit({ perSecond: 40 });
	const result = await runNode(sociocs(api, send()), bulk(160));
	expect(result.error).toBeUndefined();
	const limited = api.requests.filter((r) => r.status === 429).map((r) => r.at);
	expect(limited.length).toBeGreaterThan(0);
	// Episodes: 429s more than half a second apart. The first teaches the limit; timing noise
	// on a loaded machine may cost one more, never a 429 in every window.
	const episodes = limited.filter((at, i) => i === 0 || at - limited[i - 1] > 500).length;
	expect(episodes).toBeLessThanOrEqual(2);
	const delivered = api.requests.filter((r) => r.status === 200).map((r) => r.body.text);
	expect(delivered).toHaveLength(160);
	expect(new Set(delivered).size).toBe(160);
});

test('"Max Requests per Second" caps the pace', async () => {
	const started = Date.now();
	const result = await runNode(sociocs(api, send({ maxPerSecond: 20 })), bulk(21));
	expect(result.error).toBeUndefined();
	expect(Date.now() - started).toBeGreaterThanOrEqual(950);
	const times = api.requests.map((r) => r.at);
	expect(times[times.length - 1] - times[0]).toBeGreaterThanOrEqual(950);
});

test('HighLevel rate headers slow the senders down before a 429 happens', async () => {
	let count = 0;
	api.on({ path: '/highlevel/conversations/messages/inbound' }, () => {
		count++;
		return {
			status: 200,
			headers: {
				'x-ratelimit-max': '20',
				'x-ratelimit-interval-milliseconds': '1000',
				'x-ratelimit-remaining': String(Math.max(0, 20 - count)),
			},
			body: { success: true, conversationId: 'c', messageId: `h${count}` },
		};
	});
	const items = Array.from({ length: 40 }, (_, i) => ({ conversation: `conv${i}` }));
	const result = await runNode(
		highLevel(api, { type: 'SMS', message: 'x', conversationId: { __rl: true, mode: 'id', value: '={{ $json.conversation }}' } }),
		items,
	);
	expect(result.error).toBeUndefined();
	// Once 2 of 20 remained, requests sent from then on went at ~19/s (about 52 ms apart).
	const signalledAt = api.requests[17].at;
	const later = api.requests.filter((r) => r.at > signalledAt + 30).map((r) => r.at);
	expect(later.length).toBeGreaterThanOrEqual(5);
	const gaps = later.slice(1).map((at, i) => at - later[i]);
	// Timers on a busy loop fire a little late now and then, so single gaps vary; the pace does not.
	expect(gaps.reduce((sum, gap) => sum + gap, 0) / gaps.length).toBeGreaterThanOrEqual(45);
	for (const gap of gaps) expect(gap).toBeGreaterThanOrEqual(20);
});

test('503 without Retry-After is a server error: reported, not retried', async () => {
	api.once({ path: '/sociocs/message' }, { status: 503, body: 'down' });
	const result = await runNode(sociocs(api, send(), { continueOnFail: true }), bulk(1));
	expect(api.requests).toHaveLength(1);
	expect(jsonOf(result.items)[0]).toMatchObject({ httpCode: '503', delivery: 'unknown' });
});

test('a rate limit that never lifts is reported after the longest wait allowed, not delivered', async () => {
	api.on({ path: '/sociocs/message' }, { status: 429, headers: { 'retry-after': '1' }, body: { message: 'quota exhausted' } });
	const result = await runNode(sociocs(api, send({ maxRateLimitWait: 2 })), bulk(1));
	expect(result.error?.message).toBe('Sociocs is still rate limiting after 2 s of waiting');
	expect(result.error?.description).toMatch(/^Not delivered/);
	expect(api.requests.every((r) => r.status === 429)).toBe(true);
	expect(api.requests.length).toBe(3);
});
