// Mails about messages members have not read (see domain/messages/notifications.ts).
import { isPublic } from '../../../domain/listings/listing';
import type { Locale } from '../../../domain/locale';
import { emptyProfile, type MessageNotification } from '../../../domain/members/profile';
import {
	batchedDecision,
	batchedMailKey,
	digestDue,
	digestKey,
	mailSlot,
	unreadOnly
} from '../../../domain/messages/notifications';
import * as m from '../../../paraglide/messages';
import { localizeUrl } from '../../../paraglide/runtime';
import {
	deletePendingNotifications,
	findReadSeq,
	listPendingNotifications,
	onceClaimedAt,
	type PendingNotification
} from '../../repos/conversations';
import { findProfile } from '../../repos/profiles';
import { claimOnce } from '../../repos/tokens';
import { findUserById, type User } from '../../repos/users';
import { listingsByIds } from '../listings';
import { letter, sendMail } from '../mail';
import { loadConversation, type MessagingContext } from './read-model';
import { logger } from '../../logger.js';

interface MailGroup {
	conversationId: string;
	items: PendingNotification[];
}

/**
 * Mails members about messages they have not read (see domain/messages/notifications.ts).
 * Every app server may run it every minute: each mail is claimed once, and a message leaves
 * the queue only after the mail about it went out or it no longer needs one.
 */
export async function sendNotifications(
	ctx: MessagingContext,
	now: Date
): Promise<{ mails: number; dropped: number }> {
	const pending = await listPendingNotifications();
	if (pending.length === 0) return { mails: 0, dropped: 0 };
	const byRecipient = groupBy(pending, (p) => p.recipientId);
	let mails = 0;
	let dropped = 0;
	for (const [recipientId, items] of byRecipient) {
		try {
			const done = await notifyRecipient(ctx, recipientId, items, now);
			mails += done.mails;
			dropped += done.dropped;
		} catch (err) {
			// One member's trouble (e.g. a refused address) must not hold up everyone else's mail.
			logger.error({ err }, `Message notification for ${recipientId} failed`);
		}
	}
	return { mails, dropped };
}

async function notifyRecipient(
	ctx: MessagingContext,
	recipientId: string,
	items: PendingNotification[],
	now: Date
): Promise<{ mails: number; dropped: number }> {
	const recipient = await findUserById(recipientId);
	if (!recipient) {
		await deletePendingNotifications(items.map((p) => p.id));
		return { mails: 0, dropped: items.length };
	}
	let mails = 0;
	let dropped = 0;
	const digest: MailGroup[] = [];
	for (const [conversationId, all] of groupBy(items, (p) => p.conversationId)) {
		const readSeq = await findReadSeq(conversationId, recipientId);
		const unread = unreadOnly(all, readSeq);
		// The setting of the quarter the conversation belongs to.
		const setting = await notificationSetting(all[0]!.quarterId, recipientId);
		const drop = setting === 'never' ? all : all.filter((p) => !unread.includes(p));
		if (drop.length > 0) {
			await deletePendingNotifications(drop.map((p) => p.id));
			dropped += drop.length;
		}
		if (setting === 'never' || unread.length === 0) continue;
		if (setting === 'daily') {
			digest.push({ conversationId, items: unread });
			continue;
		}
		const slot = mailSlot(now);
		const [current, previous] = await Promise.all([
			onceClaimedAt(batchedMailKey(conversationId, recipientId, slot)),
			onceClaimedAt(batchedMailKey(conversationId, recipientId, slot - 1))
		]);
		const decision = batchedDecision({ now, unread, lastMailAt: current ?? previous });
		if (decision.action !== 'send') continue;
		if (!(await claimOnce(batchedMailKey(conversationId, recipientId, slot), now))) continue;
		// Claimed first, forgotten after: a crash in between loses this mail, never doubles it,
		// and the messages are mailed about with the next one.
		await mailAbout(ctx, recipient, [{ conversationId, items: unread }], now);
		await deletePendingNotifications(unread.map((p) => p.id));
		mails++;
	}
	const digestItems = digest.flatMap((d) => d.items);
	if (digest.length > 0 && digestDue(now, digestItems)) {
		if (await claimOnce(digestKey(recipientId, now), now)) {
			await mailAbout(ctx, recipient, digest, now);
			await deletePendingNotifications(digestItems.map((p) => p.id));
			mails++;
		}
	}
	return { mails, dropped };
}

async function notificationSetting(
	quarterId: string,
	userId: string
): Promise<MessageNotification> {
	const profile = await findProfile(quarterId, userId);
	return (profile ?? emptyProfile(quarterId, userId, new Date())).messageNotification;
}

/** Short on purpose: who wrote, about what, and a link; never the messages themselves. */
async function mailAbout(
	ctx: MessagingContext,
	recipient: User,
	groups: MailGroup[],
	now: Date
): Promise<void> {
	const locale: Locale = recipient.locale;
	const lines: string[] = [];
	for (const { conversationId, items } of groups) {
		const conversation = await loadConversation(ctx, conversationId);
		if (!conversation) continue;
		const senderIds = [...new Set(items.map((p) => p.senderId))];
		const senders = await Promise.all(senderIds.map((id) => findUserById(id)));
		const name = senders.map((u) => u?.displayName ?? '—').join(', ');
		const listing = conversation.listingId
			? (await listingsByIds([conversation.listingId])).get(conversation.listingId)
			: undefined;
		// Only the title of a listing everyone may see; a hidden or reported one stays out.
		const about =
			listing && isPublic(listing)
				? m.chat_mail_about_listing({ title: listing.title }, { locale })
				: m.chat_mail_about_direct({}, { locale });
		const link = localizeUrl(new URL(`/messages/${conversationId}`, items[0]!.origin), {
			locale
		}).href;
		lines.push(m.chat_mail_line({ name, count: items.length, about, link }, { locale }));
	}
	if (lines.length === 0) return;
	const single = groups.length === 1;
	const first = await findUserById(groups[0]!.items[0]!.senderId);
	await sendMail(
		{
			to: recipient.email,
			subject: single
				? m.chat_mail_subject({ name: first?.displayName ?? '—' }, { locale })
				: m.chat_mail_digest_subject({ count: groups.length }, { locale }),
			text: letter(
				locale,
				recipient.displayName,
				[...lines, m.chat_mail_footer({}, { locale })].join('\n\n')
			)
		},
		now
	);
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
	const groups = new Map<string, T[]>();
	for (const item of items) {
		const k = key(item);
		const group = groups.get(k);
		if (group) group.push(item);
		else groups.set(k, [item]);
	}
	return groups;
}
