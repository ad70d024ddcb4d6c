// In-app notifications: an insert-only list per person, `<userId>:<n, 6 digits>`, and one read
// marker per person. The unread count is the newest number minus the marker: two `_id` look-ups.
import type { LogStore } from '../logs';
import { db, insertUnique, isDuplicateKeyError, type NotificationDoc } from '../db';

export type Notification = Omit<NotificationDoc, '_id'>;

export function notificationId(userId: string, n: number): string {
	return `${userId}:${String(n).padStart(6, '0')}`;
}

/** A person's notifications as a log (services/notifications.ts); a stream is a person. */
export const notificationStore: LogStore<Notification> = {
	async insert(userId, n, notification) {
		return insertUnique((await db()).notifications, {
			...notification,
			_id: notificationId(userId, n),
			userId,
			n
		});
	},
	find: findNotification,
	floor: findNotificationFloor
};

export async function findNotification(userId: string, n: number): Promise<Notification | null> {
	const doc = await (await db()).notifications.findOne({ _id: notificationId(userId, n) });
	if (!doc) return null;
	const { _id: _ignored, ...rest } = doc;
	return rest;
}

export async function findNotificationReadSeq(userId: string): Promise<number> {
	const doc = await (await db()).notificationReads.findOne({ _id: userId });
	return doc?.seq ?? 0;
}

/** Last write wins: a marker written by an older page view may lower it, which only shows a
 * notification as unread again; nothing is lost. */
export async function saveNotificationReadSeq(
	userId: string,
	seq: number,
	now: Date
): Promise<void> {
	const c = await db();
	try {
		await c.notificationReads.replaceOne({ _id: userId }, { seq, at: now }, { upsert: true });
	} catch (err) {
		// Two first markers at once: one upsert inserts, the other may find the key taken.
		if (!isDuplicateKeyError(err)) throw err;
		await c.notificationReads.replaceOne({ _id: userId }, { seq, at: now });
	}
}

/** Up to which number the person's notifications were deleted (0: none). */
export async function findNotificationFloor(userId: string): Promise<number> {
	return (await (await db()).notificationFloors.findOne({ _id: userId }))?.n ?? 0;
}

/**
 * Raises the floor to `n` unless it is there already, and returns the floor as stored now.
 * Not atomic on FerretDB (read, then write): two servers may race, so the caller deletes only
 * up to what it reads back (services/privacy/retention.ts explains why that is safe).
 */
export async function raiseNotificationFloor(
	userId: string,
	n: number,
	now: Date
): Promise<number> {
	const c = await db();
	if ((await findNotificationFloor(userId)) < n) {
		try {
			await c.notificationFloors.replaceOne({ _id: userId }, { n, at: now }, { upsert: true });
		} catch (err) {
			if (!isDuplicateKeyError(err)) throw err;
		}
	}
	return findNotificationFloor(userId);
}

/** Per person, the numbers of their notifications made before `cutoff` (one read). */
export async function notificationsBefore(cutoff: Date): Promise<Map<string, number[]>> {
	const docs = await (
		await db()
	).notifications
		.find({ at: { $lt: cutoff } }, { projection: { userId: 1, n: 1 } })
		.toArray();
	const out = new Map<string, number[]>();
	for (const doc of docs) out.set(doc.userId, [...(out.get(doc.userId) ?? []), doc.n]);
	return out;
}

/** Deletes these notifications of a person, one `_id` at a time (the filter FerretDB answers
 * without reading the collection). */
export async function deleteNotifications(userId: string, numbers: number[]): Promise<number> {
	const c = await db();
	let deleted = 0;
	for (const n of numbers) {
		deleted += (await c.notifications.deleteOne({ _id: notificationId(userId, n) })).deletedCount;
	}
	return deleted;
}
