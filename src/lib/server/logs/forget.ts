// Read models keep what they read, because insert-only logs never change. Erasing a person
// (docs/legal.md, "Löschen mit Einfüge-Logs") is the one exception: it overwrites their entries
// in place once. Everything a server holds in memory then has to be read again, and stored
// snapshots made before the erasure must not be used. Deletions are rare, so a server simply
// forgets every read model and reloads on demand.

interface Forgettable {
	forget(): void;
}

const registered = new Set<WeakRef<Forgettable>>();

/** Registers a cache that `forgetAll` empties (held weakly: a test's read model may go away). */
export function registerForgettable(cache: Forgettable): void {
	registered.add(new WeakRef(cache));
}

/** When the newest erasure this server knows of was done (0: none since it started). */
let redactedAt = 0;

/** Empties every registered cache and read model of this server. */
export function forgetAll(at: Date = new Date()): void {
	redactedAt = Math.max(redactedAt, at.getTime());
	for (const ref of registered) {
		const cache = ref.deref();
		if (cache) cache.forget();
		else registered.delete(ref);
	}
}

/** A snapshot stored before the newest known erasure may hold erased text: it is not used. */
export function snapshotUsable(storedAt: Date | undefined): boolean {
	return redactedAt === 0 || (storedAt !== undefined && storedAt.getTime() > redactedAt);
}
