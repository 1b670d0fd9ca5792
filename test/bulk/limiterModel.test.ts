/**
 * The limiter's behaviour on a virtual clock: no test here depends on the machine's speed or
 * load. The bulk targets are checked against the mock's own rate-limit code
 * (test/mock/rateLimits.js); `npm run bench` measures the same in n8n on the wall clock.
 */
import { Pacer, RateLimiter } from '../../nodes/shared/rateLimiter';
import { isRateLimited, retryAfterMs } from '../../nodes/shared/transport';
import { rateLimitRoom } from '../../nodes/shared/transport/headers';
import { DISCIPLINES } from '../mock/rateLimits';
import { floorMs, simulate } from './simulate';
import type { RateLimitConfig } from '../mock/mockApi';
import type { Simulation } from './simulate';
import { VirtualClock } from './virtualClock';

const everyOnce = (deliveries: number[]) => deliveries.every((count) => count === 1);

describe.each(DISCIPLINES)('%s windows, limit unknown to the limiter', (discipline) => {
	test.each([0, 437])('P1: 2,000 sends at 200/s within 1.15x the floor (windows at phase %i ms)', async (startAt) => {
		const sim: Simulation = { items: 2000, rateLimit: { discipline, limit: 200 }, startAt };
		const outcome = await simulate(sim);
		expect(everyOnce(outcome.deliveries)).toBe(true);
		expect(outcome.spanMs / floorMs(sim)).toBeLessThanOrEqual(1.15);
	});

	test('a short run: 300 sends at 100/s within 1.3x the floor', async () => {
		const sim: Simulation = { items: 300, rateLimit: { discipline, limit: 100 } };
		const outcome = await simulate(sim);
		expect(everyOnce(outcome.deliveries)).toBe(true);
		expect(outcome.spanMs / floorMs(sim)).toBeLessThanOrEqual(1.3);
	});

	test.each([2, 3])('%i queue-mode workers, a limiter each, 1,000 sends each: within 1.3x the combined floor', async (workers) => {
		const sim: Simulation = { items: 1000, workers, rateLimit: { discipline, limit: 200 } };
		const outcome = await simulate(sim);
		expect(outcome.deliveries).toHaveLength(1000 * workers);
		expect(everyOnce(outcome.deliveries)).toBe(true);
		expect(outcome.spanMs / floorMs(sim)).toBeLessThanOrEqual(1.3);
	});

	test.each([300, 700])('3 workers starting %i ms apart (uneven shares at the first 429): within 1.4x the combined floor', async (staggerMs) => {
		const sim: Simulation = { items: 1000, workers: 3, staggerMs, rateLimit: { discipline, limit: 200 } };
		const outcome = await simulate(sim);
		expect(everyOnce(outcome.deliveries)).toBe(true);
		expect(outcome.spanMs / floorMs(sim)).toBeLessThanOrEqual(1.4);
	});

	test('HighLevel rate headers (100 per 10 s): 1,000 sends, no 429 at all, within 1.05x the floor', async () => {
		const sim: Simulation = {
			items: 1000,
			rateLimit: { discipline, limit: 100, windowMs: 10_000, headers: 'highlevel' },
		};
		const outcome = await simulate(sim);
		expect(outcome.refusals).toBe(0);
		expect(everyOnce(outcome.deliveries)).toBe(true);
		expect(outcome.spanMs / floorMs(sim)).toBeLessThanOrEqual(1.05);
	});

	test('Inbox room headers (300 a minute): 1,000 sends, no 429 at all, within 1.05x the floor', async () => {
		const outcome = await simulate(inbox(discipline, 10));
		expect(outcome.refusals).toBe(0);
		expect(everyOnce(outcome.deliveries)).toBe(true);
		expect(outcome.spanMs / burstFloorMs(inbox(discipline, 10))).toBeLessThanOrEqual(1.05);
	});
});

/** Inbox's limit as the mock applies it, on a clock at a real date (its reset is Unix seconds). */
function inbox(discipline: RateLimitConfig['discipline'], concurrency: number): Simulation {
	return { items: 1000, concurrency, startAt: Date.UTC(2026, 11, 1, 12, 0, 0, 437), rateLimit: { discipline, limit: 300, windowMs: 60_000, headers: 'inbox' } };
}

/** With the room stated, the floor of a spent-and-waited budget: the first `limit` at once, then `limit` a window. */
function burstFloorMs(sim: Simulation): number {
	return Math.ceil(sim.items / sim.rateLimit.limit - 1) * (sim.rateLimit.windowMs ?? 1000);
}

test.each(['sliding', 'fixed'] as const)('Inbox room headers, %s windows, one thread (one send at a time): no 429, within 1.05x the floor', async (discipline) => {
	const sim = inbox(discipline, 1);
	const outcome = await simulate(sim);
	expect(outcome.refusals).toBe(0);
	expect(everyOnce(outcome.deliveries)).toBe(true);
	expect(outcome.spanMs / burstFloorMs(sim)).toBeLessThanOrEqual(1.05);
});

