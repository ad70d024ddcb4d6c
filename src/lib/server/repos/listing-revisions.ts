// Listing changes: insert-only. A change's `_id` is the installation-wide change number,
// zero-padded, so appending is an insert of the next id (the primary key lets exactly one writer
// take each number) and following the log is a probe of `_id`s, the one filter the embedded
// database answers without reading the whole collection.
import { db, isDuplicateKeyError, type ListingRevisionDoc } from '../db';

const SEQ_DIGITS = 12;

export type ListingRevision = Omit<ListingRevisionDoc, '_id'>;

export function listingRevisionId(seq: number): string {
	return String(seq).padStart(SEQ_DIGITS, '0');
}

function toRevision(doc: ListingRevisionDoc): ListingRevision {
	const { _id: _ignored, ...rest } = doc;
	return rest;
}

/** Fails with a duplicate-key error when the number is taken, or the listing's revision is. */
export async function insertListingRevision(revision: ListingRevision): Promise<void> {
	await (
		await db()
	).listingRevisions.insertOne({ _id: listingRevisionId(revision.seq), ...revision });
}

/** Several consecutive changes in one round trip (seed and benchmark only). */
export async function insertListingRevisions(revisions: ListingRevision[]): Promise<void> {
	if (revisions.length === 0) return;
	await (
		await db()
	).listingRevisions.insertMany(
		revisions.map((r) => ({ _id: listingRevisionId(r.seq), ...r })),
		{ ordered: true }
	);
}

/**
 * The latest changes again, in a small collection: FerretDB v1 on SQLite answers an `_id` that is
 * missing (the next change number, asked for on every freshness check) by reading the whole
 * table, because its SQL does not match its own `_id` index (measured: 2 s at 50,000 changes).
 * Asking this collection "anything after n?" reads a few hundred small documents instead.
 */
export async function insertRecentRevision(revision: ListingRevision): Promise<void> {
	try {
		await (
			await db()
		).listingRecent.insertOne({ _id: listingRevisionId(revision.seq), ...revision });
	} catch (err) {
		if (!isDuplicateKeyError(err)) throw err; // copied already
	}
}

/** Changes after `seq` that are still in the recent collection, in order. */
export async function listRecentRevisions(after: number): Promise<ListingRevision[]> {
	const docs = await (await db()).listingRecent.find({ seq: { $gt: after } }).toArray();
	return docs.map(toRevision).sort((a, b) => a.seq - b.seq);
}

/** Keeps the newest `keep` copies; the log itself is never pruned. */
export async function pruneRecentRevisions(head: number, keep: number): Promise<number> {
	const result = await (await db()).listingRecent.deleteMany({ seq: { $lte: head - keep } });
	return result.deletedCount;
}

export async function findListingRevision(seq: number): Promise<ListingRevision | null> {
	const doc = await (await db()).listingRevisions.findOne({ _id: listingRevisionId(seq) });
	return doc ? toRevision(doc) : null;
}

/** Every change in order, one at a time: one read of the collection when an app server starts. */
export async function* streamListingRevisions(): AsyncGenerator<ListingRevision> {
	const cursor = (await db()).listingRevisions.find({}).sort({ _id: 1 }).batchSize(2000);
	for await (const doc of cursor) yield toRevision(doc);
}

/** One listing's history, oldest first (for the moderators' view). */
export async function listRevisionsOfListing(listingId: string): Promise<ListingRevision[]> {
	const docs = await (await db()).listingRevisions.find({ listingId }).toArray();
	return docs.map(toRevision).sort((a, b) => a.seq - b.seq);
}
