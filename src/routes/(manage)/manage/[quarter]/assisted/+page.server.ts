import { parseForm } from '$lib/schemas/form';
import { fail, redirect } from '@sveltejs/kit';
import { dayOf } from '$lib/domain/time/zone';
import { localizeHref } from '$lib/paraglide/runtime';
import {
	CONSENT_FIELDS,
	consentSchema,
	WITHDRAW_FIELDS,
	withdrawSchema
} from '$lib/schemas/assisted';
import { requireRole } from '$lib/server/auth/guards';
import { readForm } from '$lib/server/http';
import { assistedOfQuarter, recordConsent, withdrawConsent } from '$lib/server/services/assisted';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { quarter, user } = await requireRole(event, event.params.quarter, ['moderator']);
	const { rows, candidates } = await assistedOfQuarter(quarter, user.id);
	return {
		quarter: { id: quarter.id, name: quarter.name },
		assisted: rows.map((a) => ({
			userId: a.userId,
			name: a.name,
			consentAt: a.consentAt.toISOString().slice(0, 10),
			how: a.how,
			note: a.note,
			recordedByName: a.recordedByName,
			withdrawnAt: a.withdrawnAt?.toISOString() ?? null
		})),
		candidates,
		today: dayOf(new Date(), quarter.settings.timeZone)
	};
};

export const actions: Actions = {
	consent: async (event) => {
		const { quarter, user } = await requireRole(event, event.params.quarter, ['moderator']);
		const form = await readForm(event.request);
		const parsed = parseForm(consentSchema, form, CONSENT_FIELDS);
		if (!parsed.ok) return fail(400, { errors: parsed.errors, values: parsed.values });
		const values = Object.fromEntries(
			CONSENT_FIELDS.map((f) => [f, form.get(f)?.toString() ?? ''])
		);
		const result = await recordConsent({
			quarter,
			moderatorId: user.id,
			memberId: parsed.data.member,
			consentAt: parsed.data.consentDay,
			how: parsed.data.how,
			note: parsed.data.note,
			now: new Date()
		});
		if (!result.ok) {
			const field = result.problem === 'future_day' ? 'consentDay' : 'member';
			return fail(result.problem === 'already_active' ? 409 : 400, {
				errors: { [field]: `assisted_error_${result.problem}` },
				values
			});
		}
		redirect(
			303,
			localizeHref(`/manage/${quarter.id}/assisted?done=consent&member=${parsed.data.member}`)
		);
	},
	withdraw: async (event) => {
		const { quarter, user } = await requireRole(event, event.params.quarter, ['moderator']);
		const form = await readForm(event.request);
		const parsed = parseForm(withdrawSchema, form, WITHDRAW_FIELDS);
		if (!parsed.ok) return fail(400, { errors: { withdraw: 'assisted_error_member' }, values: {} });
		const result = await withdrawConsent({
			quarter,
			moderatorId: user.id,
			memberId: parsed.data.member,
			now: new Date()
		});
		if (!result.ok) {
			return fail(409, { errors: { withdraw: 'assisted_error_no_consent' }, values: {} });
		}
		redirect(303, localizeHref(`/manage/${quarter.id}/assisted?done=withdrawn`));
	}
};
