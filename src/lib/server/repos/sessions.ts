import { db, type SessionDoc } from '../db';

export interface StoredSession {
	id: string; // the token hash
	userId: string;
	expiresAt: Date;
}

function toSession(doc: SessionDoc): StoredSession {
	return { id: doc._id, userId: doc.userId, expiresAt: doc.expiresAt };
}

export async function insertSession(session: StoredSession, now: Date): Promise<void> {
	await (
		await db()
	).sessions.insertOne({
		_id: session.id,
		userId: session.userId,
		expiresAt: session.expiresAt,
		createdAt: now
	});
}

export async function findSession(id: string): Promise<StoredSession | null> {
	const doc = await (await db()).sessions.findOne({ _id: id });
	return doc ? toSession(doc) : null;
}

export async function extendSession(id: string, expiresAt: Date): Promise<void> {
	await (await db()).sessions.updateOne({ _id: id }, { $set: { expiresAt } });
}

export async function deleteSession(id: string): Promise<void> {
	await (await db()).sessions.deleteOne({ _id: id });
}

/** Ends every session of a user, except `keepId` when given. */
export async function deleteSessionsOfUser(userId: string, keepId?: string): Promise<number> {
	const filter = keepId ? { userId, _id: { $ne: keepId } } : { userId };
	const result = await (await db()).sessions.deleteMany(filter);
	return result.deletedCount;
}

export async function countSessionsOfUser(userId: string): Promise<number> {
	return (await db()).sessions.countDocuments({ userId });
}

export async function deleteExpiredSessions(now: Date): Promise<number> {
	const result = await (await db()).sessions.deleteMany({ expiresAt: { $lte: now } });
	return result.deletedCount;
}
