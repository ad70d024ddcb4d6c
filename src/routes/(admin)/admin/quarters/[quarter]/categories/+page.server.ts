import { error, fail, redirect } from '@sveltejs/kit';
import * as m from '$lib/paraglide/messages';
import { localizeHref } from '$lib/paraglide/runtime';
import { parseForm } from '$lib/schemas/form';
import { CATEGORY_FIELDS, categorySchema, itemIdSchema } from '$lib/schemas/platform';
import { readForm } from '$lib/server/http';
import { removeCategory, saveCategory } from '$lib/server/services/quarters';
import { adminQuarter } from '../quarter.server';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { quarter } = await adminQuarter(event);
	return { quarter: { id: quarter.id, name: quarter.name, categories: quarter.categories } };
};

export const actions: Actions = {
	save: async (event) => {
		const { user, quarter } = await adminQuarter(event);
		const form = await readForm(event.request);
		const id = itemIdSchema.safeParse({ id: form.get('id') ?? undefined });
		const category = id.success ? id.data.id : 'new';
		const parsed = parseForm(categorySchema, form, CATEGORY_FIELDS);
		if (!parsed.ok) return fail(400, { category, errors: parsed.errors, values: parsed.values });
		const result = await saveCategory(
			quarter.id,
			{ ...parsed.data, id: id.success ? id.data.id : undefined },
			user.id,
			new Date()
		);
		if (!result.ok) {
			if (result.problem === 'not_found' && id.success) error(404, m.error_not_found());
			const key =
				result.problem === 'taken' ? 'admin_error_category_taken' : 'admin_error_label_required';
			return fail(409, { category, errors: { labelDe: key }, values: parsed.data });
		}
		redirect(303, localizeHref(`/admin/quarters/${quarter.id}/categories?done=saved`));
	},
	remove: async (event) => {
		const { user, quarter } = await adminQuarter(event);
		const form = await readForm(event.request);
		const id = itemIdSchema.safeParse({ id: form.get('id') ?? undefined });
		if (!id.success) error(404, m.error_not_found());
		const result = await removeCategory(quarter.id, id.data.id, user.id, new Date());
		if (!result.ok) {
			if (result.problem === 'last') {
				return fail(409, {
					category: id.data.id,
					errors: { labelDe: 'admin_error_category_last' },
					values: {}
				});
			}
			error(404, m.error_not_found());
		}
		redirect(303, localizeHref(`/admin/quarters/${quarter.id}/categories?done=removed`));
	}
};
