import { error, fail, redirect } from '@sveltejs/kit';
import * as m from '$lib/paraglide/messages';
import { localizeHref } from '$lib/paraglide/runtime';
import {
	APPROVE_FIELDS,
	DECLINE_FIELDS,
	QUESTION_FIELDS,
	approveSchema,
	declineSchema,
	KEEP_TYPED,
	questionSchema
} from '$lib/schemas/approval';
import { parseForm } from '$lib/schemas/form';
import { requireRole } from '$lib/server/auth/guards';
import { newFormNonce, readForm, requestContext } from '$lib/server/http';
import {
	approveApplication,
	askApplicant,
	declineApplication,
	listApplications,
	type DecideResult
} from '$lib/server/services/approval';
import { letterStatesOfQuarter } from '$lib/server/services/address-letters';
import type { Actions, PageServerLoad } from './$types';

const MANAGEMENT = ['moderator'] as const;

export const load: PageServerLoad = async (event) => {
	const { quarter, user } = await requireRole(event, event.params.quarter, MANAGEMENT);
	const [applications, letters] = await Promise.all([
		listApplications(quarter, user.id, new Date()),
		letterStatesOfQuarter(quarter.id)
	]);
	return {
		quarter: { id: quarter.id, name: quarter.name },
		applications: applications.map((a) => ({
			id: a.userId,
			name: a.name,
			email: a.email,
			emailVerified: a.emailVerified,
			// Which check was done: the email address (a link), and the postal address (a letter).
			letter: letters.get(a.userId)?.state ?? 'none',
			role: a.role,
			since: a.since.toISOString(),
			waitingDays: a.waitingDays,
			text: a.text,
			conversationId: a.conversationId
		})),
		nonce: newFormNonce()
	};
};

/** A refused decision: the form stays beside its application, the message says why. */
function refused(result: Extract<DecideResult, { ok: false }>, member: string, values = {}) {
	if (result.problem === 'not_found') error(404, m.error_not_found());
	return fail(409, { member, errors: { form: `approval_error_${result.problem}` }, values });
}

export const actions: Actions = {
	approve: async (event) => {
		const { quarter, user } = await requireRole(event, event.params.quarter, MANAGEMENT);
		const form = await readForm(event.request);
		const parsed = parseForm(approveSchema, form, APPROVE_FIELDS, [], KEEP_TYPED);
		if (!parsed.ok) error(404, m.error_not_found());
		const result = await approveApplication({
			quarter,
			memberId: parsed.data.member,
			moderatorId: user.id,
			origin: requestContext(event).origin,
			now: new Date()
		});
		if (!result.ok) return refused(result, parsed.data.member);
		const done = result.startCredit === 'on_verification' ? 'approved_unverified' : 'approved';
		redirect(303, localizeHref(`/manage/${quarter.id}/applications?done=${done}`));
	},
	decline: async (event) => {
		const { quarter, user } = await requireRole(event, event.params.quarter, MANAGEMENT);
		const form = await readForm(event.request);
		const parsed = parseForm(declineSchema, form, DECLINE_FIELDS, [], KEEP_TYPED);
		const member = String(form.get('member') ?? '').slice(0, 24);
		if (!parsed.ok) {
			return fail(400, { member, form: 'decline', errors: parsed.errors, values: parsed.values });
		}
		const result = await declineApplication({
			quarter,
			memberId: parsed.data.member,
			moderatorId: user.id,
			reason: parsed.data.reason,
			origin: requestContext(event).origin,
			now: new Date()
		});
		if (!result.ok) return refused(result, member, { reason: parsed.data.reason });
		redirect(303, localizeHref(`/manage/${quarter.id}/applications?done=declined`));
	},
	ask: async (event) => {
		const { quarter, user } = await requireRole(event, event.params.quarter, MANAGEMENT);
		const form = await readForm(event.request);
		const parsed = parseForm(questionSchema, form, QUESTION_FIELDS, [], KEEP_TYPED);
		const member = String(form.get('member') ?? '').slice(0, 24);
		if (!parsed.ok) {
			return fail(400, { member, form: 'ask', errors: parsed.errors, values: parsed.values });
		}
		const result = await askApplicant({
			quarter,
			memberId: parsed.data.member,
			moderatorId: user.id,
			text: parsed.data.text,
			nonce: parsed.data.nonce,
			origin: requestContext(event).origin,
			now: new Date()
		});
		if (!result.ok) {
			const values = { text: parsed.data.text };
			switch (result.problem) {
				case 'not_found':
					error(404, m.error_not_found());
				// eslint-disable-next-line no-fallthrough
				case 'not_pending':
				case 'management':
				case 'forbidden':
					return fail(409, {
						member,
						form: 'ask',
						errors: { form: `approval_error_${result.problem}` },
						values
					});
				case 'empty':
				case 'too_long':
				case 'invalid':
					return fail(400, {
						member,
						form: 'ask',
						errors: { text: `chat_error_text_${result.problem}` },
						values
					});
				default:
					return fail(409, {
						member,
						form: 'ask',
						errors: { form: 'approval_error_not_pending' },
						values
					});
			}
		}
		redirect(303, localizeHref(`/manage/${quarter.id}/applications?done=asked`));
	}
};
