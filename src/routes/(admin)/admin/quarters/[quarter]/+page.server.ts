import { error, fail } from '@sveltejs/kit';
import * as m from '$lib/paraglide/messages';
import { parseForm } from '$lib/schemas/form';
import { QUARTER_DETAILS_FIELDS, quarterDetailsSchema } from '$lib/schemas/platform';
import { QUARTER_SETTINGS_FIELDS, quarterSettingsSchema } from '$lib/schemas/quarter';
import { readForm } from '$lib/server/http';
import { changeQuarterSettings, editQuarterDetails } from '$lib/server/services/quarters';
import { adminQuarter } from './quarter.server';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { quarter } = await adminQuarter(event);
	return {
		quarter: {
			id: quarter.id,
			name: quarter.name,
			city: quarter.city,
			description: quarter.description,
			timeZone: quarter.settings.timeZone,
			settings: quarter.settings,
			blocks: quarter.blocks.length,
			categories: quarter.categories.length
		}
	};
};

export const actions: Actions = {
	details: async (event) => {
		const { user, quarter } = await adminQuarter(event);
		const form = await readForm(event.request);
		const parsed = parseForm(quarterDetailsSchema, form, QUARTER_DETAILS_FIELDS, [], 1000);
		if (!parsed.ok) {
			return fail(400, { which: 'details', errors: parsed.errors, values: parsed.values });
		}
		if (!(await editQuarterDetails(quarter.id, parsed.data, user.id, new Date()))) {
			error(404, m.error_not_found());
		}
		return { which: 'details', saved: true };
	},
	settings: async (event) => {
		const { user, quarter } = await adminQuarter(event);
		const form = await readForm(event.request);
		const parsed = parseForm(quarterSettingsSchema, form, QUARTER_SETTINGS_FIELDS);
		if (!parsed.ok) {
			return fail(400, { which: 'settings', errors: parsed.errors, values: parsed.values });
		}
		const result = await changeQuarterSettings(quarter.id, parsed.data, user.id, new Date());
		if (!result.ok) {
			if (!result.errors) error(404, m.error_not_found());
			const values = Object.fromEntries(
				QUARTER_SETTINGS_FIELDS.map((f) => [f, String(form.get(f) ?? '')])
			);
			return fail(400, { which: 'settings', errors: result.errors, values });
		}
		return { which: 'settings', saved: true };
	}
};
