import { sleep } from 'n8n-workflow';

import { numberHeader, rateLimitRoom } from './transport/headers';

/**
 * The rate limiter: one per API key (credential + base URL) in the n8n process, shared by
 * every worker of every node run, because a rate limit belongs to the key.
 *
 * The model, in four rules:
 * 1. **Even pacing.** Requests leave one at a time, `1 / rate` apart. With no rate known yet
 *    they leave as fast as the workers send them.
 * 2. **Cut on a 429** (multiplicative decrease). The API just showed how many requests it
 *    accepts per window: the number of our requests it accepted during the last window
 *    (`A`, counted by send time; the window is what rate headers state, else the
 *    Retry-After in whole seconds, at least one). The rate becomes `DECREASE x min(rate, A / window)`. The
 *    next request waits until the window's requests, replayed at the new rate, would have
 *    gone out: after a cold burst that is about one window (the API's window is spent),
 *    after a 429 at a steady pace only a few percent of one. The refused request itself
 *    waits out its `Retry-After` (with its concurrency slot released, see items.ts) and queues
 *    again. 429s for requests sent before the cut
 *    say nothing new and change nothing. Fewer than `MIN_EVIDENCE` accepted requests teach
 *    no rate (another sender used the key, or a hiccup): then everyone waits as told.
 * 3. **Rise** while no 429 comes: by `RECOVERY` (1%) of the rate set at the cut in the first
 *    window, and each window the rise doubles (+1%, +3%, +7%, +15%, ... in all). Gentle
 *    next to the rate that earned the last 429, so a steady run meets one only every few
 *    windows; quick to take room the API gives again (another sender, e.g. another n8n
 *    worker on the key, stopped); and, left alone long enough, it paces no more at all.
 * 4. **Rate headers** (HighLevel's `X-RateLimit-Max` per `X-RateLimit-Interval-Milliseconds`)
 *    state the limit: the rate never exceeds `HEADER_SHARE` of it, and when it first becomes
 *    known the requests already sent count against it. So such an API never needs to 429 us
 *    (unless other software spends the same key: then rule 2 applies as well).
 * 5. **Room headers** (Inbox's `X-RateLimit-Remaining` until `X-RateLimit-Reset`) state how
 *    many requests the window still takes: never more than that are sent, counting the
 *    requests sent since (and those still on their way) against it; at none, everyone waits
 *    until the reset, then one request goes alone and its answer states the new room. So a
 *    per-minute budget is spent at once and waited out, with no 429 (a window that slides
 *    gives room back request by request: the requests after the reset follow it). A reset
 *    further than `MAX_ROOM_PAUSE_MS` away (an hourly or daily limit spent) is not waited for
 *    here: requests go one at a time and their 429s are waited out within the node's budget.
 *
 * Why this is enough under every discipline an API may use (fixed windows from the first
 * request or on the clock, a sliding log, a token bucket): even pacing a little under the
 * limit never puts more than the limit in any window, whatever its phase; and a rate a
 * little over the limit earns a 429 that costs a few refused requests and a short pause.
 *
 * Time comes from an injected `Clock` (the real one by default), so tests run the limiter
 * on a virtual clock, and its figures are measured by the benchmark, not by timed tests.
 */

export interface Clock {
	now(): number;
	sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

export const realClock: Clock = {
	now: () => Date.now(),
	sleep: async (ms, signal) => await sleep(ms, signal),
};

/** After a 429 the rate is this share of what the API was seen to accept. */
const DECREASE = 0.95;
/** The rise in the first window after a cut, as a share of the rate set there; it doubles every window. */
const RECOVERY = 0.01;
/** Fewer requests accepted in the window than this teach no rate (see rule 2). */
const MIN_EVIDENCE = 10;
/** Share of a limit stated by rate headers that is used: pacing exactly at it would let timer noise overfill a window. */
const HEADER_SHARE = 0.97;
/** Send times of accepted requests remembered (for counting `A`). */
const HISTORY = 10_000;
/** The longest wait for a reset that rule 5 takes before sending (an API's minute window, rounded up). */
const MAX_ROOM_PAUSE_MS = 120_000;

/**
 * Send slots at least `intervalMs` apart. A caller sleeps until its slot; if the schedule
 * is restarted meanwhile (a 429 changed the rate), it takes a new slot instead.
 */
class Slots {
	private next = 0;
	private generation = 0;

	constructor(private readonly clock: Clock) {}

	/** Resolves true once the caller's slot has come, false if the schedule was restarted meanwhile. */
	async take(intervalMs: number, signal?: AbortSignal): Promise<boolean> {
		const now = this.clock.now();
		const slot = Math.max(now, this.next);
		this.next = slot + intervalMs;
		if (slot <= now) return true;
		const generation = this.generation;
		await this.clock.sleep(slot - now, signal);
		return generation === this.generation;
	}

