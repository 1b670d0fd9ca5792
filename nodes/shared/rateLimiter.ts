import { sleep } from 'n8n-workflow';

/**
 * Paces requests to one API (one credential + base URL) for every worker of every node run
 * in this n8n process. A rate limit belongs to the API key, not to one node run, so all
 * senders that share a key share one limiter: a 429 seen by one worker pauses them all.
 *
 * It waits out what the API tells (Retry-After, HighLevel's interval header) and, from the
 * first 429 on, keeps to the number of requests per window the API was seen to accept, so
 * that a long bulk run settles just under the limit instead of bouncing off it.
 */

/** How late a paced caller may wake and still use its slot. */
const LATE_WAKE_MS = 25;

/** Spaces calls at least `interval` ms apart (0 = no spacing). */
export class Pacer {
	private next = 0;

	constructor(private interval = 0) {}

	setRate(perSecond: number | undefined) {
		this.interval = perSecond && perSecond > 0 ? 1000 / perSecond : 0;
	}

	get rate(): number | undefined {
		return this.interval > 0 ? 1000 / this.interval : undefined;
	}

	/**
	 * Waits for the next free slot. A caller that wakes much later than its slot (the event
	 * loop stalled, e.g. in garbage collection) takes a new slot instead of going out together
	 * with all the others that woke with it: such a burst would overfill the API's window and
	 * earn a 429. A few milliseconds late is ordinary timer noise on a busy loop and is kept.
	 */
	async take(signal?: AbortSignal): Promise<void> {
		while (this.interval > 0) {
			const now = Date.now();
			const slot = Math.max(now, this.next);
			this.next = slot + this.interval;
			if (slot === now) return;
			await sleep(slot - now, signal);
			if (Date.now() - slot <= Math.max(this.interval, LATE_WAKE_MS)) return;
		}
	}
}

/** How long successes are remembered to estimate the accepted rate. */
const HISTORY = 4096;
/** A learned rate is forgotten after this long without a 429, so a passing squeeze does not slow us for ever. */
const LEARNED_RATE_TTL_MS = 60_000;
/** After a 429 at the learned pace, slow down by this much rather than re-estimate from one window. */
const DECREASE = 0.95;
/**
 * A limit is learned only from a window with at least this many accepted requests: a 429
 * after a handful (another sender used the key, a passing hiccup) says too little, and a
 * tiny learned limit would slow a whole bulk run for a minute. Fewer: just wait as told.
 */
const MIN_EVIDENCE = 10;

/** Paced a little faster than the learned count per window, so that timer noise does not leave slots unused. */
const PACE_HEADROOM = 1.05;

/** The learned limit: at most `perWindow` requests in each clock-aligned window of `windowMs`. */
interface Quota {
	windowMs: number;
	perWindow: number;
	window: number;
	used: number;
}

/** One request let through by `acquire`: the window it was sent in, and whether the next window was charged for it. */
export interface Ticket {
	window: number;
	chargedNext: boolean;
}

export class RateLimiter {
	private pausedUntil = 0;
	private readonly learned = new Pacer();
	private quota?: Quota;
	private learnedAt = 0;
	private readonly inFlight = new Set<Ticket>();
	private readonly successes: number[] = [];
	private cursor = 0;

	/**
	 * Waits until a request may start: after any pause, at the learned pace and within the
	 * learned count per window. Hand the ticket back to `settled()` when the request is over.
	 */
	async acquire(signal?: AbortSignal): Promise<Ticket> {
		for (;;) {
			const now = Date.now();
			if (this.pausedUntil > now) {
				await sleep(this.pausedUntil - now, signal);
				continue;
			}
			if (this.learnedAt && now - this.learnedAt > LEARNED_RATE_TTL_MS) this.forget();
			await this.learned.take(signal);
			const at = Date.now();
			// A 429 may have come in while this caller waited for its slot.
			if (this.pausedUntil > at) continue;
			const ticket: Ticket = { window: -1, chargedNext: false };
			const quota = this.quota;
			if (quota) {
				const window = this.enterWindow(quota, at);
				if (quota.used >= quota.perWindow) {
					await sleep((window + 1) * quota.windowMs - at, signal);
					continue;
				}
				quota.used++;
				ticket.window = window;
			}
			this.inFlight.add(ticket);
			return ticket;
		}
	}

	/**
	 * The request is over. One sent in an earlier window may have reached the API after the
	 * boundary, so it counts in this window too (once), unless it was counted there already.
	 */
	settled(ticket: Ticket) {
		this.inFlight.delete(ticket);
		const quota = this.quota;
		if (!quota || ticket.window < 0 || ticket.chargedNext) return;
		const window = this.enterWindow(quota, Date.now());
		if (window > ticket.window) quota.used++;
	}

