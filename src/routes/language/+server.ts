import { redirect } from '@sveltejs/kit';
import { cookieMaxAge, cookieName } from '$lib/paraglide/runtime';
import { safeRedirectTarget } from '$lib/server/auth/guards';
import { env } from '$lib/server/env';
import { readForm } from '$lib/server/http';
import type { RequestHandler } from './$types';

/** The language switch: a plain form, so it works without JavaScript. */
export const POST: RequestHandler = async ({ request, cookies }) => {
	const form = await readForm(request);
	const locale = form.get('locale') === 'en' ? 'en' : 'de';
	const target = safeRedirectTarget(String(form.get('redirectTo') ?? '/'), '/', { locale });
	cookies.set(cookieName, locale, {
		path: '/',
		maxAge: cookieMaxAge,
		httpOnly: false,
		sameSite: 'lax',
		secure: env.production
	});
	redirect(303, target);
};