/** Acquires `count` slots at once; resolves with their send times. */
async function acquireMany(limiter: RateLimiter, count: number) {
	return await Promise.all(Array.from({ length: count }, async () => await limiter.acquire()));
}

/** A burst of `count` accepted requests and one refused: the limiter learns `count` per second. */
async function teach(clock: VirtualClock, limiter: RateLimiter, count: number) {
	const burst = await clock.run(acquireMany(limiter, count + 1));
	for (const sentAt of burst.slice(0, count)) limiter.accepted(sentAt);
	limiter.limited(burst[count], 1000);
}

test('"Max Requests per Second" spaces sends evenly', async () => {
	const clock = new VirtualClock();
	const pacer = new Pacer(50, clock);
	const times = await clock.run(
		Promise.all(Array.from({ length: 21 }, async () => (await pacer.take(), clock.now()))),
	);
	expect(times).toEqual(Array.from({ length: 21 }, (_, i) => i * 50));
});

test('without a 429 nothing is paced', async () => {
	const clock = new VirtualClock(5000);
	const limiter = new RateLimiter(clock);
	expect(await clock.run(acquireMany(limiter, 100))).toEqual(new Array(100).fill(5000));
	expect(limiter.rate()).toBeUndefined();
});

test('a 429 after a burst pauses every sender until the burst, replayed at the new rate, is over', async () => {
	const clock = new VirtualClock();
	const limiter = new RateLimiter(clock);
	const burst = await clock.run(acquireMany(limiter, 50));
	await clock.run(clock.sleep(20));
	for (const sentAt of burst.slice(0, 40)) limiter.accepted(sentAt);
	// The 41st was refused: the API accepted 40 in its one-second window.
	const retryAt = limiter.limited(burst[40], 1000, { 'retry-after': '1' });
	expect(retryAt).toBe(1020);
	expect(limiter.rate()).toBeCloseTo(0.95 * 40);
	// The others refused in the same episode change nothing.
	for (const sentAt of burst.slice(41)) limiter.limited(sentAt, 1000);
	expect(limiter.rate()).toBeCloseTo(0.95 * 40);
	// Next sends: once 40 sends at 38/s would be over, then 1 / 38 s apart.
	const next = await clock.run(acquireMany(limiter, 3));
	const gap = 1000 / (0.95 * 40);
	expect(next[0]).toBeCloseTo(40 * gap);
	expect(next[1] - next[0]).toBeCloseTo(gap, 0);
	expect(next[2] - next[1]).toBeCloseTo(gap, 0);
});

test('a 429 at a steady pace costs only a short pause and a slightly slower pace', async () => {
	const clock = new VirtualClock();
	const limiter = new RateLimiter(clock);
	await teach(clock, limiter, 100);
	// Two seconds at the learned pace, one after another, all accepted (the rate rises meanwhile).
	for (let i = 0; i < 200; i++) limiter.accepted(await clock.run(limiter.acquire()));
	const before = limiter.rate()!;
	const [refused] = await clock.run(acquireMany(limiter, 1));
	limiter.limited(refused, 1000);
	const after = limiter.rate()!;
	// 95% of what the API accepted in the last window (a little under the paced rate).
	expect(after).toBeLessThan(before);
	expect(after).toBeGreaterThan(0.85 * before);
	// The pause: what a window at the old pace, replayed at the new one, overruns (~5%).
	const [resumed] = await clock.run(acquireMany(limiter, 1));
	expect(resumed - refused).toBeLessThanOrEqual(0.06 * 1000 + 1000 / after);
});

test('a 429 after fewer than 10 accepted requests teaches no rate: everyone waits as told', async () => {
	const clock = new VirtualClock();
	const limiter = new RateLimiter(clock);
	const sent = await clock.run(acquireMany(limiter, 5));
	for (const sentAt of sent.slice(0, 4)) limiter.accepted(sentAt);
	expect(limiter.limited(sent[4], 2000)).toBe(2000);
	expect(limiter.rate()).toBeUndefined();
	expect(await clock.run(acquireMany(limiter, 10))).toEqual(new Array(10).fill(2000));
});

test('while no 429 comes, the rate rises by 1% of its cut value, the rise doubling every window', async () => {
	const clock = new VirtualClock();
	const limiter = new RateLimiter(clock);
	await teach(clock, limiter, 200);
	const rates = [];
	for (let window = 0; window <= 10; window++) {
		rates.push(limiter.rate()!);
		await clock.run(clock.sleep(1000));
	}
	expect(rates[0]).toBeCloseTo(190);
	expect(rates.slice(1, 5).map((rate) => rate / 190 - 1)).toEqual([0.01, 0.03, 0.07, 0.15].map((rise) => expect.closeTo(rise, 6)));
	// Room another sender left is taken within seconds: ten windows on, more than 10 times the pace.
	expect(rates[10]).toBeGreaterThan(10 * 190);
});

