import { fail, redirect } from '@sveltejs/kit';
import { deleteAccountSchema } from '$lib/schemas/auth';
import { parseForm } from '$lib/schemas/form';
import { localizeHref } from '$lib/paraglide/runtime';
import { requireUser } from '$lib/server/auth/guards';
import { deleteSessionCookie } from '$lib/server/auth/sessions';
import { readForm } from '$lib/server/http';
import { deleteAccount, deletionPreview } from '$lib/server/services/deletion';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { user } = requireUser(event);
	return await deletionPreview(user.id);
};

export const actions: Actions = {
	default: async (event) => {
		const { user } = requireUser(event);
		const form = await readForm(event.request);
		const parsed = parseForm(deleteAccountSchema, form, ['password'], ['password']);
		if (!parsed.ok) return fail(400, { errors: parsed.errors });
		const result = await deleteAccount({
			userId: user.id,
			password: parsed.data.password,
			now: new Date()
		});
		if (!result.ok) {
			return result.problem === 'wrong_password'
				? fail(400, { errors: { password: 'error_current_password_wrong' } })
				: fail(409, { errors: { form: 'error_delete_blocked' } });
		}
		deleteSessionCookie(event.cookies);
		redirect(303, localizeHref('/account-deleted'));
	}
};
