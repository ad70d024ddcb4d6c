import { fail, redirect } from '@sveltejs/kit';
import { loginSchema } from '$lib/schemas/auth';
import { LOGIN_FIELDS } from '$lib/schemas/auth-fields';
import { parseForm } from '$lib/schemas/form';
import { localPath, safeRedirectTarget } from '$lib/server/auth/guards';
import { invalidateSession, setDeviceCookie, setSessionCookie } from '$lib/server/auth/sessions';
import { rateLimited, readForm, requestContext } from '$lib/server/http';
import { logIn } from '$lib/server/services/accounts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	const redirectTo = localPath(url.searchParams.get('redirectTo'));
	if (locals.user) redirect(303, safeRedirectTarget(redirectTo, '/account'));
	return { redirectTo, notice: url.searchParams.get('notice') };
};

export const actions: Actions = {
	default: async (event) => {
		const form = await readForm(event.request);
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
		setDeviceCookie(event.cookies, result.device, new Date());
		// The page asked for, else the member's marketplace; in the language of the login page.
		const target = event.url.searchParams.get('redirectTo');
		redirect(303, safeRedirectTarget(target, result.home, { locale: event.locals.locale }));
	}
};
