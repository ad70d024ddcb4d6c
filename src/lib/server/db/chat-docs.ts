// The stored shapes of conversations between members (services/messaging). Split from
// collections.ts, which re-exports them.

/**
 * A conversation between two members (domain/messages). `_id` is its natural key, so two starts
 * of the same conversation store one. Nothing but the hints changes after the insert.
 */
export interface ConversationDoc {
	_id: string;
	quarterId: string;
	listingId: string | null;
	participants: [string, string];
	startedBy: string;
	createdAt: Date;
	/** Hints written after each message (last write wins): may lag behind, never run ahead. */
	lastSeq: number;
	lastAt: Date | null;
}

/** One message; insert-only. `_id` is `<conversationId>-<seq, 6 digits>`. */
export interface ChatMessageDoc {
	_id: string;
	conversationId: string;
	seq: number;
	senderId: string;
	text: string;
	sentAt: Date;
	/** The sender deleted their account: `text` is overwritten, the page says "gelöscht". */
	erased?: boolean;
}

/** The highest message number a participant has seen; `_id` is `<conversationId>:<userId>`. */
export interface ChatReadDoc {
	_id: string;
	conversationId: string;
	userId: string;
	seq: number;
	at: Date;
}

/** A person's list of conversations, insert-only: `_id` is `<userId>:<n, 6 digits>`. */
export interface ChatInboxDoc {
	_id: string;
	userId: string;
	conversationId: string;
	at: Date;
}

/** A message nobody has been mailed about yet; `_id` is the message's id. Deleted once handled. */
export interface ChatPendingDoc {
	_id: string;
	conversationId: string;
	quarterId: string;
	seq: number;
	senderId: string;
	recipientId: string;
	sentAt: Date;
	/** The site's address as the sender's request saw it, for the link in the mail. */
	origin: string;
}