	/** Nothing leaves before `at`; callers already waiting take new slots. */
	restart(at: number) {
		this.next = at;
		this.generation++;
	}

	get nextSlot() {
		return this.next;
	}
}

/** The user's own cap ("Max Requests per Second") for one node run: slots `intervalMs` apart (0 = none). */
export class Pacer {
	private readonly slots: Slots;

	constructor(
		private readonly intervalMs = 0,
		clock: Clock = realClock,
	) {
		this.slots = new Slots(clock);
	}

	async take(signal?: AbortSignal): Promise<void> {
		if (this.intervalMs > 0) await this.slots.take(this.intervalMs, signal);
	}
}

export class RateLimiter {
	private readonly slots: Slots;
	/** Rate (requests per second) set at the last cut; undefined until a 429 taught one. */
	private cutRate?: number;
	private cutAt = 0;
	/** When the last 429 episode began: refusals of requests sent before it belong to it. */
	private episodeAt = 0;
	/** The limit the rate headers state, times HEADER_SHARE; never exceeded. */
	private ceiling?: number;
	private windowMs = 1000;
	/** Ring of send times of accepted requests. */
	private readonly sent: number[] = [];
	private cursor = 0;
	private inFlight = 0;
	/** Rule 5: requests the room headers still allow before `resetAt` (at most; undefined: never stated). */
	private room?: { left: number; resetAt: number };
	/** Send times of the requests not answered yet, oldest first. */
	private readonly pending: number[] = [];
	/** Send times of every request since the oldest pending one (to count what left after an answered one). */
	private issued: number[] = [];
	/** The one request sent after a reset to learn the new room; the others wait for its answer. */
	private probe?: { sentAt: number; answered: Promise<void>; settle: () => void };

	constructor(readonly clock: Clock = realClock) {
		this.slots = new Slots(clock);
	}

	/** Requests per second now (undefined: no pacing). */
	rate(now = this.clock.now()): number | undefined {
		const grown =
			this.cutRate === undefined
				? undefined
				: this.cutRate * (1 + RECOVERY * (2 ** ((now - this.cutAt) / this.windowMs) - 1));
		if (grown === undefined) return this.ceiling;
		return this.ceiling === undefined ? grown : Math.min(grown, this.ceiling);
	}

	/** Sleeps until `at` (a refused request waiting out its Retry-After). */
	async waitUntil(at: number, signal?: AbortSignal): Promise<void> {
		const now = this.clock.now();
		if (at > now) await this.clock.sleep(at - now, signal);
	}

	/**
	 * Waits for this request's slot; returns the send time, to hand back to `accepted` or
	 * `limited` when the answer comes.
	 */
	async acquire(signal?: AbortSignal): Promise<number> {
		for (;;) {
			const rate = this.rate();
			if (!(await this.slots.take(rate ? 1000 / rate : 0, signal))) continue;
			if (!(await this.takeRoom(signal))) continue;
			const now = this.clock.now();
			this.inFlight++;
			this.pending.push(now);
			this.issued.push(now);
			return now;
		}
	}

	/** Rule 5: true when the request may go now (its room taken), false once it waited for room. */
	private async takeRoom(signal?: AbortSignal): Promise<boolean> {
		const room = this.room;
		if (!room) return true;
		if (room.left > 0) {
			room.left--;
			return true;
		}
		const now = this.clock.now();
		if (now < room.resetAt && room.resetAt - now <= MAX_ROOM_PAUSE_MS) {
			await this.clock.sleep(room.resetAt - now, signal);
			return false;
		}
		if (this.probe) {
			await this.probe.answered;
			return false;
		}
		let settle = () => {};
		const answered = new Promise<void>((resolve) => (settle = resolve));
		this.probe = { sentAt: now, answered, settle };
		return true;
	}

	/**
	 * The request sent at `sentAt` is over and was not rate limited (any other answer, or
	 * a failure after sending: it may have counted against the limit).
	 */
	accepted(sentAt: number, headers: Record<string, unknown> = {}) {
		this.inFlight = Math.max(0, this.inFlight - 1);
		this.learnRoom(sentAt, headers, false);
		if (this.sent.length < HISTORY) this.sent.push(sentAt);
		else {
			this.sent[this.cursor] = sentAt;
			this.cursor = (this.cursor + 1) % HISTORY;
		}
		this.observe(headers);
	}

