import { fail, redirect } from '@sveltejs/kit';
import { localizeHref } from '$lib/paraglide/runtime';
import { loginSchema } from '$lib/schemas/auth';
import { LOGIN_FIELDS } from '$lib/schemas/auth-fields';
import { parseForm } from '$lib/schemas/form';
import { safeRedirectTarget } from '$lib/server/auth/guards';
import { invalidateSession, setSessionCookie } from '$lib/server/auth/sessions';
import { rateLimited, readForm, requestContext } from '$lib/server/http';
import { logIn } from '$lib/server/services/accounts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	const redirectTo = safeRedirectTarget(url.searchParams.get('redirectTo'), '/account');
	if (locals.user) redirect(303, localizeHref(redirectTo));
	return { redirectTo, notice: url.searchParams.get('notice') };
};

export const actions: Actions = {
	default: async (event) => {
		const form = await readForm(event.request);
		const redirectTo = safeRedirectTarget(event.url.searchParams.get('redirectTo'), '/account');
		const parsed = parseForm(loginSchema, form, LOGIN_FIELDS, ['password']);
		if (!parsed.ok) return fail(400, { errors: parsed.errors, values: parsed.values });

		const { email, password } = parsed.data;
		const result = await logIn(email, password, requestContext(event));
		const values = { email };
		if (!result.ok && result.reason === 'rate_limited') return rateLimited(event, result, values);
		if (!result.ok) {
			const key = `error_login_${result.reason}`;
			return fail(result.reason === 'invalid' ? 400 : 403, {
				errors: { form: key },
				values,
				unverified: result.reason === 'unverified'
			});
		}
		// A new session on every login: a token planted before login is worth nothing after it.
		if (event.locals.session) await invalidateSession(event.locals.session.id);
		setSessionCookie(event.cookies, result.token, result.expiresAt);
		redirect(303, localizeHref(redirectTo, { locale: result.locale }));
	}
};
