import { error } from '@sveltejs/kit';
import * as m from '$lib/paraglide/messages';
import { requireRole } from '$lib/server/auth/guards';
import { displayNameOf } from '$lib/server/services/members';
import { readReportedConversation } from '$lib/server/services/messaging';
import type { PageServerLoad } from './$types';

const MANAGEMENT = ['moderator'] as const;

export const load: PageServerLoad = async (event) => {
	const { user, quarter, membership } = await requireRole(event, event.params.quarter, MANAGEMENT);
	const before = Number(event.url.searchParams.get('before') ?? '');
	const result = await readReportedConversation({
		conversationId: event.params.conversation,
		quarterId: quarter.id,
		moderatorId: user.id,
		membership,
		before: Number.isInteger(before) && before > 1 ? before : undefined,
		now: new Date()
	});
	// Unreported, of another quarter, or missing: the same answer, so nothing is learned by trying.
	if (!result.ok) error(403, m.chat_error_manage_forbidden());
	const { conversation, names } = result;
	const reporters = await Promise.all(result.flags.map((flag) => displayNameOf(flag.reporterId)));
	return {
		quarter: { id: quarter.id, name: quarter.name },
		conversation: { id: conversation.id },
		participants: conversation.participants.map((id) => names[id] ?? '—'),
		listing: result.listing,
		messages: result.messages.map((msg) => ({
			seq: msg.seq,
			sender: names[msg.senderId] ?? '—',
			text: msg.erased ? m.account_deletion_message_erased() : msg.text,
			sentAt: msg.sentAt.toISOString()
		})),
		earlierBefore: result.earlierBefore,
		reports: result.flags.map((flag, i) => ({
			id: flag.id,
			reporter: reporters[i] ?? '—',
			reason: flag.reason,
			note: flag.note,
			createdAt: flag.createdAt.toISOString(),
			resolved: flag.resolution !== null
		}))
	};
};
