import { error, fail, redirect, type RequestEvent } from '@sveltejs/kit';
import { DEFAULT_TIME_ZONE } from '$lib/domain/time/zone';
import * as m from '$lib/paraglide/messages';
import { localizeHref } from '$lib/paraglide/runtime';
import {
	REPLY_FIELDS,
	REPORT_FIELDS,
	parseChatForm,
	replySchema,
	reportSchema
} from '$lib/schemas/messages';
import { requireUser } from '$lib/server/auth/guards';
import { listExchangesOf } from '$lib/server/services/exchanges';
import { findQuarter } from '$lib/server/services/quarters';
import { readForm, requestContext } from '$lib/server/http';
import {
	conversationOfParticipant,
	readConversation,
	reportConversation,
	sendMessage,
	unreadTotal
} from '$lib/server/services/messaging';
import type { Actions, PageServerLoad } from './$types';

/** Everyone but the two participants gets the same 404, whether or not the conversation exists. */
async function requireParticipant(
	event: Pick<RequestEvent, 'locals' | 'url'> & { params: { conversation: string } }
) {
	const { user } = requireUser(event);
	const conversation = await conversationOfParticipant(event.params.conversation, user.id);
	if (!conversation) error(404, m.error_not_found());
	return { user, conversation };
}

export const load: PageServerLoad = async (event) => {
	const { user } = await requireParticipant(event);
	const before = Number(event.url.searchParams.get('before') ?? '');
	const view = await readConversation({
		conversationId: event.params.conversation,
		userId: user.id,
		before: Number.isInteger(before) && before > 1 ? before : undefined,
		now: new Date()
	});
	if (!view) error(404, m.error_not_found());
	// Its times are shown in its quarter's zone (one read by _id).
	const [quarter, mine] = await Promise.all([
		findQuarter(view.conversation.quarterId),
		listExchangesOf(user.id)
	]);
	// The exchanges of these two in this quarter: from a conversation to what they agreed.
	const together = mine.filter(
		(x) =>
			x.quarterId === view.conversation.quarterId &&
			(x.providerId === view.other.id || x.receiverId === view.other.id)
	);
	return {
		timeZone: quarter?.settings.timeZone ?? DEFAULT_TIME_ZONE,
		conversation: { id: view.conversation.id, quarterId: view.conversation.quarterId },
		me: user.id,
		other: view.other,
		listing: view.listing,
		direct: view.conversation.listingId === null,
		exchanges: together.map((x) => ({ id: x.id, title: x.title, state: x.state })),
		messages: view.messages.map((msg) => ({
			seq: msg.seq,
			mine: msg.senderId === user.id,
			text: msg.erased ? m.account_deletion_message_erased() : msg.text,
			sentAt: msg.sentAt.toISOString()
		})),
		earlierBefore: view.earlierBefore,
		paged: event.url.searchParams.has('before'),
		canWrite: view.canWrite,
		otherDeleted: view.otherDeleted,
		// Counted after marking this conversation read: the layout counts in parallel, before it.
		unreadMessages: await unreadTotal(user.id)
	};
};

export const actions: Actions = {
	reply: async (event) => {
		const { user, conversation } = await requireParticipant(event);
		const form = await readForm(event.request);
		const parsed = parseChatForm(replySchema, form, REPLY_FIELDS);
		if (!parsed.ok) return fail(400, { reply: { errors: parsed.errors, values: parsed.values } });
		const result = await sendMessage({
			conversationId: conversation.id,
			senderId: user.id,
			text: parsed.data.text,
			origin: requestContext(event).origin,
			now: new Date()
		});
		if (!result.ok) {
			if (result.problem === 'not_found') error(404, m.error_not_found());
			const status = result.problem === 'not_allowed' ? 403 : result.problem === 'full' ? 409 : 400;
			const key =
				result.problem === 'not_allowed' || result.problem === 'full'
					? `chat_error_${result.problem}`
					: `chat_error_text_${result.problem}`;
			return fail(status, { reply: { errors: { text: key }, values: { text: parsed.data.text } } });
		}
		redirect(303, localizeHref(`/messages/${conversation.id}`));
	},
	report: async (event) => {
		const { user, conversation } = await requireParticipant(event);
		const form = await readForm(event.request);
		const parsed = parseChatForm(reportSchema, form, REPORT_FIELDS);
		if (!parsed.ok) return fail(400, { report: { errors: parsed.errors, values: parsed.values } });
		const result = await reportConversation({
			conversationId: conversation.id,
			userId: user.id,
			reason: parsed.data.reason,
			note: parsed.data.note,
			now: new Date()
		});
		if (!result.ok) error(404, m.error_not_found());
		return { report: { sent: true as const } };
	}
};
