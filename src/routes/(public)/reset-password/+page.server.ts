import { fail, redirect } from '@sveltejs/kit';
import { localizeHref } from '$lib/paraglide/runtime';
import { resetPasswordSchema, tokenSchema } from '$lib/schemas/auth';
import { PASSWORD_FIELDS, RESET_FIELDS } from '$lib/schemas/auth-fields';
import { parseForm } from '$lib/schemas/form';
import { deleteSessionCookie } from '$lib/server/auth/sessions';
import { readForm } from '$lib/server/http';
import { checkResetToken, resetPassword } from '$lib/server/services/accounts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ url }) => {
	const parsed = tokenSchema.safeParse({ token: url.searchParams.get('token') ?? '' });
	if (!parsed.success) return { state: 'invalid' as const, token: '' };
	const state = await checkResetToken(parsed.data.token, new Date());
	return { state, token: state === 'valid' ? parsed.data.token : '' };
};

export const actions: Actions = {
	default: async (event) => {
		const form = await readForm(event.request);
		const parsed = parseForm(resetPasswordSchema, form, RESET_FIELDS, PASSWORD_FIELDS);
		if (!parsed.ok) {
			const errors = parsed.errors.token ? { form: 'reset_invalid' } : parsed.errors;
			return fail(400, { errors });
		}
		const state = await resetPassword(parsed.data.token, parsed.data.password, new Date());
		if (state !== 'valid') {
			return fail(400, {
				errors: { form: state === 'expired' ? 'reset_expired' : 'reset_invalid' }
			});
		}
		// Every session ended with the reset, this browser's too.
		deleteSessionCookie(event.cookies);
		redirect(303, localizeHref('/login?notice=password-reset'));
	}
};
