// Conversations, their messages, read markers, each person's inbox and the messages waiting for
// a notification. Everything that must happen once is an insert under a natural `_id`; every
// hot read is a look-up by `_id`, the one filter the embedded database answers without reading
// the whole collection (docs/architecture.md). Only the small queue of messages waiting for a
// mail is ever scanned.
import {
	SEQ_DIGITS,
	messageId,
	readMarkerId,
	type Conversation
} from '../../domain/messages/conversation';
import type { LogStore } from '../logs';
import {
	db,
	insertUnique,
	isDuplicateKeyError,
	type ChatPendingDoc,
	type ConversationDoc
} from '../db';

export interface ChatMessage {
	id: string;
	conversationId: string;
	seq: number;
	senderId: string;
	text: string;
	sentAt: Date;
	/** The sender deleted their account: the text is overwritten; show "gelöscht". */
	erased?: boolean;
}

export type PendingNotification = Omit<ChatPendingDoc, '_id'> & { id: string };

export interface StoredConversation extends Conversation {
	/** Hints: the newest message number and time some writer recorded (may lag behind). */
	lastSeq: number;
	lastAt: Date | null;
}

function toConversation(doc: ConversationDoc): StoredConversation {
	return {
		id: doc._id,
		quarterId: doc.quarterId,
		listingId: doc.listingId,
		participants: doc.participants,
		startedBy: doc.startedBy,
		createdAt: doc.createdAt,
		lastSeq: doc.lastSeq ?? 0,
		lastAt: doc.lastAt ?? null
	};
}

/** True when this call stored it; false when the conversation existed already. */
export async function insertConversation(conversation: Conversation): Promise<boolean> {
	const { id, ...rest } = conversation;
	try {
		await (await db()).conversations.insertOne({ _id: id, ...rest, lastSeq: 0, lastAt: null });
		return true;
	} catch (err) {
		if (isDuplicateKeyError(err)) return false;
		throw err;
	}
}

export async function findConversation(id: string): Promise<StoredConversation | null> {
	const doc = await (await db()).conversations.findOne({ _id: id });
	return doc ? toConversation(doc) : null;
}

/** Every conversation of a quarter: one read of the collection, for the impact dashboard. */
export async function listConversationsOfQuarter(quarterId: string): Promise<StoredConversation[]> {
	const docs = await (await db()).conversations.find({ quarterId }).toArray();
	return docs.map(toConversation);
}

/** Moves the hints forward. Not atomic on FerretDB: a concurrent writer may leave an older
 * value, which readers correct by probing the next message ids. */
export async function noteLastMessage(id: string, seq: number, at: Date): Promise<void> {
	await (await db()).conversations.updateOne({ _id: id }, { $max: { lastSeq: seq, lastAt: at } });
}

/** A conversation's messages as a log (services/messaging/read-model.ts); a stream is a
 * conversation. */
export const messageStore: LogStore<ChatMessage> = {
	async insert(conversationId, seq, message) {
		const { id: _id, ...rest } = message;
		return insertUnique((await db()).chatMessages, {
			...rest,
			_id: messageId(conversationId, seq),
			conversationId,
			seq
		});
	},
	find: findMessage
};

export async function findMessage(
	conversationId: string,
	seq: number
): Promise<ChatMessage | null> {
	const doc = await (await db()).chatMessages.findOne({ _id: messageId(conversationId, seq) });
	if (!doc) return null;
	const { _id, ...rest } = doc;
	return { id: _id, ...rest };
}

export async function findReadSeq(conversationId: string, userId: string): Promise<number> {
	const doc = await (await db()).chatReads.findOne({ _id: readMarkerId(conversationId, userId) });
	return doc?.seq ?? 0;
}

/**
 * Stores a read marker (last write wins). The caller only ever writes a higher number than it
 * read; two tabs racing can at worst leave the lower of two recent positions, which shows a
 * message as unread once more.
 */
