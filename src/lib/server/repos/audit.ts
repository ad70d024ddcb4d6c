// The audit log (Protokoll): every act of the quarter management, insert-only. An entry's `_id`
// is the act's natural key where it has one (e.g. `listing:<id>:<revision>`), so a retried act is
// logged once; the collection is never updated and nothing deletes from it.
import { db, isDuplicateKeyError, type AuditDoc } from '../db';

export type AuditEntry = Omit<AuditDoc, '_id'> & { id: string };

export async function appendAudit(entry: AuditEntry): Promise<void> {
	const { id, ...rest } = entry;
	try {
		await (await db()).audit.insertOne({ _id: id, ...rest });
	} catch (err) {
		if (!isDuplicateKeyError(err)) throw err; // the same act, logged already
	}
}

/**
 * Logs an act under its natural key and tells whether this call logged it: false when the
 * same key was logged before. Lets a once-only decision (e.g. on a member's application) rest
 * on this insert, so its record and its claim are one document.
 */
export async function appendAuditOnce(entry: AuditEntry): Promise<boolean> {
	const { id, ...rest } = entry;
	try {
		await (await db()).audit.insertOne({ _id: id, ...rest });
		return true;
	} catch (err) {
		if (isDuplicateKeyError(err)) return false;
		throw err;
	}
}

/** One entry by its key. */
export async function findAudit(id: string): Promise<AuditEntry | null> {
	const doc = await (await db()).audit.findOne({ _id: id });
	if (!doc) return null;
	const { _id, ...rest } = doc;
	return { id: _id, ...rest };
}

/** A quarter's log, newest first. */
export async function listAudit(
	quarterId: string,
	page: { offset: number; limit: number }
): Promise<{ total: number; entries: AuditEntry[] }> {
	const c = await db();
	const total = await c.audit.countDocuments({ quarterId });
	const docs = await c.audit
		.find({ quarterId })
		.sort({ at: -1, _id: -1 })
		.skip(page.offset)
		.limit(page.limit)
		.toArray();
	return { total, entries: docs.map(({ _id, ...rest }) => ({ id: _id, ...rest })) };
}
