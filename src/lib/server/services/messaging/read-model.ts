// The messages one app server knows: conversations, messages and inboxes it has read, kept in
// memory, and each person's unread total for the nav badge.
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
import {
	isParticipant,
	messageId,
	parseConversationId,
	type Conversation
} from '../../../domain/messages/conversation';
import { BoundedMap, Log, registerForgettable } from '../../logs';
import {
	findConversation,
	findMessage,
	inboxStore,
	messageStore,
	type ChatMessage,
	type InboxEntry
} from '../../repos/conversations';

export const PAGE_SIZE = 50;
const MESSAGE_CACHE_SIZE = 5_000;
const CONVERSATION_CACHE_SIZE = 20_000;
const INBOX_CACHE_SIZE = 10_000;

/** One app server's view of the messages. Tests make two to stand in for two servers. */
export interface MessagingContext {
	readonly conversations: BoundedMap<string, Conversation>;
	readonly messages: BoundedMap<string, ChatMessage>;
	/** Each conversation's messages: one stream of the shared log mechanism (server/logs). Only
	 * the newest number is held per conversation; messages found on the way are kept in
	 * `messages`, the others read by `_id` when shown. */
	readonly messageLog: Log<null, ChatMessage>;
	/** Each person's inbox: the conversation ids in the order they were added. */
	readonly inboxLog: Log<string[], InboxEntry>;
	readonly totals: Map<string, { at: number; total: number }>;
	/** Bumped whenever a person's count changes here, so a count computed meanwhile (e.g. by the
	 * layout, in parallel with the page that marks a conversation read) is not kept. */
	readonly versions: Map<string, number>;
}

export function createMessagingContext(): MessagingContext {
	const messages = new BoundedMap<string, ChatMessage>(MESSAGE_CACHE_SIZE);
	// A deleted member's messages are overwritten once (docs/legal.md): read them again then.
	registerForgettable(messages);
	return {
		conversations: new BoundedMap<string, Conversation>(CONVERSATION_CACHE_SIZE),
		messages,
		messageLog: new Log<null, ChatMessage>({
			name: 'messages',
			store: messageStore,
			seqOf: (message) => message.seq,
			empty: () => null,
			apply: (_state, message) => messages.set(message.id, message),
			// Opening a conversation shows what was just sent from any server.
			freshMs: 0,
			maxStreams: CONVERSATION_CACHE_SIZE,
			lazy: true
		}),
		inboxLog: new Log<string[], InboxEntry>({
			name: 'inbox',
			store: inboxStore,
			seqOf: (entry) => entry.n,
			empty: () => [],
			apply: (ids, entry) => void ids.push(entry.conversationId),
			freshMs: 0,
			maxStreams: INBOX_CACHE_SIZE
		}),
		totals: new Map(),
		versions: new Map()
	};
}

export async function loadConversation(
	ctx: MessagingContext,
	id: string
): Promise<Conversation | null> {
	if (!parseConversationId(id)) return null;
	const known = ctx.conversations.get(id);
	if (known) return known;
	const stored = await findConversation(id);
	if (!stored) return null;
	const { lastSeq, lastAt: _lastAt, ...conversation } = stored;
	ctx.conversations.set(id, conversation);
	// The stored number exists: probing for newer messages starts there.
	if (lastSeq > 0) await ctx.messageLog.head(id, lastSeq);
	return conversation;
}

/** The conversation, for one of its two participants only. */
export async function conversationOfParticipant(
	ctx: MessagingContext,
	conversationId: string,
	userId: string
): Promise<Conversation | null> {
	const conversation = await loadConversation(ctx, conversationId);
	return conversation && isParticipant(conversation, userId) ? conversation : null;
}

/** Whether the conversation a start request names exists already. */
export async function conversationExists(
	ctx: MessagingContext,
	conversationId: string
): Promise<boolean> {
	return (await loadConversation(ctx, conversationId)) !== null;
}

/** The newest message number: from what this server knows, probing forward. */
export function readHead(ctx: MessagingContext, conversationId: string): Promise<number> {
	return ctx.messageLog.head(conversationId);
}

export async function loadMessage(
	ctx: MessagingContext,
	conversationId: string,
	seq: number
): Promise<ChatMessage | null> {
	const id = messageId(conversationId, seq);
	const known = ctx.messages.get(id);
	if (known) return known;
	const stored = await findMessage(conversationId, seq);
	if (stored) ctx.messages.set(id, stored);
	return stored;
}

/** Up to PAGE_SIZE messages ending at the newest (or just before `before`). */
export async function readPage(
	ctx: MessagingContext,
	conversationId: string,
	head: number,
	before?: number
) {
	const end = Math.min(head, before && before > 0 ? before - 1 : head);
	const start = Math.max(1, end - PAGE_SIZE + 1);
	const seqs = Array.from({ length: Math.max(0, end - start + 1) }, (_, i) => start + i);
	const found = await Promise.all(seqs.map((seq) => loadMessage(ctx, conversationId, seq)));
	return {
		list: found.filter((msg): msg is ChatMessage => msg !== null),
		earlierBefore: start > 1 ? start : null
	};
}

/** A person's conversation ids, oldest entry first, without duplicates. */
export async function readInbox(ctx: MessagingContext, userId: string): Promise<string[]> {
	return [...new Set(await ctx.inboxLog.read(userId))];
}

export async function addToInbox(
	ctx: MessagingContext,
	userId: string,
	conversationId: string,
	now: Date
): Promise<void> {
	const added = await ctx.inboxLog.append<'listed'>(userId, (ids, n) =>
		ids.includes(conversationId)
			? { ok: false, problem: 'listed' }
			: { ok: true, entry: { n, conversationId, at: now } }
	);
	if (!added.ok && added.problem === 'contention') {
		throw new Error(`inbox of ${userId}: no free entry (contention)`);
	}
}

export function rememberTotal(
	ctx: MessagingContext,
	userId: string,
	version: number,
	total: number
): void {
	if ((ctx.versions.get(userId) ?? 0) === version) {
		ctx.totals.set(userId, { at: Date.now(), total });
	}
}

export function forgetTotal(ctx: MessagingContext, userId: string): void {
	ctx.totals.delete(userId);
	ctx.versions.set(userId, (ctx.versions.get(userId) ?? 0) + 1);
}
