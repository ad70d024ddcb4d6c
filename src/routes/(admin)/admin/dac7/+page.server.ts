import { error, fail, redirect } from '@sveltejs/kit';
import { sum } from '$lib/domain/tax/dac7';
import * as m from '$lib/paraglide/messages';
import { localizeHref } from '$lib/paraglide/runtime';
import { DAC7_SETTINGS_FIELDS, dac7SettingsSchema, reportYear } from '$lib/schemas/dac7';
import { parseForm } from '$lib/schemas/form';
import { requirePlatformAdmin } from '$lib/server/auth/guards';
import { readForm } from '$lib/server/http';
import { dac7Settings, reportForAdmin, saveDac7Settings } from '$lib/server/services/dac7';
import type { Actions, PageServerLoad } from './$types';

/** The annual PStTG report for the platform administrator: every opening is in the audit log. */
export const load: PageServerLoad = async (event) => {
	const { user } = await requirePlatformAdmin(event);
	const now = new Date();
	const year = reportYear(event.url.searchParams.get('jahr'), now);
	const [report, settings] = await Promise.all([
		reportForAdmin(user.id, year, 'dac7.reportViewed', now),
		dac7Settings()
	]);
	const rows = report.rows.map((r) => ({
		sellerId: r.sellerId,
		name: r.name,
		kind: r.kind,
		activities: sum(r.activities),
		considerationCents: sum(r.considerationCents),
		feesCents: sum(r.feesCents),
		missing: r.missing
	}));
	return {
		year,
		years: Array.from({ length: now.getUTCFullYear() - 2022 }, (_, i) => now.getUTCFullYear() - i),
		rows,
		settings: {
			hoursAreConsideration: settings.hoursAreConsideration ? 'on' : '',
			hourValue: settings.hourValueCents ? (settings.hourValueCents / 100).toFixed(2) : '',
			operatorName: settings.operatorName,
			operatorAddress: settings.operatorAddress,
			operatorTin: settings.operatorTin
		},
		saved: event.url.searchParams.get('done') === 'saved'
	};
};

export const actions: Actions = {
	settings: async (event) => {
		const { user } = await requirePlatformAdmin(event);
		const form = await readForm(event.request);
		const parsed = parseForm(dac7SettingsSchema, form, DAC7_SETTINGS_FIELDS, [], 400);
		if (!parsed.ok) return fail(400, { errors: parsed.errors, values: parsed.values });
		const { hoursAreConsideration, hourValueCents, operatorName, operatorAddress, operatorTin } =
			parsed.data;
		const saved = await saveDac7Settings(
			{ hoursAreConsideration, hourValueCents, operatorName, operatorAddress, operatorTin },
			user.id,
			new Date()
		);
		if (!saved.ok) error(503, m.error_unexpected({ errorId: event.locals.requestId ?? '' }));
		redirect(303, localizeHref('/admin/dac7?done=saved'));
	}
};