	/**
	 * Moves the quota to the window `at` is in. Requests still on their way when a boundary
	 * passes may be counted by the API in the new window: they are counted there now.
	 */
	private enterWindow(quota: Quota, at: number): number {
		const window = Math.floor(at / quota.windowMs);
		if (window !== quota.window) {
			quota.window = window;
			quota.used = 0;
			for (const ticket of this.inFlight) {
				if (ticket.window >= 0 && ticket.window < window && !ticket.chargedNext) {
					ticket.chargedNext = true;
					quota.used++;
				}
			}
		}
		return window;
	}

	private forget() {
		this.learned.setRate(undefined);
		this.quota = undefined;
		this.learnedAt = 0;
	}

	private learn(windowMs: number, perWindow: number) {
		this.quota = { windowMs, perWindow: Math.max(1, Math.floor(perWindow)), window: 0, used: 0 };
		this.learned.setRate((PACE_HEADROOM * this.quota.perWindow * 1000) / windowMs);
		this.learnedAt = Date.now();
	}

	/**
	 * Records a request the API accepted (any answer but a rate limit), by when it was sent:
	 * it reached the API after that, so counting by send time never counts in a window a
	 * request the API counted in the window before.
	 */
	accepted(sentAt: number) {
		if (this.successes.length < HISTORY) this.successes.push(sentAt);
		else {
			this.successes[this.cursor] = sentAt;
			this.cursor = (this.cursor + 1) % HISTORY;
		}
	}

	/**
	 * The API said "too many": pause every sender for `waitMs`, and learn how many requests
	 * it accepts per window (a window as long as its wait, whole seconds, at least one).
	 *
	 * The count is bracketed from below. A limiter with fixed windows on clock boundaries (the
	 * common kind) accepted at least what was sent since the current boundary (and exactly
	 * that, but for requests still on their way when the boundary passed); the count over the
	 * trailing window may span two of its windows, so half of it is a floor too. A sliding
	 * window accepted the trailing count. Keeping to the larger floor per window stays within
	 * the limit without a further margin.
	 */
	limited(waitMs: number) {
		const now = Date.now();
		// Requests already in flight when the first 429 came get 429s too: one episode, one lesson.
		const sameEpisode = now < this.pausedUntil;
		this.pausedUntil = Math.max(this.pausedUntil, now + waitMs);
		if (sameEpisode) return;
		const windowMs = this.quota?.windowMs ?? Math.max(1000, Math.round(waitMs / 1000) * 1000);
		const boundary = Math.floor(now / windowMs) * windowMs;
		let sinceBoundary = 0;
		let trailing = 0;
		for (const at of this.successes) {
			if (at >= boundary) sinceBoundary++;
			if (at > now - windowMs) trailing++;
		}
		if (this.quota) {
			// Keeping to a learned count and still refused: the limit is lower (another sender,
			// a changed plan) or it was timing noise. A well-filled window tells the new limit;
			// a 429 early in a window (a request that crossed the boundary) only trims it.
			let perWindow = this.quota.perWindow * DECREASE;
			if (sinceBoundary >= MIN_EVIDENCE && sinceBoundary >= this.quota.perWindow / 2) {
				perWindow = Math.min(perWindow, sinceBoundary);
			}
			this.learn(windowMs, perWindow);
			return;
		}
		const perWindow = Math.max(sinceBoundary, trailing / 2);
		if (perWindow >= MIN_EVIDENCE) this.learn(windowMs, perWindow);
	}

	/**
	 * Vendor rate headers, when present, slow senders before a 429 happens: HighLevel's
	 * `X-RateLimit-Max` per `X-RateLimit-Interval-Milliseconds` becomes the pace once fewer
	 * than a tenth of the window's requests remain; a spent window with a reset time pauses.
	 */
	observe(headers: Record<string, unknown>) {
		const remaining = numberHeader(headers, 'x-ratelimit-remaining');
		if (remaining === undefined) return;
		const max = numberHeader(headers, 'x-ratelimit-max') ?? numberHeader(headers, 'x-ratelimit-limit');
		const intervalMs = numberHeader(headers, 'x-ratelimit-interval-milliseconds');
		if (max && intervalMs && remaining <= max / 10) {
			const rate = (DECREASE * max * 1000) / intervalMs;
			const current = this.learned.rate;
			if (current === undefined || rate < current) {
				this.learned.setRate(rate);
				this.learnedAt = Date.now();
			}
		}
		const reset = numberHeader(headers, 'x-ratelimit-reset');
		if (remaining <= 0 && reset !== undefined) {
			// Either seconds to wait or an epoch time in seconds, as vendors differ.
			const waitMs = reset > 1e9 ? reset * 1000 - Date.now() : reset * 1000;
			if (waitMs > 0 && waitMs < 3_600_000) this.pausedUntil = Math.max(this.pausedUntil, Date.now() + waitMs);
		}
	}
}

export function numberHeader(headers: Record<string, unknown>, name: string): number | undefined {
	const raw = headers[name] ?? headers[name.toLowerCase()];
	const value = Array.isArray(raw) ? raw[0] : raw;
	if (value === undefined || value === null || value === '') return undefined;
	const parsed = Number(value);
	return Number.isFinite(parsed) ? parsed : undefined;
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
