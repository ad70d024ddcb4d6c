// Account deletions (docs/legal.md, "Löschen mit Einfüge-Logs"): the claim of each deletion and
// the log of completed erasures that every app server follows. FerretDB v1 has no transactions
// and its updates are read-then-write, so a deletion is claimed by one insert under the person's
// id that also takes the pseudonym's number (a unique index): two requests, two servers or the
// maintenance job cannot run two deletions of one person or give two people one number.
import { db, insertUnique, isDuplicateKeyError, type AccountDeletionDoc } from '../db';

export interface DeletionRecord {
	userId: string;
	/** The pseudonym's number: "ehemaliges Mitglied <n>". */
	n: number;
	quarterIds: string[];
	requestedAt: Date;
	completedAt: Date | null;
}

function toRecord(doc: AccountDeletionDoc): DeletionRecord {
	return {
		userId: doc._id,
		n: doc.n,
		quarterIds: doc.quarterIds,
		requestedAt: doc.requestedAt,
		completedAt: doc.completedAt
	};
}

export async function findDeletion(userId: string): Promise<DeletionRecord | null> {
	const doc = await (await db()).accountDeletions.findOne({ _id: userId });
	return doc ? toRecord(doc) : null;
}

/**
 * Claims the deletion of a person: inserts `{_id: userId, n}` with the next free number. A
 * taken `_id` means the deletion was claimed before (returned with `claimed: false`, to be
 * resumed); a taken number means another deletion took it meanwhile, so the next is tried.
 * No counter is updated: the count of claims is only where the search starts.
 */
export async function claimDeletion(
	userId: string,
	quarterIds: string[],
	now: Date
): Promise<{ record: DeletionRecord; claimed: boolean }> {
	const c = await db();
	const existing = await findDeletion(userId);
	if (existing) return { record: existing, claimed: false };
	let n = (await c.accountDeletions.countDocuments({})) + 1;
	for (let attempt = 0; attempt < 1000; attempt++, n++) {
		const doc: AccountDeletionDoc = {
			_id: userId,
			n,
			quarterIds,
			requestedAt: now,
			completedAt: null
		};
		try {
			await c.accountDeletions.insertOne(doc);
			return { record: toRecord(doc), claimed: true };
		} catch (err) {
			if (!isDuplicateKeyError(err)) throw err;
			const mine = await findDeletion(userId);
			if (mine) return { record: mine, claimed: false };
		}
	}
	throw new Error('No free pseudonym number found after 1000 tries');
}

/** Records that every step ran (a fixed value: writing it twice is the same). */
export async function markDeletionDone(userId: string, now: Date): Promise<void> {
	await (
		await db()
	).accountDeletions.updateOne({ _id: userId, completedAt: null }, { $set: { completedAt: now } });
}

/** Every deletion (a small collection: one document per deleted account). */
export async function listDeletions(): Promise<DeletionRecord[]> {
	const docs = await (await db()).accountDeletions.find({}).toArray();
	return docs.map(toRecord).sort((a, b) => b.n - a.n);
}

const redactionId = (seq: number) => String(seq).padStart(9, '0');

/** The newest number of the erasure log at or after `from` (probing `_id`s forward). */
export async function redactionHead(from: number): Promise<number> {
	const c = await db();
	let seq = from;
	while (await c.redactions.findOne({ _id: redactionId(seq + 1) })) seq++;
	return seq;
}

/** Appends one entry to the erasure log (the next free number): other servers reload. */
export async function appendRedaction(now: Date, hint = 0): Promise<number> {
	const c = await db();
	let seq = await redactionHead(hint);
	for (;;) {
		seq++;
		const inserted = await insertUnique(c.redactions, { _id: redactionId(seq), seq, at: now });
		if (inserted === 'inserted') return seq;
	}
}

/** When erasure `seq` was done, or null. */
export async function redactionAt(seq: number): Promise<Date | null> {
	return (await (await db()).redactions.findOne({ _id: redactionId(seq) }))?.at ?? null;
}
