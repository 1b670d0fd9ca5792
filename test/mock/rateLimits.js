'use strict';
/**
 * Rate limits as real APIs apply them, for the mock API and for the limiter's virtual-clock
 * tests alike. Time is passed in (`now`, ms), so the same code runs on the wall clock in
 * the mock server and on a virtual clock in unit tests.
 *
 * Disciplines (`limit` requests per `windowMs`):
 *   fixed    fixed windows that start at the first request
 *   aligned  fixed windows aligned to the clock (window = floor(now / windowMs))
 *   sliding  a sliding log: at most `limit` accepted in any `windowMs`
 *   bucket   a token bucket of `limit` tokens, refilled continuously at limit / windowMs
 *
 * `headers: 'highlevel'` adds HighLevel's X-RateLimit-Max / -Remaining /
 * -Interval-Milliseconds to every answer; `headers: 'inbox'` Inbox's X-RateLimit-Limit / -Remaining /
 * -Reset (Unix seconds of the window's end). `retryAfter: false` leaves Retry-After off 429s
 * (otherwise it is the window length in whole seconds, at least 1).
 */

const DISCIPLINES = ['fixed', 'aligned', 'sliding', 'bucket'];

/**
 * @param {{ discipline?: string, limit: number, windowMs?: number, retryAfter?: boolean, headers?: 'highlevel' }} config
 * @returns {(now: number) => { refused: boolean, headers: Record<string, string> }}
 */
function createRateLimit(config) {
	const { discipline = 'aligned', limit, windowMs = 1000, retryAfter = true, headers } = config;
	if (!DISCIPLINES.includes(discipline)) throw new Error(`Unknown rate-limit discipline ${discipline}`);
	let windowStart; // fixed
	let windowIndex = -1; // aligned
	let used = 0; // fixed, aligned
	const log = []; // sliding: times of accepted requests, oldest first
	let tokens = limit; // bucket
	let refilledAt;

	/** Takes one unit of room if there is any; returns the room left after it (-1: refused). */
	function take(now) {
		switch (discipline) {
			case 'fixed':
				if (windowStart === undefined || now >= windowStart + windowMs) {
					windowStart = windowStart === undefined ? now : windowStart + Math.floor((now - windowStart) / windowMs) * windowMs;
					used = 0;
				}
				return used < limit ? limit - ++used : -1;
			case 'aligned': {
				const index = Math.floor(now / windowMs);
				if (index !== windowIndex) {
					windowIndex = index;
					used = 0;
				}
				return used < limit ? limit - ++used : -1;
			}
			case 'sliding':
				while (log.length && log[0] <= now - windowMs) log.shift();
				if (log.length >= limit) return -1;
				log.push(now);
				return limit - log.length;
			case 'bucket':
				if (refilledAt !== undefined) tokens = Math.min(limit, tokens + ((now - refilledAt) * limit) / windowMs);
				refilledAt = now;
				if (tokens < 1) return -1;
				tokens -= 1;
				return Math.floor(tokens);
		}
	}

	/** When the room taken so far is back (ms). */
	function resetAt(now) {
		switch (discipline) {
			case 'fixed':
				return windowStart + windowMs;
			case 'aligned':
				return (Math.floor(now / windowMs) + 1) * windowMs;
			case 'sliding':
				return (log[0] ?? now) + windowMs;
			case 'bucket':
				return now + Math.ceil(((limit - tokens) * windowMs) / limit);
		}
	}

	return (now) => {
		const left = take(now);
		const out = {};
		const reset = resetAt(now);
		if (headers === 'inbox') {
			out['x-ratelimit-limit'] = String(limit);
			out['x-ratelimit-remaining'] = String(Math.max(0, left));
			out['x-ratelimit-reset'] = String(Math.ceil(reset / 1000));
		}
		if (headers === 'highlevel') {
			out['x-ratelimit-max'] = String(limit);
			out['x-ratelimit-remaining'] = String(Math.max(0, left));
			out['x-ratelimit-interval-milliseconds'] = String(windowMs);
		}
		if (left < 0 && retryAfter !== false) out['retry-after'] = String(Math.max(1, Math.round(windowMs / 1000)));
		return { refused: left < 0, headers: out, limit, resetAt: new Date(reset).toISOString() };
	};
}

module.exports = { createRateLimit, DISCIPLINES };
