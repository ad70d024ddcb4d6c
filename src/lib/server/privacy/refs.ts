// Reading the registry's person references on stored documents: whether a document is about a
// person, and the values at a dotted path. Pure (no database), used by the account deletion's
// sweep (repos/erasure.ts).
import type { PersonRef } from './registry';

/** The values at a dotted path; an array on the way matches by element. */
export function valuesAt(doc: unknown, path: string): unknown[] {
	let current: unknown[] = [doc];
	for (const key of path.split('.')) {
		const next: unknown[] = [];
		for (const value of current) {
			const items = Array.isArray(value) ? value : [value];
			for (const item of items) {
				if (item && typeof item === 'object' && key in item) {
					next.push((item as Record<string, unknown>)[key]);
				}
			}
		}
		current = next;
	}
	return current.flatMap((v) => (Array.isArray(v) ? v : [v]));
}

export interface Person {
	userId: string;
	email: string | null;
}

/**
 * Whether a document is about the person by one reference. `parents` answers a `via` reference:
 * the values of the parent's field over the parent documents that are about the person.
 */
export function refMatches(
	doc: { _id: unknown; [field: string]: unknown },
	ref: PersonRef,
	person: Person,
	parents: (collection: string, field: string) => ReadonlySet<unknown>
): boolean {
	const id = String(doc._id);
	if ('idIs' in ref) return id === person.userId;
	if ('idPrefix' in ref) return id.startsWith(`${person.userId}:`);
	if ('idContains' in ref) return id.includes(person.userId);
	if ('account' in ref) return valuesAt(doc, ref.account).includes(`member:${person.userId}`);
	if ('email' in ref) {
		return person.email !== null && valuesAt(doc, ref.email).includes(person.email);
	}
	if ('via' in ref) {
		const set = parents(ref.via, ref.parentField);
		return valuesAt(doc, ref.field).some((v) => set.has(String(v)));
	}
	return valuesAt(doc, ref.field).includes(person.userId);
}
