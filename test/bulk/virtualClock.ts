import type { Clock } from '../../nodes/shared/rateLimiter';

/**
 * A clock whose time moves only when `run` says so: each sleep is a timer, and `run` fires
 * them in time order (ties in creation order), letting every promise chain settle before
 * the next. Nothing depends on the machine's speed or load: the same test gives the same
 * times on every run.
 */
export class VirtualClock implements Clock {
	private time: number;
	private seq = 0;
	private readonly timers: Array<{ at: number; seq: number; resolve: () => void }> = [];

	constructor(start = 0) {
		this.time = start;
	}

	now() {
		return this.time;
	}

	async sleep(ms: number, signal?: AbortSignal): Promise<void> {
		await new Promise<void>((resolve, reject) => {
			if (signal?.aborted) return reject(new Error('aborted'));
			this.timers.push({ at: this.time + Math.max(0, ms), seq: this.seq++, resolve });
			signal?.addEventListener('abort', () => reject(new Error('aborted')), { once: true });
		});
	}

	/** Runs `task` to completion, advancing virtual time from timer to timer. */
	async run<T>(task: Promise<T>): Promise<T> {
		let done = false;
		const result = task.finally(() => (done = true));
		for (;;) {
			// setImmediate runs after every pending promise callback: the whole system is idle.
			await new Promise((resolve) => setImmediate(resolve));
			if (done) return await result;
			if (!this.timers.length) throw new Error('deadlock: nothing scheduled and the task is not done');
			this.timers.sort((a, b) => a.at - b.at || a.seq - b.seq);
			const timer = this.timers.shift()!;
			this.time = timer.at;
			timer.resolve();
		}
	}
}
