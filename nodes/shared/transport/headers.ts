/**
 * The one header reader. n8n hands headers over as its HTTP client got them (lower-case names,
 * a repeated header as a list); callers ask by the name the vendor documents.
 */
type Headers = Record<string, unknown>;

/** A header's text: found by its name or its lower-case name; of a list, the first. */
export function headerText(headers: Headers, name: string): string | undefined {
	const raw = headers[name] ?? headers[name.toLowerCase()];
	const value = Array.isArray(raw) ? raw[0] : raw;
	return value === undefined || value === null ? undefined : String(value);
}

/** A header holding a number (`X-RateLimit-Max: 100`); undefined when absent, blank or not a number. */
export function numberHeader(headers: Headers, name: string): number | undefined {
	const text = headerText(headers, name);
	if (text === undefined || text === '') return undefined;
	const parsed = Number(text);
	return Number.isFinite(parsed) ? parsed : undefined;
}

/** The wait an answer asks for with `Retry-After` (seconds or HTTP date). */
export function retryAfterMs(headers: Headers, now = Date.now()): number | undefined {
	const retryAfter = headerText(headers, 'retry-after');
	if (retryAfter === undefined || retryAfter.trim() === '') return undefined;
	const seconds = Number(retryAfter);
	if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
	const date = Date.parse(retryAfter);
	return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/** Reset values at least this large are Unix seconds (from 2001 on); smaller ones are seconds from now. */
const UNIX_SECONDS_FROM = 1e9;
/** Reset values at least this large are Unix milliseconds (from 1973 on; as seconds they would be past the year 5000). */
const UNIX_MS_FROM = 1e11;

/**
 * The room an answer's rate headers state: `X-RateLimit-Remaining` requests until the window
 * resets at `X-RateLimit-Reset`, in ms on our clock; undefined unless both are there.
 * Inbox documents the reset as Unix seconds (inbox-more.md), and that is how it is read. The
 * other reading some APIs use, seconds from now, cannot be mistaken for it (it would be a
 * time before 2001) and is read as such, as are Unix milliseconds; to read it otherwise,
 * change only this function.
 */
export function rateLimitRoom(headers: Headers, now: number): { remaining: number; resetAt: number } | undefined {
	const remaining = numberHeader(headers, 'x-ratelimit-remaining');
	const reset = numberHeader(headers, 'x-ratelimit-reset');
	if (remaining === undefined || reset === undefined || reset < 0) return undefined;
	const resetAt = reset >= UNIX_MS_FROM ? reset : reset >= UNIX_SECONDS_FROM ? reset * 1000 : now + reset * 1000;
	return { remaining: Math.max(0, Math.floor(remaining)), resetAt };
}
