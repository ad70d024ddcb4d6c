// When a member hears about new messages by email (their profile's `messageNotification`):
//
// - 'batched': one mail per conversation once a message has stayed unread for 10 minutes, and
//   then at most one mail per conversation every 15 minutes; it covers every unread message of
//   that conversation, so a burst of messages gives one mail.
// - 'daily': one digest per day at 06:00 UTC (07:00/08:00 in Germany, or at the first run after
//   it) over all conversations with messages still unread; a message sent after that time waits
//   for the next morning.
// - 'never': no mail.
//
// Each mail is claimed once under a key (an insert, see repos/tokens.ts `claimOnce`), so several
// app servers running the job send it once. The keys below are those claims.

import type { MessageNotification } from '../members/profile';

const MINUTE = 60 * 1000;

/** Read within this time, a message needs no mail. */
export const NOTIFY_AFTER_MS = 10 * MINUTE;
/** The least time between two mails about one conversation. */
export const MAIL_SPACING_MS = 15 * MINUTE;
export const DIGEST_HOUR_UTC = 6;

export interface UnreadMessage {
	seq: number;
	sentAt: Date;
}

export type NotificationDecision =
	/** Mail now about these messages (then forget them). */
	| { action: 'send'; seqs: number[] }
	/** Not yet: keep them for a later run. */
	| { action: 'wait' }
	/** Never mail about these (read already, or the member wants no mail). */
	| { action: 'drop' };

/** The setting's rule for one conversation's unread messages; `lastMailAt` is the previous
 * batched mail about this conversation to this member, if any. */
export function batchedDecision(input: {
	now: Date;
	unread: readonly UnreadMessage[];
	lastMailAt: Date | null;
}): NotificationDecision {
	const { now, unread, lastMailAt } = input;
	if (unread.length === 0) return { action: 'drop' };
	if (!hasMatured(unread, now)) return { action: 'wait' };
	if (lastMailAt && now.getTime() - lastMailAt.getTime() < MAIL_SPACING_MS) {
		return { action: 'wait' };
	}
	return { action: 'send', seqs: unread.map((u) => u.seq).sort((a, b) => a - b) };
}

/**
 * The daily digest's rule for all of one member's unread messages (over conversations): due once
 * the day's digest time has come and a message from before it has been unread for 10 minutes.
 * Messages after that time wait for the next day's digest (which then covers all unread ones).
 */
export function digestDue(now: Date, unread: readonly UnreadMessage[]): boolean {
	const moment = latestDigestMoment(now).getTime();
	return unread.some(
		(u) => u.sentAt.getTime() < moment && now.getTime() - u.sentAt.getTime() >= NOTIFY_AFTER_MS
	);
}

/** The most recent digest time at or before `now`: today's 06:00 UTC, or yesterday's. */
export function latestDigestMoment(now: Date): Date {
	const today = Date.UTC(
		now.getUTCFullYear(),
		now.getUTCMonth(),
		now.getUTCDate(),
		DIGEST_HOUR_UTC
	);
	return new Date(today <= now.getTime() ? today : today - 24 * 60 * MINUTE);
}

function hasMatured(unread: readonly UnreadMessage[], now: Date): boolean {
	return unread.some((u) => now.getTime() - u.sentAt.getTime() >= NOTIFY_AFTER_MS);
}

/** What the member has not read yet: a message read in time needs no mail. */
export function unreadOnly<T extends UnreadMessage>(messages: readonly T[], readSeq: number): T[] {
	return messages.filter((m) => m.seq > readSeq);
}

export function wantsMail(setting: MessageNotification): boolean {
	return setting !== 'never';
}

/**
 * Batched mails are claimed per quarter-hour slot. A mail in slot k is sent only when the mail
 * of slot k or k-1 (whichever exists) is 15 minutes old, so two mails are always 15 minutes
 * apart, and the claim makes one server send it.
 */
export function mailSlot(now: Date): number {
	return Math.floor(now.getTime() / MAIL_SPACING_MS);
}

export function batchedMailKey(conversationId: string, recipientId: string, slot: number): string {
	return `chat-mail:${conversationId}:${recipientId}:${slot}`;
}

/** The UTC day a digest belongs to, e.g. "2026-03-01": the day of its digest time. */
export function digestDay(now: Date): string {
	return latestDigestMoment(now).toISOString().slice(0, 10);
}

export function digestKey(recipientId: string, now: Date): string {
	return `chat-digest:${recipientId}:${digestDay(now)}`;
}
