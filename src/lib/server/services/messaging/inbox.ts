// A person's conversations as the inbox lists them, and the unread total for the nav badge.
import { mayView } from '../../../domain/listings/listing';
import * as m from '../../../paraglide/messages';
import {
	isParticipant,
	otherParticipant,
	unreadCount,
	type Conversation
} from '../../../domain/messages/conversation';
import { findReadSeq } from '../../repos/conversations';
import { findUserById } from '../../repos/users';
import { listingsByIds } from '../listings';
import {
	loadConversation,
	loadMessage,
	readHead,
	readInbox,
	rememberTotal,
	type MessagingContext
} from './read-model';

/** The nav badge may be this old when the news came through another app server. */
const TOTAL_FRESH_MS = 5_000;
const PREVIEW_LENGTH = 80;

export interface InboxItem {
	id: string;
	quarterId: string;
	otherName: string;
	/** Null for a direct conversation, or when the listing is no longer visible to the reader. */
	listingTitle: string | null;
	direct: boolean;
	lastAt: Date;
	lastFromMe: boolean;
	/** The start of the newest message. */
	preview: string;
	unread: number;
}

/** A person's conversations, newest first, with unread counts and the other person's name. */
export async function list(ctx: MessagingContext, userId: string): Promise<InboxItem[]> {
	const version = ctx.versions.get(userId) ?? 0;
	const ids = await readInbox(ctx, userId);
	const conversations = (await Promise.all(ids.map((id) => loadConversation(ctx, id)))).filter(
		(c): c is Conversation => c !== null && isParticipant(c, userId)
	);
	const listings = await listingsByIds(
		conversations.map((c) => c.listingId).filter((id): id is string => id !== null)
	);
	const items = await Promise.all(
		conversations.map(async (c): Promise<InboxItem> => {
			const head = await readHead(ctx, c.id);
			const [readSeq, last, other] = await Promise.all([
				findReadSeq(c.id, userId),
				head > 0 ? loadMessage(ctx, c.id, head) : null,
				findUserById(otherParticipant(c, userId))
			]);
			const listing = c.listingId ? listings.get(c.listingId) : undefined;
			return {
				id: c.id,
				quarterId: c.quarterId,
				otherName: other?.displayName ?? '—',
				listingTitle:
					listing && mayView(listing, { id: userId, moderator: false }) ? listing.title : null,
				direct: c.listingId === null,
				lastAt: last?.sentAt ?? c.createdAt,
				lastFromMe: last?.senderId === userId,
				preview: preview(last?.erased ? m.account_deletion_message_erased() : (last?.text ?? '')),
				unread: unreadCount(head, readSeq)
			};
		})
	);
	rememberTotal(
		ctx,
		userId,
		version,
		items.reduce((sum, item) => sum + item.unread, 0)
	);
	return items.sort((a, b) => b.lastAt.getTime() - a.lastAt.getTime() || a.id.localeCompare(b.id));
}

/**
 * Unread messages over all of a person's conversations, for the nav badge on every page:
 * from memory when this server computed it moments ago and has seen no message for the
 * person since; otherwise two `_id` look-ups per conversation (newest number, read marker).
 */
export async function unreadTotal(ctx: MessagingContext, userId: string): Promise<number> {
	const known = ctx.totals.get(userId);
	if (known && Date.now() - known.at < TOTAL_FRESH_MS) return known.total;
	const version = ctx.versions.get(userId) ?? 0;
	const ids = await readInbox(ctx, userId);
	const counts = await Promise.all(
		ids.map(async (id) => {
			const conversation = await loadConversation(ctx, id);
			if (!conversation || !isParticipant(conversation, userId)) return 0;
			const [head, readSeq] = await Promise.all([readHead(ctx, id), findReadSeq(id, userId)]);
			return unreadCount(head, readSeq);
		})
	);
	const total = counts.reduce((a, b) => a + b, 0);
	rememberTotal(ctx, userId, version, total);
	return total;
}

function preview(text: string): string {
	const line = text.replace(/\s+/g, ' ').trim();
	const chars = [...line];
	return chars.length > PREVIEW_LENGTH ? `${chars.slice(0, PREVIEW_LENGTH - 1).join('')}…` : line;
}
