import { fail, redirect } from '@sveltejs/kit';
import { localizeHref } from '$lib/paraglide/runtime';
import { parseForm } from '$lib/schemas/form';
import { SETUP_FIELDS, SETUP_SECRET, setupSchema, setupTokenSchema } from '$lib/schemas/platform';
import { setSessionCookie } from '$lib/server/auth/sessions';
import { readForm } from '$lib/server/http';
import { checkSetupToken, claimSetup } from '$lib/server/services/platform';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params }) => {
	const token = setupTokenSchema.safeParse(params.token);
	const state = token.success ? await checkSetupToken(token.data, new Date()) : 'invalid';
	return { state };
};

export const actions: Actions = {
	default: async (event) => {
		const token = setupTokenSchema.safeParse(event.params.token);
		if (!token.success) return fail(400, { errors: { form: 'setup_invalid' }, values: {} });
		const form = await readForm(event.request);
		const parsed = parseForm(setupSchema, form, SETUP_FIELDS, SETUP_SECRET);
		if (!parsed.ok) return fail(400, { errors: parsed.errors, values: parsed.values });
		const result = await claimSetup(
			token.data,
			{
				displayName: parsed.data.displayName,
				email: parsed.data.email,
				password: parsed.data.password,
				locale: event.locals.locale
			},
			new Date()
		);
		if (!result.ok) {
			return fail(result.state === 'done' ? 409 : 400, {
				errors: { form: `setup_${result.state}` },
				values: {}
			});
		}
		setSessionCookie(event.cookies, result.session.token, result.session.expiresAt);
		redirect(303, localizeHref('/admin?done=welcome'));
	}
};
