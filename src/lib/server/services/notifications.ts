// In-app notifications (the bell): what happened to a person's exchanges and accounts. Each
// person's notifications are one stream of the shared log mechanism (server/logs), numbered
// 1, 2, 3 … without gaps, so the newest is found by probing forward from what this server knew,
// and the unread count is that number minus the person's read marker. Only the numbers are held
// in memory; the notifications themselves are read by `_id` when the list is shown.
import { Log, RecentCache } from '../logs';
import {
	findNotification,
	findNotificationReadSeq,
	notificationStore,
	saveNotificationReadSeq,
	type Notification
} from '../repos/notifications';

export type { Notification };
export type NotificationInput = Omit<Notification, 'userId' | 'n' | 'at'>;

/** The bell may be this old when the news came through another app server (as the messages'
 * badge, services/messaging/inbox.ts); this server's own notices and reads count at once. */
const BELL_FRESH_MS = 5_000;

export class Notifications {
	/** Unread counts per person, for the bell on every page (two `_id` look-ups each). */
	private readonly unread = new RecentCache<string, number>(BELL_FRESH_MS, 20_000);

	private readonly log = new Log<null, Notification>({
		name: 'notifications',
		store: notificationStore,
		seqOf: (notification) => notification.n,
		empty: () => null,
		apply: () => undefined,
		// The bell is read on every page: always ask for the next number (one `_id` look-up).
		freshMs: 0,
		// People whose newest number is known; forgetting one only costs a longer probe.
		maxStreams: 20_000,
		// The state is only the number: a stream starts at its retention floor (store.floor).
		lazy: true
	});

	/** The newest notification number of a person (0 when none). */
	head(userId: string): Promise<number> {
		return this.log.head(userId);
	}

	/** Appends a notification for `userId` as the next number. */
	async notify(userId: string, input: NotificationInput, now: Date): Promise<number> {
		const result = await this.log.append<never>(userId, (_state, n) => ({
			ok: true,
			entry: { ...input, userId, n, at: now }
		}));
		this.unread.drop(userId);
		if (!result.ok) throw new Error(`notifications of ${userId}: no free number (contention)`);
		return result.seq;
	}

	async unreadCount(userId: string): Promise<number> {
		return this.unread.read(userId, async () => {
			const [head, read] = await Promise.all([this.head(userId), findNotificationReadSeq(userId)]);
			return Math.max(0, head - read);
		});
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
		this.unread.drop(userId);
	}
}

/** This app server's notifications. */
export const notifications = new Notifications();

export const unreadNotificationCount = (userId: string) => notifications.unreadCount(userId);
export const listNotifications = (userId: string, limit?: number) =>
	notifications.list(userId, limit);
export const markNotificationsRead = (userId: string, now = new Date()) =>
	notifications.markAllRead(userId, now);