export async function saveReadSeq(
	conversationId: string,
	userId: string,
	seq: number,
	now: Date
): Promise<void> {
	const _id = readMarkerId(conversationId, userId);
	const doc = { conversationId, userId, seq, at: now };
	const c = await db();
	try {
		await c.chatReads.replaceOne({ _id }, doc, { upsert: true });
	} catch (err) {
		// Two first markers at once: one upsert inserts, the other may see the key taken.
		if (!isDuplicateKeyError(err)) throw err;
		await c.chatReads.replaceOne({ _id }, doc, { upsert: true });
	}
}

function inboxEntryId(userId: string, n: number): string {
	return `${userId}:${String(n).padStart(SEQ_DIGITS, '0')}`;
}

/** One entry of a person's inbox: the conversation that entry `n` added. */
export interface InboxEntry {
	n: number;
	conversationId: string;
	at: Date;
}

/** A person's inbox as a log (services/messaging/read-model.ts); a stream is a person. */
export const inboxStore: LogStore<InboxEntry> = {
	async insert(userId, n, entry) {
		return insertUnique((await db()).chatInbox, {
			_id: inboxEntryId(userId, n),
			userId,
			conversationId: entry.conversationId,
			at: entry.at
		});
	},
	async find(userId, n) {
		const doc = await (await db()).chatInbox.findOne({ _id: inboxEntryId(userId, n) });
		return doc ? { n, conversationId: doc.conversationId, at: doc.at } : null;
	}
};

export async function insertPendingNotification(pending: PendingNotification): Promise<void> {
	const { id, ...rest } = pending;
	try {
		await (await db()).chatPending.insertOne({ _id: id, ...rest });
	} catch (err) {
		if (!isDuplicateKeyError(err)) throw err;
	}
}

/** The whole queue: messages nobody was mailed about yet. It stays small, since each run of the
 * notification job empties what it has handled. */
export async function listPendingNotifications(): Promise<PendingNotification[]> {
	const docs = await (await db()).chatPending.find({}).toArray();
	return docs.map(({ _id, ...rest }) => ({ id: _id, ...rest }));
}

export async function deletePendingNotifications(ids: string[]): Promise<void> {
	const c = await db();
	// One delete per `_id`: the only filter the embedded database answers without a scan.
	await Promise.all(ids.map((id) => c.chatPending.deleteOne({ _id: id })));
}

/** When a `claimOnce` marker was set, or null when it was not. */
export async function onceClaimedAt(key: string): Promise<Date | null> {
	const doc = await (await db()).once.findOne({ _id: key });
	return doc?.at ?? null;
}

/** Conversations in which nobody has written since `cutoff`, by the hints (one read). */
export async function quietConversations(cutoff: Date): Promise<StoredConversation[]> {
	const docs = await (
		await db()
	).conversations
		.find({
			$or: [{ lastAt: { $lt: cutoff } }, { lastAt: null, createdAt: { $lt: cutoff } }]
		})
		.toArray();
	return docs.map(toConversation);
}

/**
 * Deletes a conversation for good (retention): its messages and their pending mails, one `_id`
 * at a time from 1 up to the hint and on while messages are found, the participants' read
 * markers, and the conversation last, so that a run cut short is finished by the next one. The
 * inbox entries stay (an insert-only log per person that names only the id); the inbox skips a
 * conversation that is gone.
 */
export async function deleteConversation(conversation: StoredConversation): Promise<number> {
	const c = await db();
	let messages = 0;
	for (let seq = 1; ; seq++) {
		const id = messageId(conversation.id, seq);
		const { deletedCount } = await c.chatMessages.deleteOne({ _id: id });
		await c.chatPending.deleteOne({ _id: id });
		messages += deletedCount;
		if (deletedCount === 0 && seq > conversation.lastSeq) break;
	}
	for (const userId of conversation.participants) {
		await c.chatReads.deleteOne({ _id: readMarkerId(conversation.id, userId) });
	}
	await c.conversations.deleteOne({ _id: conversation.id });
	return messages;
}
