// Messaging (Nachrichten): conversations between two members, unread counts, mails about new
// messages, and the quarter management's read-only view of reported conversations.
//
// FerretDB has no transactions and no atomic update, and on the embedded database only `_id`
// look-ups avoid a full scan, so:
// - a message is an insert of the next number (`<conversationId>-<seq>`); a taken number means
//   someone else wrote first: probe forward and try the next one. Numbers have no gaps, so the
//   newest message is found by probing `_id`s forward from a hint.
// - a person's inbox is an insert-only list `<userId>:<n>` of conversation ids. A new
//   conversation is first added to both inboxes, then inserted; readers skip entries whose
//   conversation does not exist (yet), and collapse the duplicates two racing starts can leave.
// - messages, inbox entries and conversations never change once stored, so each app server
//   keeps those it has read in memory and only asks the database for what may be new. Several
//   servers stay consistent because nothing cached can become wrong, only incomplete.
import { isPublic, mayView, type Listing } from '../../domain/listings/listing';
import { emptyProfile, type MessageNotification } from '../../domain/members/profile';
import { isManagement } from '../../domain/members/roles';
import {
	MAX_SEQ,
	advancedReadSeq,
	isDocId,
	isParticipant,
	managementMayRead,
	mayWrite,
	messageId,
	newConversation,
	otherParticipant,
	parseConversationId,
	startProblem,
	unreadCount,
	type Conversation,
	type StartProblem
} from '../../domain/messages/conversation';
import {
	batchedDecision,
	batchedMailKey,
	digestDue,
	digestKey,
	mailSlot,
	unreadOnly
} from '../../domain/messages/notifications';
import {
	messageTextProblem,
	normalizeMessageText,
	type MessageTextProblem
} from '../../domain/messages/text';
import * as m from '../../paraglide/messages';
import { localizeUrl } from '../../paraglide/runtime';
import type { Locale } from '../../domain/locale';
import { BoundedMap, Log } from '../logs';
import { appendAudit } from '../repos/audit';
import {
	deletePendingNotifications,
	findConversation,
	findMessage,
	findReadSeq,
	inboxStore,
	insertConversation,
	insertPendingNotification,
	messageStore,
	listPendingNotifications,
	noteLastMessage,
	onceClaimedAt,
	saveReadSeq,
	type ChatMessage,
	type InboxEntry,
	type PendingNotification
} from '../repos/conversations';
import { listFlagsOf, type Flag } from '../repos/flags';
import { fileFlag } from './moderation';
import { findMembership, type Membership } from '../repos/memberships';
import { findProfile } from '../repos/profiles';
import { findQuarter } from '../repos/quarters';
import { claimOnce } from '../repos/tokens';
import { findUserById, type User } from '../repos/users';
import { findVisibleListing, listingActor, listingsByIds } from './listings';
import { sendMail } from './mail';

export const PAGE_SIZE = 50;
/** The nav badge may be this old when the news came through another app server. */
const TOTAL_FRESH_MS = 5_000;
const MESSAGE_CACHE_SIZE = 5_000;
const CONVERSATION_CACHE_SIZE = 20_000;
const INBOX_CACHE_SIZE = 10_000;

export type { Conversation, StartProblem };

/** What someone may send to a conversation, as the form gets it. */
export type SendProblem = 'not_found' | 'not_allowed' | 'full' | MessageTextProblem;

export interface StartTarget {
	quarterId: string;
	/** Exactly one of the two. */
	listingId?: string;
	memberId?: string;
}

export type StartCheck =
	| {
			ok: true;
			conversation: Conversation;
			quarterName: string;
			recipientName: string;
			listingTitle: string | null;
	  }
	| { ok: false; problem: StartProblem | 'not_found' };

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

export interface ConversationView {
	conversation: Conversation;
	other: { id: string; name: string; email: string | null; phone: string | null };
	listing: { id: string; title: string } | null;
	messages: ChatMessage[];
	/** The number of the oldest message shown, when there are older ones. */
	earlierBefore: number | null;
	canWrite: boolean;
}

interface MailGroup {
	conversationId: string;
	items: PendingNotification[];
}

