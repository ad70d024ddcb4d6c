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
	find: findNotification
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
