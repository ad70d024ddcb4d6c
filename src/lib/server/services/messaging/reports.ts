// Reporting a conversation to the quarter management, and the management's read-only view of a
// reported one.
import {
	isParticipant,
	managementMayRead,
	type Conversation
} from '../../../domain/messages/conversation';
import { appendAudit } from '../../repos/audit';
import type { ChatMessage } from '../../repos/conversations';
import { listFlagsOf, type Flag } from '../../repos/flags';
import type { Membership } from '../../repos/memberships';
import { findUserById } from '../../repos/users';
import { findVisibleListing, listingActor } from '../listings';
import { fileFlag } from '../moderation';
import { loadConversation, readHead, readPage, type MessagingContext } from './read-model';

/** Reports a conversation to the quarter management; a double submit is stored once. */
export async function report(
	ctx: MessagingContext,
	input: {
		conversationId: string;
		userId: string;
		reason: string;
		note: string;
		now: Date;
	}
): Promise<{ ok: true } | { ok: false; problem: 'not_found' }> {
	const { conversationId, userId, now } = input;
	const conversation = await loadConversation(ctx, conversationId);
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
export async function readReported(
	ctx: MessagingContext,
	input: {
		conversationId: string;
		quarterId: string;
		moderatorId: string;
		membership: Membership | null;
		before?: number;
		now: Date;
	}
): Promise<
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
	const conversation = await loadConversation(ctx, conversationId);
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
	const head = await readHead(ctx, conversationId);
	const page = await readPage(ctx, conversationId, head, input.before);
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
