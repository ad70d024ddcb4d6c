// Values read from the database that a view may show somewhat old (freshness rule 6 in
// docs/architecture.md): people's names in lists, a quarter's settings, the list of quarters.
// Each is kept at most `maxAgeMs`; the server that changes one drops it at once, other servers
// read it again once it is too old. Bounded like every cache of the app, and emptied by an
// erasure (forget.ts).
import { BoundedMap } from './bounded-map';
import { registerForgettable } from './forget';

interface Kept<V> {
	value: V;
	at: number;
}

export class RecentCache<K, V> {
	private readonly kept: BoundedMap<K, Kept<V>>;
	/** Reads under way, so that concurrent misses of one key share one database read. */
	private readonly reading = new Map<K, Promise<V>>();
	/** Counts drops, so that a read that began before a drop does not store what it read. */
	private generation = 0;

	constructor(
		readonly maxAgeMs: number,
		max: number
	) {
		this.kept = new BoundedMap(max);
		registerForgettable(this);
	}

	/** The kept value if it is young enough. */
	get(key: K, now = Date.now()): V | undefined {
		const hit = this.kept.get(key);
		if (hit === undefined) return undefined;
		if (now - hit.at > this.maxAgeMs) {
			this.kept.delete(key);
			return undefined;
		}
		return hit.value;
	}

	/** The value, read by `load` when it is not kept or too old. */
	async read(key: K, load: () => Promise<V>): Promise<V> {
		const hit = this.get(key);
		if (hit !== undefined) return hit;
		const pending = this.reading.get(key);
		if (pending) return pending;
		const generation = this.generation;
		const at = Date.now();
		const reading = load().then((value) => {
			if (generation === this.generation) this.kept.set(key, { value, at });
			return value;
		});
		this.reading.set(key, reading);
		try {
			return await reading;
		} finally {
			this.reading.delete(key);
		}
	}

	/** Many values: the kept ones from memory, the others by one `loadMany` for all of them.
	 * Keys `loadMany` does not answer are left out (and not kept). */
	async readMany(
		keys: readonly K[],
		loadMany: (missing: K[]) => Promise<Map<K, V>>
	): Promise<Map<K, V>> {
		const found = new Map<K, V>();
		const missing: K[] = [];
		const now = Date.now();
		for (const key of keys) {
			const hit = this.get(key, now);
			if (hit === undefined) missing.push(key);
			else found.set(key, hit);
		}
		if (missing.length === 0) return found;
		const generation = this.generation;
		const read = await loadMany(missing);
		for (const [key, value] of read) {
			found.set(key, value);
			if (generation === this.generation) this.kept.set(key, { value, at: now });
		}
		return found;
	}

	/** This server changed the value: the next read goes to the database. */
	drop(key: K): void {
		this.generation++;
		this.kept.delete(key);
	}

	forget(): void {
		this.generation++;
		this.kept.clear();
	}
}
