// In-app notifications (the bell): what happened to a person's exchanges and accounts. Each
// person's notifications are numbered 1, 2, 3 … by inserting the next `_id`; a taken number means
// another server wrote first, so the writer probes on and takes the next. Numbers have no gaps,
// so the newest is found by probing forward from what this server knew, and the unread count is
// that number minus the person's read marker.
import { KeyedQueue } from '../keyed-queue';
import { isDuplicateKeyError } from '../db';
import {
	findNotification,
	findNotificationReadSeq,
	insertNotification,
	saveNotificationReadSeq,
	type Notification
} from '../repos/notifications';

export type { Notification };
export type NotificationInput = Omit<Notification, 'userId' | 'n' | 'at'>;

const PROBE_BATCH = 8;
const MAX_ATTEMPTS = 200;
const MAX_HEADS = 20_000;

export class Notifications {
	/** Highest number known to exist, per person: forgetting one only costs a longer probe. */
	private heads = new Map<string, number>();
	private readonly queue = new KeyedQueue();

	/** The newest notification number of a person (0 when none). */
	async head(userId: string): Promise<number> {
		const known = this.heads.get(userId);
		let last = known ?? 0;
		let width = known === undefined ? PROBE_BATCH : 1;
		for (;;) {
			const batch = Array.from({ length: width }, (_, i) => last + 1 + i);
			const found = await Promise.all(batch.map((n) => findNotification(userId, n)));
			const missing = found.findIndex((f) => f === null);
			last += missing === -1 ? width : missing;
			if (missing !== -1) break;
			width = PROBE_BATCH;
		}
		this.remember(userId, last);
		return last;
	}

	private remember(userId: string, head: number): void {
		if (head <= (this.heads.get(userId) ?? 0)) return;
		this.heads.delete(userId);
		this.heads.set(userId, head);
		if (this.heads.size > MAX_HEADS) this.heads.delete(this.heads.keys().next().value!);
	}

	/** Appends a notification for `userId` as the next number. */
	notify(userId: string, input: NotificationInput, now: Date): Promise<number> {
		return this.queue.run(userId, async () => {
			for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
				const n = (await this.head(userId)) + 1;
				try {
					await insertNotification({ ...input, userId, n, at: now });
				} catch (err) {
					if (isDuplicateKeyError(err)) continue;
					throw err;
				}
				this.remember(userId, n);
				return n;
			}
			throw new Error(`notifications of ${userId}: no free number after ${MAX_ATTEMPTS} tries`);
		});
	}

	async unreadCount(userId: string): Promise<number> {
		const [head, read] = await Promise.all([this.head(userId), findNotificationReadSeq(userId)]);
		return Math.max(0, head - read);
	}

	/** The newest `limit` notifications, newest first, each marked whether it is unread. */
	async list(userId: string, limit = 30): Promise<(Notification & { unread: boolean })[]> {
		const [head, read] = await Promise.all([this.head(userId), findNotificationReadSeq(userId)]);
		const numbers = Array.from({ length: Math.min(limit, head) }, (_, i) => head - i);
		const found = await Promise.all(numbers.map((n) => findNotification(userId, n)));
		return found
			.filter((f): f is Notification => f !== null)
			.map((f) => ({ ...f, unread: f.n > read }));
	}

	/** Everything up to the newest notification counts as read. */
	async markAllRead(userId: string, now: Date): Promise<void> {
		const head = await this.head(userId);
		if (head > (await findNotificationReadSeq(userId))) {
			await saveNotificationReadSeq(userId, head, now);
		}
	}
}

/** This app server's notifications. */
export const notifications = new Notifications();

export const unreadNotificationCount = (userId: string) => notifications.unreadCount(userId);
export const listNotifications = (userId: string, limit?: number) =>
	notifications.list(userId, limit);
export const markNotificationsRead = (userId: string, now = new Date()) =>
	notifications.markAllRead(userId, now);
