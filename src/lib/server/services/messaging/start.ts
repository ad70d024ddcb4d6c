// Starting a conversation: from a listing or directly to a member of the same quarter.
import type { Listing } from '../../../domain/listings/listing';
import {
	isDocId,
	newConversation,
	startProblem,
	type Conversation,
	type StartProblem
} from '../../../domain/messages/conversation';
import { messageTextProblem, normalizeMessageText } from '../../../domain/messages/text';
import { insertConversation } from '../../repos/conversations';
import { findMembership } from '../../repos/memberships';
import { findQuarter } from '../../repos/quarters';
import { findUserById } from '../../repos/users';
import { findVisibleListing, listingActor } from '../listings';
import { addToInbox, loadConversation, type MessagingContext } from './read-model';
import { send, type SendProblem } from './send-read';

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

/**
 * Checks a start request and names the conversation it leads to (which may exist already).
 * Nothing is stored. Who may not be contacted, and why, stays vague to the sender: a
 * suspended member, one of another quarter and a missing one all look alike.
 */
export async function checkStart(
	senderId: string,
	target: StartTarget,
	now = new Date()
): Promise<StartCheck> {
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

/**
 * Opens the conversation (or finds the one that exists) and appends the first message. Two
 * starts at once store one conversation; both messages are kept.
 */
export async function start(
	ctx: MessagingContext,
	input: {
		senderId: string;
		target: StartTarget;
		text: string;
		origin: string;
		now: Date;
	}
): Promise<
	| { ok: true; conversationId: string; seq: number }
	| { ok: false; problem: StartProblem | SendProblem }
> {
	const text = normalizeMessageText(input.text);
	const textProblem = messageTextProblem(text);
	if (textProblem) return { ok: false, problem: textProblem };
	const check = await checkStart(input.senderId, input.target, input.now);
	if (!check.ok) return check;
	const { conversation } = check;
	if (!(await loadConversation(ctx, conversation.id))) {
		// Inboxes first: a conversation that exists is always in both inboxes, even when this
		// server stops between the steps.
		for (const userId of conversation.participants) {
			await addToInbox(ctx, userId, conversation.id, input.now);
		}
		await insertConversation(conversation);
	}
	return send(ctx, {
		conversationId: conversation.id,
		senderId: input.senderId,
		text,
		origin: input.origin,
		now: input.now
	});
}