	/**
	 * The request sent at `sentAt` was refused (429, or 503 with Retry-After) and the API
	 * asked for `waitMs`. Returns when that request may be sent again.
	 */
	limited(sentAt: number, waitMs: number, headers: Record<string, unknown> = {}): number {
		this.inFlight = Math.max(0, this.inFlight - 1);
		const now = this.clock.now();
		const retryAt = now + waitMs;
		this.learnRoom(sentAt, headers, true, retryAt);
		// A window as long as the API states, else as its wait (whole seconds, at least one).
		this.windowMs =
			numberHeader(headers, 'x-ratelimit-interval-milliseconds') ??
			Math.max(1000, Math.round(waitMs / 1000) * 1000);
		// Sent before the last cut: at the old pace, its refusal is part of that episode.
		if (sentAt < this.episodeAt) return retryAt;
		this.episodeAt = now;
		const { count, first } = this.acceptedSince(now - this.windowMs);
		if (count < MIN_EVIDENCE) {
			this.slots.restart(Math.max(this.slots.nextSlot, retryAt));
			return retryAt;
		}
		const seen = (count * 1000) / this.windowMs;
		this.cutRate = DECREASE * Math.min(this.rate(now) ?? Infinity, seen);
		this.cutAt = now;
		this.slots.restart(Math.max(now, first + (count * 1000) / this.cutRate));
		return retryAt;
	}

	/** Rate headers state the limit (rule 4). */
	private observe(headers: Record<string, unknown>) {
		const max = numberHeader(headers, 'x-ratelimit-max') ?? numberHeader(headers, 'x-ratelimit-limit');
		const intervalMs = numberHeader(headers, 'x-ratelimit-interval-milliseconds');
		if (!max || !intervalMs) return;
		const ceiling = (HEADER_SHARE * max * 1000) / intervalMs;
		if (this.ceiling !== undefined && ceiling >= this.ceiling) return;
		this.ceiling = ceiling;
		this.windowMs = intervalMs;
		// What was sent before the limit was known (accepted, or still on its way) counts against it.
		const now = this.clock.now();
		const { count, first } = this.acceptedSince(now - intervalMs);
		const due = first + ((count + this.inFlight) * 1000) / ceiling;
		if (due > this.slots.nextSlot) this.slots.restart(due);
	}

	/**
	 * Rule 5, on the answer to the request sent at `sentAt`: the room it states, less every
	 * request that may have reached the API after it (sent at or after it, or sent before it
	 * and still on its way). That is never more than the room there is, so of several answers
	 * the largest is kept; a refusal or the probe's answer states it anew.
	 */
	private learnRoom(sentAt: number, headers: Record<string, unknown>, refused: boolean, retryAt = 0) {
		const at = this.pending.indexOf(sentAt);
		if (at >= 0) this.pending.splice(at, 1);
		const probe = this.probe && sentAt >= this.probe.sentAt ? this.probe : undefined;
		const stated = rateLimitRoom(headers, this.clock.now());
		if (stated) {
			const after = this.issued.length - firstAtOrAfter(this.issued, sentAt) - 1;
			const before = this.pending.filter((pendingAt) => pendingAt < sentAt).length;
			const left = stated.remaining - Math.max(0, after) - before;
			if (refused || probe || !this.room || left >= this.room.left) this.room = { left, resetAt: stated.resetAt };
		} else if (refused && this.room) {
			this.room = { left: Math.min(0, this.room.left), resetAt: retryAt };
		} else if (probe) {
			// The API stopped stating its room: rules 1 to 4 pace from here.
			this.room = undefined;
		}
		if (probe) {
			this.probe = undefined;
			probe.settle();
		}
		const oldest = this.pending.length ? firstAtOrAfter(this.issued, this.pending[0]) : this.issued.length;
		if (oldest > 1000 || !this.pending.length) this.issued = this.issued.slice(oldest);
	}

	private acceptedSince(from: number): { count: number; first: number } {
		let count = 0;
		let first = this.clock.now();
		for (const at of this.sent) {
			if (at > from) {
				count++;
				if (at < first) first = at;
			}
		}
		return { count, first };
	}
}

/** The index of the first of `times` (ascending) at or after `at`. */
function firstAtOrAfter(times: number[], at: number): number {
	let low = 0;
	let high = times.length;
	while (low < high) {
		const middle = (low + high) >>> 1;
		if (times[middle] < at) low = middle + 1;
		else high = middle;
	}
	return low;
}

const limiters = new Map<string, RateLimiter>();

/** The limiter shared by everything that sends with one credential to one base URL. */
export function limiterFor(key: string): RateLimiter {
	let limiter = limiters.get(key);
	if (!limiter) {
		limiter = new RateLimiter();
		limiters.set(key, limiter);
	}
	return limiter;
}
