// A map that keeps at most `max` entries and forgets the least recently used first. The one
// cache policy of the app's read models: what is forgotten is read again from the database.
export class BoundedMap<K, V> {
	private readonly map = new Map<K, V>();

	constructor(readonly max: number) {}

	get size(): number {
		return this.map.size;
	}

	/** The value, now counted as most recently used. */
	get(key: K): V | undefined {
		const value = this.map.get(key);
		if (value !== undefined) {
			this.map.delete(key);
			this.map.set(key, value);
		}
		return value;
	}

	has(key: K): boolean {
		return this.map.has(key);
	}

	set(key: K, value: V): void {
		this.map.delete(key);
		this.map.set(key, value);
		while (this.map.size > this.max) this.map.delete(this.map.keys().next().value as K);
	}

	delete(key: K): void {
		this.map.delete(key);
	}

	clear(): void {
		this.map.clear();
	}

	/** For `registerForgettable`: a cache of entries an erasure may have overwritten. */
	forget(): void {
		this.map.clear();
	}

	values(): IterableIterator<V> {
		return this.map.values();
	}

	entries(): IterableIterator<[K, V]> {
		return this.map.entries();
	}
}
