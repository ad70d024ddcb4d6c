import { fail, redirect } from '@sveltejs/kit';
import { DEFAULT_TIME_ZONE } from '$lib/domain/time/zone';
import { DEFAULT_QUARTER_SETTINGS } from '$lib/domain/quarters/settings';
import { localizeHref } from '$lib/paraglide/runtime';
import { parseForm } from '$lib/schemas/form';
import { NEW_QUARTER_FIELDS, newQuarterSchema } from '$lib/schemas/platform';
import { QUARTER_SETTINGS_FIELDS, quarterSettingsSchema } from '$lib/schemas/quarter';
import { requirePlatformAdmin } from '$lib/server/auth/guards';
import { readForm } from '$lib/server/http';
import { createQuarter, settingsFromInput } from '$lib/server/services/quarters';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	await requirePlatformAdmin(event);
	return { settings: DEFAULT_QUARTER_SETTINGS, timeZone: DEFAULT_TIME_ZONE };
};

export const actions: Actions = {
	default: async (event) => {
		const { user } = await requirePlatformAdmin(event);
		const form = await readForm(event.request);
		const details = parseForm(newQuarterSchema, form, NEW_QUARTER_FIELDS, [], 1000);
		const settings = parseForm(quarterSettingsSchema, form, QUARTER_SETTINGS_FIELDS);
		const values = Object.fromEntries(
			[...NEW_QUARTER_FIELDS, ...QUARTER_SETTINGS_FIELDS].map((f) => [
				f,
				String(form.get(f) ?? '').slice(0, 1000)
			])
		);
		if (!details.ok || !settings.ok) {
			const errors = {
				...(details.ok ? {} : details.errors),
				...(settings.ok ? {} : settings.errors)
			};
			return fail(400, { errors, values });
		}
		const checked = settingsFromInput(DEFAULT_QUARTER_SETTINGS, settings.data);
		if (!checked.ok) return fail(400, { errors: checked.errors, values });
		const result = await createQuarter(
			{ ...details.data, settings: checked.settings },
			user.id,
			new Date()
		);
		if (!result.ok) return fail(409, { errors: result.errors, values });
		redirect(303, localizeHref(`/admin/quarters/${result.quarter.id}?done=created`));
	}
};
