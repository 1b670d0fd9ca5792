/**
 * The one walk down an error's cause chain. n8n wraps the HTTP client's error (axios) in its
 * own, sometimes twice, so what we look for (a network code, a thrown answer, a sign-in
 * problem) can sit a few links down.
 */
export type ErrorLink = Record<string, unknown>;

/** How deep the chain is followed: deep enough for n8n's wrappers, and a cycle ends there. */
const MAX_DEPTH = 5;

/** The error itself, then its `cause`, its cause's `cause`, ... (objects only). */
export function* causeChain(error: unknown): Generator<ErrorLink> {
	let current: unknown = error;
	for (let depth = 0; depth < MAX_DEPTH && current && typeof current === 'object'; depth++) {
		yield current as ErrorLink;
		current = (current as ErrorLink).cause;
	}
}

/** The first link for which `pick` finds something, and what it found. */
export function findInChain<T>(error: unknown, pick: (link: ErrorLink) => T | undefined): T | undefined {
	for (const link of causeChain(error)) {
		const found = pick(link);
		if (found !== undefined) return found;
	}
	return undefined;
}
