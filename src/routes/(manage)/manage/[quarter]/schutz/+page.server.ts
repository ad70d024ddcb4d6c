import { fail, redirect } from '@sveltejs/kit';
import { dayOf } from '$lib/domain/time/zone';
import { thresholdValue } from '$lib/domain/trust/thresholds';
import { localizeHref } from '$lib/paraglide/runtime';
import { parseForm } from '$lib/schemas/form';
import {
	categoryList,
	CONSENT_FIELDS,
	consentSchema,
	TRUST_SETTINGS_FIELDS,
	trustSettingsSchema,
	VETTING_FIELDS,
	vettingSchema
} from '$lib/schemas/trust';
import { requireRole } from '$lib/server/auth/guards';
import { readForm } from '$lib/server/http';
import {
	recordMinorConsent,
	recordVetting,
	saveTrustSettings,
	trustOverview
} from '$lib/server/services/trust';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { quarter } = await requireRole(event, event.params.quarter, ['moderator']);
	const locale = event.locals.locale;
	const now = new Date();
	const today = dayOf(now, quarter.settings.timeZone);
	return {
		quarter: { id: quarter.id, name: quarter.name },
		today,
		defaultMonths: thresholdValue('vetting.validity_default', today),
		settings: quarter.settings.trust,
		categories: quarter.categories.map((c) => ({ id: c.id, label: c.label[locale] })),
		members: (await trustOverview(quarter, now)).map((r) => ({
			userId: r.userId,
			name: r.name,
			pending: r.state === 'pending',
			minor: r.minor,
			birthYear: r.birthYear,
			consent: r.consent,
			vetting: r.vetting && { seenOn: r.vetting.seenOn, validUntil: r.vetting.validUntil },
			vettingValid: r.vettingValid
		}))
	};
};

const back = (quarterId: string, done: string) =>
	redirect(303, localizeHref(`/manage/${quarterId}/schutz?done=${done}`));

export const actions: Actions = {
	settings: async (event) => {
		const { quarter, user } = await requireRole(event, event.params.quarter, ['moderator']);
		const form = await readForm(event.request);
		const parsed = parseForm(trustSettingsSchema, form, TRUST_SETTINGS_FIELDS);
		if (!parsed.ok) return fail(400, { settingsErrors: parsed.errors });
		const known = quarter.categories.map((c) => c.id);
		const result = await saveTrustSettings(
			quarter,
			{
				...parsed.data,
				sensitiveCategories: categoryList(form, 'sensitiveCategories', known),
				insuranceCategories: categoryList(form, 'insuranceCategories', known)
			},
			user.id,
			new Date()
		);
		if (!result.ok) {
			return fail(400, { settingsErrors: { form: `trust_error_${result.problem}` } });
		}
		back(quarter.id, 'settings');
	},
	vetting: async (event) => {
		const { quarter, user } = await requireRole(event, event.params.quarter, ['moderator']);
		const form = await readForm(event.request);
		const parsed = parseForm(vettingSchema, form, VETTING_FIELDS);
		const memberId = String(form.get('memberId') ?? '');
		if (!parsed.ok) return fail(400, { memberId, errors: parsed.errors, values: parsed.values });
		const result = await recordVetting({
			quarter,
			memberId: parsed.data.memberId,
			moderatorId: user.id,
			issuedOn: parsed.data.issuedOn,
			seenOn: parsed.data.seenOn,
			now: new Date()
		});
		if (!result.ok) {
			const field = result.problem === 'seen_in_future' ? 'seenOn' : 'issuedOn';
			return fail(result.problem === 'not_member' ? 404 : 400, {
				memberId,
				errors: { [field]: `trust_error_${result.problem}` },
				values: { issuedOn: parsed.data.issuedOn, seenOn: parsed.data.seenOn }
			});
		}
		back(quarter.id, 'vetting');
	},
	consent: async (event) => {
		const { quarter, user } = await requireRole(event, event.params.quarter, ['moderator']);
		const form = await readForm(event.request);
		const parsed = parseForm(consentSchema, form, CONSENT_FIELDS);
		if (!parsed.ok) return fail(400, { errors: { form: 'error_invalid_input' } });
		const result = await recordMinorConsent({
			quarter,
			memberId: parsed.data.memberId,
			moderatorId: user.id,
			now: new Date()
		});
		if (!result.ok) {
			return fail(result.problem === 'not_member' ? 404 : 409, {
				errors: { form: `trust_error_${result.problem}` }
			});
		}
		back(quarter.id, 'consent');
	}
};
