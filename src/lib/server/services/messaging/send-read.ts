// Sending a message and reading a conversation as one of its two participants.
import { mayView } from '../../../domain/listings/listing';
import { isManagement } from '../../../domain/members/roles';
import {
	MAX_SEQ,
	advancedReadSeq,
	isParticipant,
	mayWrite,
	messageId,
	otherParticipant,
	type Conversation
} from '../../../domain/messages/conversation';
import {
	messageTextProblem,
	normalizeMessageText,
	type MessageTextProblem
} from '../../../domain/messages/text';
import {
	findReadSeq,
	insertPendingNotification,
	noteLastMessage,
	saveReadSeq,
	type ChatMessage
} from '../../repos/conversations';
import { findMembership, type Membership } from '../../repos/memberships';
import { findProfile } from '../../repos/profiles';
import { findUserById } from '../../repos/users';
import { listingsByIds } from '../listings';
import {
	forgetTotal,
	loadConversation,
	readHead,
	readPage,
	type MessagingContext
} from './read-model';

/** What someone may send to a conversation, as the form gets it. */
export type SendProblem = 'not_found' | 'not_allowed' | 'full' | MessageTextProblem;

export interface ConversationView {
	conversation: Conversation;
	other: { id: string; name: string; email: string | null; phone: string | null };
	listing: { id: string; title: string } | null;
	messages: ChatMessage[];
	/** The number of the oldest message shown, when there are older ones. */
	earlierBefore: number | null;
	/** The other participant deleted their account: nobody to write to. */
	otherDeleted: boolean;
	canWrite: boolean;
}

/** Appends a message as the next number; the sender has then read up to it. */
export async function send(
	ctx: MessagingContext,
	input: {
		conversationId: string;
		senderId: string;
		text: string;
		origin: string;
		now: Date;
	}
): Promise<
	{ ok: true; conversationId: string; seq: number } | { ok: false; problem: SendProblem }
> {
	const { conversationId, senderId, origin, now } = input;
	const text = normalizeMessageText(input.text);
	const textProblem = messageTextProblem(text);
	if (textProblem) return { ok: false, problem: textProblem };
	const conversation = await loadConversation(ctx, conversationId);
	if (!conversation || !isParticipant(conversation, senderId)) {
		return { ok: false, problem: 'not_found' };
	}
	const membership = await findMembership(conversation.quarterId, senderId);
	const byManagement = await startedByManagement(conversation, senderId, membership);
	if (!mayWrite('participant', membership, byManagement)) {
		return { ok: false, problem: 'not_allowed' };
	}
	// Nobody reads a deleted account's messages any more (docs/legal.md).
	if ((await findUserById(otherParticipant(conversation, senderId)))?.deleted) {
		return { ok: false, problem: 'not_allowed' };
	}

	const appended = await ctx.messageLog.append<'full'>(conversationId, (_state, next) =>
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
	forgetTotal(ctx, senderId);
	forgetTotal(ctx, recipientId);
	return { ok: true, conversationId, seq };
}

/** The newest messages (or those before `before`) for a participant, who has then read them. */
export async function read(
	ctx: MessagingContext,
	input: {
		conversationId: string;
		userId: string;
		before?: number;
		now: Date;
	}
): Promise<ConversationView | null> {
	const { conversationId, userId, now } = input;
	const conversation = await loadConversation(ctx, conversationId);
	if (!conversation || !isParticipant(conversation, userId)) return null;
	const head = await readHead(ctx, conversationId);
	const messages = await readPage(ctx, conversationId, head, input.before);
	const [readSeq, membership] = await Promise.all([
		findReadSeq(conversationId, userId),
		findMembership(conversation.quarterId, userId)
	]);
	if (advancedReadSeq(readSeq, head) > readSeq) {
		await saveReadSeq(conversationId, userId, head, now);
		forgetTotal(ctx, userId);
	}
	const otherId = otherParticipant(conversation, userId);
	const [other, profile, listing] = await Promise.all([
		findUserById(otherId),
		findProfile(conversation.quarterId, otherId),
		visibleListing(conversation, userId)
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
		otherDeleted: other?.deleted ?? false,
		canWrite:
			!other?.deleted &&
			mayWrite(
				'participant',
				membership,
				await startedByManagement(conversation, userId, membership)
			)
	};
}

/**
 * Whether the other participant, the quarter management, started this conversation: only
 * asked for a pending applicant, who may answer such a question and write nowhere else.
 */
async function startedByManagement(
	conversation: Conversation,
	userId: string,
	membership: Membership | null
): Promise<boolean> {
	if (membership?.state !== 'pending' || conversation.startedBy === userId) return false;
	return isManagement(await findMembership(conversation.quarterId, conversation.startedBy));
}

async function visibleListing(conversation: Conversation, userId: string) {
	if (!conversation.listingId) return null;
	const listing = (await listingsByIds([conversation.listingId])).get(conversation.listingId);
	return listing && mayView(listing, { id: userId, moderator: false }) ? listing : null;
}