/**
 * One app server's view of the messages. Exported as a class so that tests can run two of them
 * against one database, as two servers would.
 */
export class Messaging {
	private conversations = new BoundedMap<string, Conversation>(CONVERSATION_CACHE_SIZE);
	private messages = new BoundedMap<string, ChatMessage>(MESSAGE_CACHE_SIZE);
	/** Each conversation's messages: one stream of the shared log mechanism (server/logs). Only
	 * the newest number is held per conversation; messages found on the way are kept in
	 * `messages`, the others read by `_id` when shown. */
	private readonly messageLog = new Log<null, ChatMessage>({
		name: 'messages',
		store: messageStore,
		seqOf: (message) => message.seq,
		empty: () => null,
		apply: (_state, message) => this.messages.set(message.id, message),
		// Opening a conversation shows what was just sent from any server.
		freshMs: 0,
		maxStreams: CONVERSATION_CACHE_SIZE,
		lazy: true
	});
	/** Each person's inbox: the conversation ids in the order they were added. */
	private readonly inboxLog = new Log<string[], InboxEntry>({
		name: 'inbox',
		store: inboxStore,
		seqOf: (entry) => entry.n,
		empty: () => [],
		apply: (ids, entry) => void ids.push(entry.conversationId),
		freshMs: 0,
		maxStreams: INBOX_CACHE_SIZE
	});
	private totals = new Map<string, { at: number; total: number }>();
	/** Bumped whenever a person's count changes here, so a count computed meanwhile (e.g. by the
	 * layout, in parallel with the page that marks a conversation read) is not kept. */
	private versions = new Map<string, number>();

	async conversation(id: string): Promise<Conversation | null> {
		if (!parseConversationId(id)) return null;
		const known = this.conversations.get(id);
		if (known) return known;
		const stored = await findConversation(id);
		if (!stored) return null;
		const { lastSeq, lastAt: _lastAt, ...conversation } = stored;
		this.conversations.set(id, conversation);
		// The stored number exists: probing for newer messages starts there.
		if (lastSeq > 0) await this.messageLog.head(id, lastSeq);
		return conversation;
	}

	/** The newest message number: from what this server knows, probing forward. */
	head(conversationId: string): Promise<number> {
		return this.messageLog.head(conversationId);
	}

	private async message(conversationId: string, seq: number): Promise<ChatMessage | null> {
		const id = messageId(conversationId, seq);
		const known = this.messages.get(id);
		if (known) return known;
		const stored = await findMessage(conversationId, seq);
		if (stored) this.messages.set(id, stored);
		return stored;
	}

	/** A person's conversation ids, oldest entry first, without duplicates. */
	async inbox(userId: string): Promise<string[]> {
		return [...new Set(await this.inboxLog.read(userId))];
	}

	private async addToInbox(userId: string, conversationId: string, now: Date): Promise<void> {
		const added = await this.inboxLog.append<'listed'>(userId, (ids, n) =>
			ids.includes(conversationId)
				? { ok: false, problem: 'listed' }
				: { ok: true, entry: { n, conversationId, at: now } }
		);
		if (!added.ok && added.problem === 'contention') {
			throw new Error(`inbox of ${userId}: no free entry (contention)`);
		}
	}

