import { semaphore } from '../../nodes/shared/items';
import { RateLimiter } from '../../nodes/shared/rateLimiter';
import type { Pacer } from '../../nodes/shared/rateLimiter';
import { createRateLimit } from '../mock/rateLimits';
import type { RateLimitConfig } from '../mock/mockApi';
import { VirtualClock } from './virtualClock';

/**
 * A bulk send on a virtual clock: `workers` processes (each with its own limiter, as n8n
 * queue-mode workers have) send `items` each, `concurrency` at a time, to one API limited as
 * `rateLimit` says (test/mock/rateLimits.js, the mock's own code). Items take places as
 * sendItems gives them (its semaphore), and each request goes through the limiter as
 * apiRequest drives it: wait out any Retry-After outside its place, take a slot, send, and
 * report the answer. The API judges a request when it arrives and answers `latencyMs` later.
 */
export interface Simulation {
	items: number;
	rateLimit: RateLimitConfig & { limit: number };
	latencyMs?: number;
	concurrency?: number;
	workers?: number;
	/** Virtual start time (ms): moves clock-aligned windows against the run. */
	startAt?: number;
	/** Worker `i` starts `i x staggerMs` late (a slower start: it gets a smaller share at first). */
	staggerMs?: number;
	/** The user's cap, per worker. */
	pacer?: (clock: VirtualClock) => Pacer;
}

export interface Outcome {
	/** From the first send to the last answer, in ms. */
	spanMs: number;
	/** Accepted requests per item: 1 for each item means none lost, none doubled. */
	deliveries: number[];
	refusals: number;
	/** Every request in send order: when, by which worker, and whether it was refused. */
	sends: Array<{ at: number; worker: number; refused: boolean }>;
}

export async function simulate(sim: Simulation): Promise<Outcome> {
	const clock = new VirtualClock(sim.startAt ?? 0);
	const api = createRateLimit(sim.rateLimit);
	const latencyMs = sim.latencyMs ?? 20;
	const concurrency = sim.concurrency ?? 10;
	const workers = sim.workers ?? 1;
	const deliveries = new Array<number>(sim.items * workers).fill(0);
	const sends: Outcome['sends'] = [];
	let refusals = 0;
	let lastAnswer = 0;

	type Place = ReturnType<typeof semaphore>;
	const sendItem = async (limiter: RateLimiter, pacer: Pacer | undefined, place: Place, worker: number, item: number) => {
		let notBefore = 0;
		for (;;) {
			if (notBefore) await place.releasedWhile(async () => await limiter.waitUntil(notBefore));
			await pacer?.take();
			const sentAt = await limiter.acquire();
			const verdict = api(clock.now());
			sends.push({ at: sentAt, worker, refused: verdict.refused });
			await clock.sleep(latencyMs);
			lastAnswer = Math.max(lastAnswer, clock.now());
			if (!verdict.refused) {
				limiter.accepted(sentAt, verdict.headers);
				deliveries[item]++;
				return;
			}
			refusals++;
			const waitMs = Number(verdict.headers['retry-after'] ?? 1) * 1000;
			notBefore = limiter.limited(sentAt, waitMs, verdict.headers);
		}
	};

	const worker = async (index: number) => {
		if (sim.staggerMs) await clock.sleep(index * sim.staggerMs);
		const limiter = new RateLimiter(clock);
		const pacer = sim.pacer?.(clock);
		const place = semaphore(concurrency);
		await Promise.all(
			Array.from({ length: sim.items }, async (_, i) => {
				await place.run(async () => await sendItem(limiter, pacer, place, index, index * sim.items + i));
			}),
		);
	};

	await clock.run(Promise.all(Array.from({ length: workers }, async (_, i) => await worker(i))));
	return { spanMs: lastAnswer - sends[0].at, deliveries, refusals, sends };
}

/** The physical floor: the limit's pace, or the workers' own pace at that latency. */
export function floorMs(sim: Simulation): number {
	const total = sim.items * (sim.workers ?? 1);
	const windowMs = sim.rateLimit.windowMs ?? 1000;
	const byRate = (total * windowMs) / sim.rateLimit.limit;
	const byLatency = (total * (sim.latencyMs ?? 20)) / ((sim.concurrency ?? 10) * (sim.workers ?? 1));
	return Math.max(byRate, byLatency);
}
