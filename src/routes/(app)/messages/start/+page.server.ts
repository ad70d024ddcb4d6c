import { error, fail, redirect } from '@sveltejs/kit';
import { t } from '$lib/i18n';
import * as m from '$lib/paraglide/messages';
import { localizeHref } from '$lib/paraglide/runtime';
import { START_FIELDS, parseChatForm, startSchema, startTargetSchema } from '$lib/schemas/messages';
import { requireUser } from '$lib/server/auth/guards';
import { readForm, requestContext } from '$lib/server/http';
import {
	checkStart,
	conversationExists,
	startConversation,
	type StartTarget
} from '$lib/server/services/messaging';
import type { Actions, PageServerLoad } from './$types';

type Problem = Exclude<Awaited<ReturnType<typeof checkStart>>, { ok: true }>['problem'];

/** Status and message key for a refused start; who cannot be reached, and why, stays vague. */
function refusal(problem: Problem, target: StartTarget): { status: number; key: string } {
	switch (problem) {
		case 'self':
			return { status: 400, key: 'chat_error_self' };
		case 'sender_inactive':
			return { status: 403, key: 'chat_error_sender_inactive' };
		case 'recipient_unavailable':
			return { status: 404, key: 'chat_error_recipient_unavailable' };
		case 'not_found':
			return {
				status: 404,
				key: target.listingId ? 'chat_error_listing_not_found' : 'chat_error_recipient_unavailable'
			};
	}
}

function preview(check: Extract<Awaited<ReturnType<typeof checkStart>>, { ok: true }>) {
	return {
		quarterName: check.quarterName,
		recipientName: check.recipientName,
		listingTitle: check.listingTitle
	};
}

/** Who the message goes to, for the form shown again after a mistake. */
async function previewFor(userId: string, values: Record<string, string>) {
	const parsed = startTargetSchema.safeParse(values);
	if (!parsed.success) return null;
	const check = await checkStart(userId, {
		quarterId: parsed.data.quarter,
		listingId: parsed.data.listing || undefined,
		memberId: parsed.data.member || undefined
	});
	return check.ok ? preview(check) : null;
}

/** Opened from a link (`?quarter=…&listing=…` or `&member=…`): the compose form. */
export const load: PageServerLoad = async (event) => {
	const { user } = requireUser(event);
	const query = Object.fromEntries(event.url.searchParams);
	// A form posted here from a listing or profile page has no query; the action answers it.
	if (!query.quarter && !query.listing && !query.member) return { target: null, preview: null };
	const parsed = startTargetSchema.safeParse(query);
	if (!parsed.success) error(400, m.chat_error_target());
	const target: StartTarget = {
		quarterId: parsed.data.quarter,
		listingId: parsed.data.listing || undefined,
		memberId: parsed.data.member || undefined
	};
	const check = await checkStart(user.id, target);
	if (!check.ok) {
		const { status, key } = refusal(check.problem, target);
		error(status, t(key));
	}
	// Contacting again continues the conversation there is.
	if (await conversationExists(check.conversation.id)) {
		redirect(303, localizeHref(`/messages/${check.conversation.id}`));
	}
	return {
		target: {
			quarter: target.quarterId,
			listing: target.listingId ?? '',
			member: target.memberId ?? ''
		},
		preview: preview(check)
	};
};

export const actions: Actions = {
	default: async (event) => {
		const { user } = requireUser(event);
		const form = await readForm(event.request);
		const parsed = parseChatForm(startSchema, form, START_FIELDS);
		if (!parsed.ok) {
			return fail(400, {
				errors: parsed.errors,
				values: parsed.values,
				preview: await previewFor(user.id, parsed.values)
			});
		}
		const { text, ...target } = parsed.data;
		const values = {
			quarter: target.quarterId,
			listing: target.listingId ?? '',
			member: target.memberId ?? '',
			text
		};
		const result = await startConversation({
			senderId: user.id,
			target,
			text,
			origin: requestContext(event).origin,
			now: new Date()
		});
		if (!result.ok) {
			switch (result.problem) {
				case 'empty':
				case 'too_long':
				case 'invalid':
					return fail(400, {
						errors: { text: `chat_error_text_${result.problem}` },
						values,
						preview: await previewFor(user.id, values)
					});
				case 'not_allowed':
				case 'full':
					return fail(403, {
						errors: { form: `chat_error_${result.problem}` },
						values,
						preview: null
					});
				default: {
					const { status, key } = refusal(result.problem, target);
					return fail(status, { errors: { form: key }, values, preview: null });
				}
			}
		}
		redirect(303, localizeHref(`/messages/${result.conversationId}`));
	}
};
