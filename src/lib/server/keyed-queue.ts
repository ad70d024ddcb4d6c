// One piece of work per key at a time, in this process: the next waits for the one before it,
// whatever that one's outcome. Keys with nothing queued are forgotten, so the map stays small.
// Other processes are kept apart by the database (inserts under unique `_id`s), not by this.
export class KeyedQueue {
	private queues = new Map<string, Promise<unknown>>();

	run<T>(key: string, fn: () => Promise<T>): Promise<T> {
		const previous = this.queues.get(key) ?? Promise.resolve();
		const run = previous.then(fn, fn);
		const settled = run.catch(() => undefined);
		this.queues.set(key, settled);
		void settled.then(() => {
			if (this.queues.get(key) === settled) this.queues.delete(key);
		});
		return run;
	}
}
