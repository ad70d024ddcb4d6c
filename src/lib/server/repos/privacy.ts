// The queries of the data download (services/privacy): a person's documents of one collection,
// found by the ways the personal-data registry (server/privacy/registry.ts) names. One query per
// collection with the filters joined by $or (indexed on MongoDB, see db/indexes.ts); a look-up
// by `_id` is made one document at a time, the only filter the embedded FerretDB answers without
// reading the collection (photos would otherwise be decoded whole).
import type { Filter } from 'mongodb';
import { getDb } from '../db';
import type { PersonRef } from '../privacy/registry';

export interface Person {
	userId: string;
	/** Every address the person has used (outbox, tokens, notices filed without an account). */
	emails: string[];
}

/** Values of `parentField` of the person's documents of another collection (for `via`). */
export type ParentValues = (collection: string, parentField: string) => unknown[];

export type PlainDoc = Record<string, unknown> & { _id: string };

function filterOf(ref: PersonRef, person: Person, parents: ParentValues): Filter<PlainDoc> | null {
	if ('idIs' in ref) return { _id: person.userId };
	if ('idPrefix' in ref) return { _id: { $gte: `${person.userId}:`, $lt: `${person.userId};` } };
	if ('account' in ref) return { [ref.account]: `member:${person.userId}` };
	if ('email' in ref) return person.emails.length ? { [ref.email]: { $in: person.emails } } : null;
	if ('via' in ref) {
		const values = parents(ref.via, ref.parentField).filter((v) => v !== null && v !== undefined);
		return values.length ? { [ref.field]: { $in: [...new Set(values)] } } : null;
	}
	if ('idContains' in ref || ref.exported === false) return null;
	return { [ref.field]: person.userId };
}

/** The person's documents of `collection`, by the refs the download uses. */
export async function findPersonDocuments(
	collection: string,
	refs: readonly PersonRef[],
	person: Person,
	parents: ParentValues
): Promise<PlainDoc[]> {
	const c = (await getDb()).collection<PlainDoc>(collection);
	const byId: unknown[] = [];
	const filters: Filter<PlainDoc>[] = [];
	for (const ref of refs) {
		if ('via' in ref && ref.field === '_id') {
			byId.push(...parents(ref.via, ref.parentField).filter((v) => v != null));
			continue;
		}
		const filter = filterOf(ref, person, parents);
		if (filter) filters.push(filter);
	}
	const found = new Map<string, PlainDoc>();
	const add = (doc: PlainDoc | null) => {
		if (doc) found.set(JSON.stringify(doc._id), doc);
	};
	await Promise.all([
		...[...new Set(byId)].map(async (id) => add(await c.findOne({ _id: String(id) }))),
		filters.length > 0
			? c
					.find(filters.length === 1 ? filters[0]! : { $or: filters })
					.toArray()
					.then((docs) => docs.forEach(add))
			: Promise.resolve()
	]);
	return [...found.values()].sort((a, b) => a._id.localeCompare(b._id));
}

/** The names of every collection in the database (the tests compare them with the registry). */
export async function listCollectionNames(): Promise<string[]> {
	const infos = await (await getDb()).listCollections({}, { nameOnly: true }).toArray();
	return infos.map((i) => i.name).sort();
}
