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
