import { sleep } from 'n8n-workflow';

/**
 * Paces requests to one API (one credential + base URL) for every worker of every node run
 * in this n8n process. A rate limit belongs to the API key, not to one node run, so all
 * senders that share a key share one limiter: a 429 seen by one worker pauses them all.
 *
 * It waits out what the API tells (Retry-After, HighLevel's interval header) and, from the
 * second 429 on, sends no faster than the rate the API was seen to accept, so that a long
 * bulk run settles just under the limit instead of bouncing off it.
 */

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

	/** Reserves the next slot and returns how long the caller must wait for it. */
	reserve(now: number): number {
		if (this.interval <= 0) return 0;
		const slot = Math.max(now, this.next);
		this.next = slot + this.interval;
		return slot - now;
	}
}

/** How long successes are remembered to estimate the accepted rate. */
const HISTORY = 4096;
/** A learned rate is forgotten after this long without a 429, so a passing squeeze does not slow us for ever. */
const LEARNED_RATE_TTL_MS = 60_000;
/** Send a little under the rate the API accepted, so that timing noise does not hit the limit again. */
const SAFETY = 0.95;

export class RateLimiter {
	private pausedUntil = 0;
	private readonly learned = new Pacer();
	private learnedAt = 0;
	private readonly successes: number[] = [];
	private cursor = 0;

	constructor(private readonly now: () => number = Date.now) {}

	/** Waits until a request may start: after any pause, and at the learned pace. */
	async acquire(signal?: AbortSignal): Promise<void> {
		for (;;) {
			const now = this.now();
			if (this.pausedUntil > now) {
				await sleep(this.pausedUntil - now, signal);
				continue;
			}
			if (this.learnedAt && now - this.learnedAt > LEARNED_RATE_TTL_MS) {
				this.learned.setRate(undefined);
				this.learnedAt = 0;
			}
			const wait = this.learned.reserve(now);
			if (wait > 0) await sleep(wait, signal);
			return;
		}
	}

	/** Records a request the API accepted (any answer but a rate limit). */
	accepted() {
		if (this.successes.length < HISTORY) this.successes.push(this.now());
		else {
			this.successes[this.cursor] = this.now();
			this.cursor = (this.cursor + 1) % HISTORY;
		}
	}

	/**
	 * The API said "too many": pause every sender for `waitMs`, and learn the rate it
	 * accepted over the window before (the window the API's own wait hints at, at least 1 s).
	 */
	limited(waitMs: number) {
		const now = this.now();
		// Requests already in flight when the first 429 came get 429s too: one episode, one lesson.
		const sameEpisode = now < this.pausedUntil;
		this.pausedUntil = Math.max(this.pausedUntil, now + waitMs);
		if (sameEpisode) return;
		const windowMs = Math.max(1000, waitMs);
		const since = now - windowMs;
		const recent = this.successes.filter((at) => at >= since).length;
		if (recent === 0) return;
		const observed = (recent * 1000) / windowMs;
		const current = this.learned.rate;
		this.learned.setRate(SAFETY * (current === undefined ? observed : Math.min(current, observed)));
		this.learnedAt = now;
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
			const rate = (SAFETY * max * 1000) / intervalMs;
			const current = this.learned.rate;
			if (current === undefined || rate < current) this.learned.setRate(rate);
			this.learnedAt = this.now();
		}
		const reset = numberHeader(headers, 'x-ratelimit-reset');
		if (remaining <= 0 && reset !== undefined) {
			// Either seconds to wait or an epoch time in seconds, as vendors differ.
			const waitMs = reset > 1e9 ? reset * 1000 - this.now() : reset * 1000;
			if (waitMs > 0 && waitMs < 3_600_000) this.pausedUntil = Math.max(this.pausedUntil, this.now() + waitMs);
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