	/**
	 * Checks a start request and names the conversation it leads to (which may exist already).
	 * Nothing is stored. Who may not be contacted, and why, stays vague to the sender: a
	 * suspended member, one of another quarter and a missing one all look alike.
	 */
	async checkStart(senderId: string, target: StartTarget, now = new Date()): Promise<StartCheck> {
		const quarter = await findQuarter(target.quarterId);
		if (!quarter) return { ok: false, problem: 'not_found' };
		const sender = await findMembership(quarter.id, senderId);
		let recipientId: string;
		let listing: Listing | null = null;
		if (target.listingId) {
			if (!isDocId(target.listingId)) return { ok: false, problem: 'not_found' };
			listing = await findVisibleListing(
				quarter.id,
				target.listingId,
				listingActor(senderId, sender)
			);
			if (!listing) return { ok: false, problem: 'not_found' };
			recipientId = listing.authorId;
		} else if (target.memberId && isDocId(target.memberId)) {
			recipientId = target.memberId;
		} else {
			return { ok: false, problem: 'not_found' };
		}
		const recipient = await findMembership(quarter.id, recipientId);
		const problem = startProblem({ senderId, sender, recipientId, recipient });
		if (problem) return { ok: false, problem };
		const recipientUser = await findUserById(recipientId);
		if (!recipientUser) return { ok: false, problem: 'recipient_unavailable' };
		const conversation = listing
			? newConversation(
					{
						kind: 'listing',
						quarterId: quarter.id,
						listingId: listing.id,
						authorId: listing.authorId,
						contactId: senderId
					},
					now
				)
			: newConversation(
					{ kind: 'direct', quarterId: quarter.id, senderId, memberId: recipientId },
					now
				);
		return {
			ok: true,
			conversation,
			quarterName: quarter.name,
			recipientName: recipientUser.displayName,
			listingTitle: listing?.title ?? null
		};
	}

	/** The conversation, for one of its two participants only. */
	async forParticipant(conversationId: string, userId: string): Promise<Conversation | null> {
		const conversation = await this.conversation(conversationId);
		return conversation && isParticipant(conversation, userId) ? conversation : null;
	}

	/** Whether the conversation a start request names exists already. */
	async exists(conversationId: string): Promise<boolean> {
		return (await this.conversation(conversationId)) !== null;
	}

	/**
	 * Opens the conversation (or finds the one that exists) and appends the first message. Two
	 * starts at once store one conversation; both messages are kept.
	 */
	async start(input: {
		senderId: string;
		target: StartTarget;
		text: string;
		origin: string;
		now: Date;
	}): Promise<
		| { ok: true; conversationId: string; seq: number }
		| { ok: false; problem: StartProblem | SendProblem }
	> {
		const text = normalizeMessageText(input.text);
		const textProblem = messageTextProblem(text);
		if (textProblem) return { ok: false, problem: textProblem };
		const check = await this.checkStart(input.senderId, input.target, input.now);
		if (!check.ok) return check;
		const { conversation } = check;
		if (!(await this.conversation(conversation.id))) {
			// Inboxes first: a conversation that exists is always in both inboxes, even when this
			// server stops between the steps.
			for (const userId of conversation.participants) {
				await this.addToInbox(userId, conversation.id, input.now);
			}
			await insertConversation(conversation);
		}
		return this.send({
			conversationId: conversation.id,
			senderId: input.senderId,
			text,
			origin: input.origin,
			now: input.now
		});
	}

	/** Appends a message as the next number; the sender has then read up to it. */
	async send(input: {
		conversationId: string;
		senderId: string;
		text: string;
		origin: string;
		now: Date;
	}): Promise<
		{ ok: true; conversationId: string; seq: number } | { ok: false; problem: SendProblem }
	> {
		const { conversationId, senderId, origin, now } = input;
		const text = normalizeMessageText(input.text);
		const textProblem = messageTextProblem(text);
		if (textProblem) return { ok: false, problem: textProblem };
		const conversation = await this.conversation(conversationId);
		if (!conversation || !isParticipant(conversation, senderId)) {
			return { ok: false, problem: 'not_found' };
		}
		const membership = await findMembership(conversation.quarterId, senderId);
		const byManagement = await this.startedByManagement(conversation, senderId, membership);
		if (!mayWrite('participant', membership, byManagement)) {
			return { ok: false, problem: 'not_allowed' };
		}

		const appended = await this.messageLog.append<'full'>(conversationId, (_state, next) =>
			next > MAX_SEQ
				? { ok: false, problem: 'full' }
				: {
						ok: true,
						entry: {
							id: messageId(conversationId, next),
							conversationId,
							seq: next,
							senderId,
							text,
							sentAt: now
						}
					}
		);
		if (!appended.ok && appended.problem === 'contention') {
			throw new Error(`${conversationId}: no free message number (contention)`);
		}
		const seq = appended.ok ? appended.seq : null;
		if (seq === null) return { ok: false, problem: 'full' };

		const recipientId = otherParticipant(conversation, senderId);
		await Promise.all([
			saveReadSeq(conversationId, senderId, seq, now),
			insertPendingNotification({
				id: messageId(conversationId, seq),
				conversationId,
				quarterId: conversation.quarterId,
				seq,
				senderId,
				recipientId,
				sentAt: now,
				origin
			}),
			noteLastMessage(conversationId, seq, now)
		]);
		this.forgetTotal(senderId);
		this.forgetTotal(recipientId);
		return { ok: true, conversationId, seq };
	}

