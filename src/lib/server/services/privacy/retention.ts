// Retention (Art. 5(1)(e) GDPR): the maintenance job deletes what has been kept long enough.
// Every step is idempotent and safe on several servers at once: deletes go by `_id`, and the one
// write that is not a delete (a notification floor) only ever rises and is read back.
//
// Notifications are an insert-only log per person, numbered 1, 2, 3 … and found by probing the
// next number (server/logs). Deleting old numbers would make a server that loads the stream
// take the first deleted number for the end and hand it out again. So the person's floor (the
// newest deleted number) is stored first, the log starts there (LogStore.floor), and only then
// are the numbers up to the floor deleted. The cutoff counts from the start of the day
// (retentionCutoff), so servers running the job on the same day compute the same floor; the
// floor is re-read after writing it and nothing above what was read back is deleted, so a slower
// server writing a lower floor at the turn of a day can only leave entries for the next run.
import {
	isConversationClosed,
	retentionCutoff,
	type RetentionPeriods
} from '../../../domain/privacy/retention';
import { env } from '../../env';
import { listFlagsOf } from '../../repos/flags';
import { deleteConversation, findMessage, quietConversations } from '../../repos/conversations';
import {
	deleteNotifications,
	notificationsBefore,
	raiseNotificationFloor
} from '../../repos/notifications';
import { deleteExpiredRateLimits } from '../../repos/rate-limits';
import { deleteExpiredSessions } from '../../repos/sessions';
import { deleteExpiredTokens } from '../../repos/tokens';
import { listingsByIds } from '../listings';

const DAY = 24 * 60 * 60 * 1000;

/** The configured periods (RETENTION_* in .env, server/config.js). */
export function retentionPeriods(): RetentionPeriods {
	return {
		notificationsDays: env.RETENTION_NOTIFICATIONS_DAYS,
		conversationsDays: env.RETENTION_CONVERSATIONS_DAYS,
		expiredDays: env.RETENTION_EXPIRED_DAYS
	};
}

export interface RetentionRun {
	notifications: number;
	conversations: number;
	messages: number;
	sessions: number;
	tokens: number;
	rateLimits: number;
}

export async function purgeOldNotifications(now: Date, days: number): Promise<number> {
	const cutoff = retentionCutoff(now, days);
	let deleted = 0;
	for (const [userId, numbers] of await notificationsBefore(cutoff)) {
		const floor = await raiseNotificationFloor(userId, Math.max(...numbers), now);
		deleted += await deleteNotifications(
			userId,
			numbers.filter((n) => n <= floor)
		);
	}
	return deleted;
}

export async function purgeClosedConversations(
	now: Date,
	days: number
): Promise<{ conversations: number; messages: number }> {
	const cutoff = retentionCutoff(now, days);
	const quiet = await quietConversations(cutoff);
	const listings = await listingsByIds(
		quiet.map((c) => c.listingId).filter((id): id is string => id !== null)
	);
	let conversations = 0;
	let messages = 0;
	for (const conversation of quiet) {
		// The hints may lag: a message after the hinted one decides too.
		const next = await findMessage(conversation.id, conversation.lastSeq + 1);
		const reports = await listFlagsOf('conversation', conversation.id);
		const closed = isConversationClosed(
			{
				createdAt: conversation.createdAt,
				lastAt: next?.sentAt ?? conversation.lastAt,
				listingState: conversation.listingId
					? (listings.get(conversation.listingId)?.state ?? 'gone')
					: null,
				openReport: reports.some((f) => f.resolution === null)
			},
			cutoff
		);
		if (!closed) continue;
		messages += await deleteConversation(conversation);
		conversations++;
	}
	return { conversations, messages };
}

/** Expired sessions, one-time links and rate-limit slots, `days` after they expired. */
export async function purgeExpired(
	now: Date,
	days = 0
): Promise<{ sessions: number; tokens: number; rateLimits: number }> {
	const before = new Date(now.getTime() - days * DAY);
	return {
		sessions: await deleteExpiredSessions(before),
		tokens: await deleteExpiredTokens(before),
		rateLimits: await deleteExpiredRateLimits(before)
	};
}

/** One run of the retention job with the given periods. */
export async function runRetention(
	now: Date,
	periods: RetentionPeriods = retentionPeriods()
): Promise<RetentionRun> {
	const expired = await purgeExpired(now, periods.expiredDays);
	const notifications = await purgeOldNotifications(now, periods.notificationsDays);
	const { conversations, messages } = await purgeClosedConversations(
		now,
		periods.conversationsDays
	);
	return { notifications, conversations, messages, ...expired };
}