test('rate headers set the pace at once, counting what was already sent', async () => {
	const clock = new VirtualClock();
	const limiter = new RateLimiter(clock);
	const sent = await clock.run(acquireMany(limiter, 10));
	await clock.run(clock.sleep(20));
	limiter.accepted(sent[0], { 'x-ratelimit-max': '100', 'x-ratelimit-remaining': '99', 'x-ratelimit-interval-milliseconds': '10000' });
	expect(limiter.rate()).toBeCloseTo(9.7);
	const [next] = await clock.run(acquireMany(limiter, 1));
	expect(next).toBeCloseTo((10 * 1000) / 9.7);
});

/** Room headers as Inbox sends them: `remaining` left until `resetS` (Unix seconds). */
const room = (remaining: number, resetS: number) => ({ 'x-ratelimit-limit': '300', 'x-ratelimit-remaining': String(remaining), 'x-ratelimit-reset': String(resetS) });

test('room headers: never more than the room, counting what left since; at none, a wait until the reset, then one request alone', async () => {
	const clock = new VirtualClock(1_800_000_000_000);
	const limiter = new RateLimiter(clock);
	const start = clock.now();
	const resetS = start / 1000 + 60;
	const first = await clock.run(acquireMany(limiter, 3));
	await clock.run(clock.sleep(20));
	// The API counted the first and had 5 left; the two sent with it may come after it.
	limiter.accepted(first[0], room(5, resetS));
	const burst = await clock.run(acquireMany(limiter, 3));
	expect(burst).toEqual([start + 20, start + 20, start + 20]);
	// None left: the next ones wait for the reset, one goes alone, and its answer states the new room.
	const next: number[] = [];
	const waiting = Promise.all(Array.from({ length: 5 }, async () => next.push(await limiter.acquire())));
	await clock.run(clock.sleep(resetS * 1000 - clock.now() + 5));
	expect(next).toEqual([resetS * 1000]);
	for (const sentAt of [...first.slice(1), ...burst]) limiter.accepted(sentAt);
	expect(next).toHaveLength(1);
	limiter.accepted(next[0], room(2, resetS + 60));
	await clock.run(clock.sleep(61_000));
	// Two now; the others at the next reset, again one first.
	expect(next).toEqual([resetS * 1000, resetS * 1000 + 5, resetS * 1000 + 5, (resetS + 60) * 1000]);
	await clock.run(clock.sleep(10));
	const answeredAt = clock.now();
	limiter.accepted(next[3], room(10, resetS + 120));
	await clock.run(waiting);
	expect(next[4]).toBe(answeredAt);
});

test('room headers: a reset far away (an hourly limit spent) is not waited for before sending, and an API that stops stating its room is paced by the other rules', async () => {
	const clock = new VirtualClock(1_800_000_000_000);
	const limiter = new RateLimiter(clock);
	const [sent] = await clock.run(acquireMany(limiter, 1));
	limiter.accepted(sent, room(0, clock.now() / 1000 + 3600));
	const [probe] = await clock.run(acquireMany(limiter, 1));
	expect(probe).toBe(sent);
	limiter.accepted(probe, {});
	expect(await clock.run(acquireMany(limiter, 5))).toEqual(new Array(5).fill(sent));
});

test('X-RateLimit-Reset is Unix seconds, as Inbox documents; seconds from now and Unix milliseconds are read as such', () => {
	const now = Date.UTC(2026, 11, 1, 12, 0, 0);
	expect(rateLimitRoom(room(7, now / 1000 + 42), now)).toEqual({ remaining: 7, resetAt: now + 42_000 });
	expect(rateLimitRoom({ 'x-ratelimit-remaining': '7', 'x-ratelimit-reset': '42' }, now)).toEqual({ remaining: 7, resetAt: now + 42_000 });
	expect(rateLimitRoom({ 'x-ratelimit-remaining': '7', 'x-ratelimit-reset': String(now + 42_000) }, now)).toEqual({ remaining: 7, resetAt: now + 42_000 });
	// HighLevel states no reset: no room is learnt from its Remaining.
	expect(rateLimitRoom({ 'x-ratelimit-max': '100', 'x-ratelimit-remaining': '99', 'x-ratelimit-interval-milliseconds': '10000' }, now)).toBeUndefined();
});

test('only a 429, or a 503 with an explicit Retry-After, is a rate limit', () => {
	const interval = { 'x-ratelimit-interval-milliseconds': '10000' };
	expect(isRateLimited(429, {})).toBe(true);
	expect(isRateLimited(429, interval)).toBe(true);
	expect(isRateLimited(503, { 'retry-after': '2' })).toBe(true);
	expect(isRateLimited(503, interval)).toBe(false);
	expect(isRateLimited(503, {})).toBe(false);
	expect(retryAfterMs(interval)).toBeUndefined();
	expect(retryAfterMs({ 'retry-after': 'Mon, 23 Nov 2026 10:00:05 GMT' }, Date.parse('2026-11-23T10:00:00Z'))).toBe(5000);
});