	/** The newest messages (or those before `before`) for a participant, who has then read them. */
	async read(input: {
		conversationId: string;
		userId: string;
		before?: number;
		now: Date;
	}): Promise<ConversationView | null> {
		const { conversationId, userId, now } = input;
		const conversation = await this.conversation(conversationId);
		if (!conversation || !isParticipant(conversation, userId)) return null;
		const head = await this.head(conversationId);
		const messages = await this.page(conversationId, head, input.before);
		const [readSeq, membership] = await Promise.all([
			findReadSeq(conversationId, userId),
			findMembership(conversation.quarterId, userId)
		]);
		if (advancedReadSeq(readSeq, head) > readSeq) {
			await saveReadSeq(conversationId, userId, head, now);
			this.forgetTotal(userId);
		}
		const otherId = otherParticipant(conversation, userId);
		const [other, profile, listing] = await Promise.all([
			findUserById(otherId),
			findProfile(conversation.quarterId, otherId),
			this.visibleListing(conversation, userId)
		]);
		return {
			conversation,
			other: {
				id: otherId,
				name: other?.displayName ?? '—',
				// Contact details only where the member chose to show them.
				email: other && profile?.showEmail ? other.email : null,
				phone: profile?.phone ? profile.phone : null
			},
			listing: listing ? { id: listing.id, title: listing.title } : null,
			messages: messages.list,
			earlierBefore: messages.earlierBefore,
			canWrite: mayWrite(
				'participant',
				membership,
				await this.startedByManagement(conversation, userId, membership)
			)
		};
	}

	/**
	 * Whether the other participant, the quarter management, started this conversation: only
	 * asked for a pending applicant, who may answer such a question and write nowhere else.
	 */
	private async startedByManagement(
		conversation: Conversation,
		userId: string,
		membership: Membership | null
	): Promise<boolean> {
		if (membership?.state !== 'pending' || conversation.startedBy === userId) return false;
		return isManagement(await findMembership(conversation.quarterId, conversation.startedBy));
	}

	private async page(conversationId: string, head: number, before?: number) {
		const end = Math.min(head, before && before > 0 ? before - 1 : head);
		const start = Math.max(1, end - PAGE_SIZE + 1);
		const seqs = Array.from({ length: Math.max(0, end - start + 1) }, (_, i) => start + i);
		const found = await Promise.all(seqs.map((seq) => this.message(conversationId, seq)));
		return {
			list: found.filter((msg): msg is ChatMessage => msg !== null),
			earlierBefore: start > 1 ? start : null
		};
	}

	private async visibleListing(conversation: Conversation, userId: string) {
		if (!conversation.listingId) return null;
		const listing = (await listingsByIds([conversation.listingId])).get(conversation.listingId);
		return listing && mayView(listing, { id: userId, moderator: false }) ? listing : null;
	}

