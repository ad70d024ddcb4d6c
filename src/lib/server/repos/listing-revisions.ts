// Listing changes: insert-only. A change's `_id` is the installation-wide change number,
// zero-padded, so appending is an insert of the next id (the primary key lets exactly one writer
// take each number) and following the log is a probe of `_id`s, the one filter the embedded
// database answers without reading the whole collection.
import type { LogStore } from '../logs';
import { db, insertUnique, type ListingRevisionDoc } from '../db';

const SEQ_DIGITS = 12;

export type ListingRevision = Omit<ListingRevisionDoc, '_id'>;

export function listingRevisionId(seq: number): string {
	return String(seq).padStart(SEQ_DIGITS, '0');
}

function toRevision(doc: ListingRevisionDoc): ListingRevision {
	const { _id: _ignored, ...rest } = doc;
	return rest;
}

/** Fails with a duplicate-key error when the number is taken, or the listing's revision is
 * (tests: a server that died after writing). The app appends through `listingRevisionStore`. */
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

/** The installation's listing changes as one log stream (services/listing-book.ts). */
export const listingRevisionStore: LogStore<ListingRevision> = {
	async insert(_stream, seq, revision) {
		return insertUnique((await db()).listingRevisions, {
			...revision,
			_id: listingRevisionId(seq),
			seq
		});
	},
	find: (_stream, seq) => findListingRevision(seq),
	readAll: () => streamListingRevisions(),
	insertMany: (_stream, revisions) => insertListingRevisions(revisions)
};
