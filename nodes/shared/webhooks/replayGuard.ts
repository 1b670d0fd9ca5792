/**
 * Duplicate detection: "have we already started a workflow for this event?"
 *
 * Why in memory and not in the workflow's static data: n8n hands each webhook call its own
 * copy of the workflow, and writes static data back only after the call returns. Two copies
 * of one delivery arriving together (what an at-least-once sender does after a timeout)
 * would both read "not seen" and both start the workflow. A Map in this process is checked
 * and updated in one synchronous step, so of any number of concurrent copies exactly one
 * wins. The price: the memory is per n8n process and is lost on restart, so the signed
 * timestamp windows (Inbox 300 s, HighLevel 5 min) stay the bound for replays across a
 * restart or between separate webhook processes.
 *
 * One guard per workflow and node (ids from n8n), so two workflows subscribed to the same
 * events each get their copy. Entries expire after `ttlMs` and the oldest are dropped beyond
 * `maxEntries`, so memory stays bounded under any volume.
 */
export class ReplayGuard {
	private readonly seen = new Map<string, number>();

	constructor(
		private readonly ttlMs: number,
		private readonly maxEntries: number,
		private readonly now: () => number = Date.now,
	) {}

	/** True the first time `id` is seen within the TTL (and records it); false for a repeat. */
	firstSighting(id: string): boolean {
		const now = this.now();
		const expiresAt = this.seen.get(id);
		if (expiresAt !== undefined && expiresAt > now) return false;
		this.seen.delete(id);
		this.seen.set(id, now + this.ttlMs);
		this.evict(now);
		return true;
	}

	get size(): number {
		return this.seen.size;
	}

	private evict(now: number): void {
		// Insertion order is expiry order (same TTL for all), so expired entries are at the front.
		for (const [id, expiresAt] of this.seen) {
			if (expiresAt > now && this.seen.size <= this.maxEntries) break;
			this.seen.delete(id);
		}
	}
}

const guards = new Map<string, ReplayGuard>();

/** Default: a day of memory, up to 50,000 events per trigger node (a few MB at most). */
export const REPLAY_TTL_MS = 24 * 60 * 60 * 1000;
export const REPLAY_MAX_ENTRIES = 50_000;

/** The guard of one trigger node in one workflow, shared by every delivery this process receives. */
export function replayGuardFor(workflowId: string | undefined, nodeId: string): ReplayGuard {
	const key = `${workflowId ?? 'unsaved'}|${nodeId}`;
	let guard = guards.get(key);
	if (!guard) {
		guard = new ReplayGuard(REPLAY_TTL_MS, REPLAY_MAX_ENTRIES);
		guards.set(key, guard);
	}
	return guard;
}