	/** A person's conversations, newest first, with unread counts and the other person's name. */
	async list(userId: string): Promise<InboxItem[]> {
		const version = this.versions.get(userId) ?? 0;
		const ids = await this.inbox(userId);
		const conversations = (await Promise.all(ids.map((id) => this.conversation(id)))).filter(
			(c): c is Conversation => c !== null && isParticipant(c, userId)
		);
		const listings = await listingsByIds(
			conversations.map((c) => c.listingId).filter((id): id is string => id !== null)
		);
		const items = await Promise.all(
			conversations.map(async (c): Promise<InboxItem> => {
				const head = await this.head(c.id);
				const [readSeq, last, other] = await Promise.all([
					findReadSeq(c.id, userId),
					head > 0 ? this.message(c.id, head) : null,
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
					preview: preview(last?.text ?? ''),
					unread: unreadCount(head, readSeq)
				};
			})
		);
		this.rememberTotal(
			userId,
			version,
			items.reduce((sum, item) => sum + item.unread, 0)
		);
		return items.sort(
			(a, b) => b.lastAt.getTime() - a.lastAt.getTime() || a.id.localeCompare(b.id)
		);
	}

	/**
	 * Unread messages over all of a person's conversations, for the nav badge on every page:
	 * from memory when this server computed it moments ago and has seen no message for the
	 * person since; otherwise two `_id` look-ups per conversation (newest number, read marker).
	 */
	async unreadTotal(userId: string): Promise<number> {
		const known = this.totals.get(userId);
		if (known && Date.now() - known.at < TOTAL_FRESH_MS) return known.total;
		const version = this.versions.get(userId) ?? 0;
		const ids = await this.inbox(userId);
		const counts = await Promise.all(
			ids.map(async (id) => {
				const conversation = await this.conversation(id);
				if (!conversation || !isParticipant(conversation, userId)) return 0;
				const [head, readSeq] = await Promise.all([this.head(id), findReadSeq(id, userId)]);
				return unreadCount(head, readSeq);
			})
		);
		const total = counts.reduce((a, b) => a + b, 0);
		this.rememberTotal(userId, version, total);
		return total;
	}

	private rememberTotal(userId: string, version: number, total: number): void {
		if ((this.versions.get(userId) ?? 0) === version) {
			this.totals.set(userId, { at: Date.now(), total });
		}
	}

	private forgetTotal(userId: string): void {
		this.totals.delete(userId);
		this.versions.set(userId, (this.versions.get(userId) ?? 0) + 1);
	}

	/** Reports a conversation to the quarter management; a double submit is stored once. */
	async report(input: {
		conversationId: string;
		userId: string;
		reason: string;
		note: string;
		now: Date;
	}): Promise<{ ok: true } | { ok: false; problem: 'not_found' }> {
		const { conversationId, userId, now } = input;
		const conversation = await this.conversation(conversationId);
		if (!conversation || !isParticipant(conversation, userId)) {
			return { ok: false, problem: 'not_found' };
		}
		await fileFlag(
			conversation.quarterId,
			'conversation',
			conversationId,
			userId,
			input.reason,
			input.note,
			now
		);
		return { ok: true };
	}

	/**
	 * The quarter management's read-only view: only of a conversation in their quarter that a
	 * member has reported. Each moderator's reading is logged once a day in the audit log, so
	 * members can learn who looked.
	 */
	async readReported(input: {
		conversationId: string;
		quarterId: string;
		moderatorId: string;
		membership: Membership | null;
		before?: number;
		now: Date;
	}): Promise<
		| {
				ok: true;
				conversation: Conversation;
				names: Record<string, string>;
				listing: { id: string; title: string } | null;
				messages: ChatMessage[];
				earlierBefore: number | null;
				flags: Flag[];
		  }
		| { ok: false; problem: 'not_found' | 'forbidden' }
	> {
		const { conversationId, quarterId, moderatorId, now } = input;
		const conversation = await this.conversation(conversationId);
		if (!conversation || conversation.quarterId !== quarterId) {
			return { ok: false, problem: 'forbidden' };
		}
		const flags = (await listFlagsOf('conversation', conversationId)).filter(
			(flag) => flag.quarterId === quarterId
		);
		if (!managementMayRead(input.membership, flags.length > 0)) {
			return { ok: false, problem: 'forbidden' };
		}
		await appendAudit({
			id: `conversation-read:${conversationId}:${moderatorId}:${now.toISOString().slice(0, 10)}`,
			quarterId,
			at: now,
			actorId: moderatorId,
			action: 'conversation.read',
			target: { type: 'conversation', id: conversationId },
			reason: '',
			details: { reports: flags.length }
		});
		const head = await this.head(conversationId);
		const page = await this.page(conversationId, head, input.before);
		const users = await Promise.all(conversation.participants.map((id) => findUserById(id)));
		const names: Record<string, string> = {};
		conversation.participants.forEach((id, i) => (names[id] = users[i]?.displayName ?? '—'));
		const listing = conversation.listingId
			? await findVisibleListing(
					quarterId,
					conversation.listingId,
					listingActor(moderatorId, input.membership)
				)
			: null;
		return {
			ok: true,
			conversation,
			names,
			listing: listing ? { id: listing.id, title: listing.title } : null,
			messages: page.list,
			earlierBefore: page.earlierBefore,
			flags
		};
	}

	/**
	 * Mails members about messages they have not read (see domain/messages/notifications.ts).
	 * Every app server may run it every minute: each mail is claimed once, and a message leaves
	 * the queue only after the mail about it went out or it no longer needs one.
	 */
	async sendNotifications(now: Date): Promise<{ mails: number; dropped: number }> {
		const pending = await listPendingNotifications();
		if (pending.length === 0) return { mails: 0, dropped: 0 };
		const byRecipient = groupBy(pending, (p) => p.recipientId);
		let mails = 0;
		let dropped = 0;
		for (const [recipientId, items] of byRecipient) {
			try {
				const done = await this.notifyRecipient(recipientId, items, now);
				mails += done.mails;
				dropped += done.dropped;
			} catch (err) {
				// One member's trouble (e.g. a refused address) must not hold up everyone else's mail.
				console.error(`Message notification for ${recipientId} failed:`, err);
			}
		}
		return { mails, dropped };
	}

	private async notifyRecipient(
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
			const setting = await this.notificationSetting(all[0]!.quarterId, recipientId);
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
			await this.mailAbout(recipient, [{ conversationId, items: unread }], now);
			await deletePendingNotifications(unread.map((p) => p.id));
			mails++;
		}
		const digestItems = digest.flatMap((d) => d.items);
		if (digest.length > 0 && digestDue(now, digestItems)) {
			if (await claimOnce(digestKey(recipientId, now), now)) {
				await this.mailAbout(recipient, digest, now);
				await deletePendingNotifications(digestItems.map((p) => p.id));
				mails++;
			}
		}
		return { mails, dropped };
	}

	private async notificationSetting(
		quarterId: string,
		userId: string
	): Promise<MessageNotification> {
		const profile = await findProfile(quarterId, userId);
		return (profile ?? emptyProfile(quarterId, userId, new Date())).messageNotification;
	}

	/** Short on purpose: who wrote, about what, and a link; never the messages themselves. */
	private async mailAbout(recipient: User, groups: MailGroup[], now: Date): Promise<void> {
		const locale: Locale = recipient.locale;
		const lines: string[] = [];
		for (const { conversationId, items } of groups) {
			const conversation = await this.conversation(conversationId);
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
				text: [
					m.chat_mail_greeting({ name: recipient.displayName }, { locale }),
					...lines,
					m.chat_mail_footer({}, { locale })
				].join('\n\n')
			},
			now
		);
	}
}

const PREVIEW_LENGTH = 80;

function preview(text: string): string {
	const line = text.replace(/\s+/g, ' ').trim();
	const chars = [...line];
	return chars.length > PREVIEW_LENGTH ? `${chars.slice(0, PREVIEW_LENGTH - 1).join('')}…` : line;
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

/** This app server's messaging. */
export const messaging = new Messaging();

export const checkStart = (senderId: string, target: StartTarget) =>
	messaging.checkStart(senderId, target);
export const conversationExists = (id: string) => messaging.exists(id);
export const conversationOfParticipant = (conversationId: string, userId: string) =>
	messaging.forParticipant(conversationId, userId);
export const startConversation = (input: Parameters<Messaging['start']>[0]) =>
	messaging.start(input);
export const sendMessage = (input: Parameters<Messaging['send']>[0]) => messaging.send(input);
export const readConversation = (input: Parameters<Messaging['read']>[0]) => messaging.read(input);
export const listConversations = (userId: string) => messaging.list(userId);
export const unreadTotal = (userId: string) => messaging.unreadTotal(userId);
export const reportConversation = (input: Parameters<Messaging['report']>[0]) =>
	messaging.report(input);
export const readReportedConversation = (input: Parameters<Messaging['readReported']>[0]) =>
	messaging.readReported(input);
export const sendMessageNotifications = (now: Date) => messaging.sendNotifications(now);
