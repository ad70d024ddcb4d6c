import { fail, redirect } from '@sveltejs/kit';
import { localizeHref } from '$lib/paraglide/runtime';
import { ACCEPT_RULES_FIELDS, acceptRulesSchema } from '$lib/schemas/legal';
import { parseForm } from '$lib/schemas/form';
import { requireUser, safeRedirectTarget } from '$lib/server/auth/guards';
import { readForm } from '$lib/server/http';
import { acceptRules, allHouseRules, legalPage, mustAccept } from '$lib/server/services/legal';
import type { Actions, PageServerLoad } from './$types';

/** Where to go after accepting: the page the person had asked for. */
function target(value: string | null): string {
	return safeRedirectTarget(value ?? '/', '/');
}

/** Asked on the next visit after the rules changed in substance (root layout), before anything
 * else; a plain form, so it works without JavaScript. */
export const load: PageServerLoad = async (event) => {
	const { user } = requireUser(event);
	const redirectTo = target(event.url.searchParams.get('redirectTo'));
	if (!(await mustAccept(user.id))) redirect(303, redirectTo);
	const [page, house] = await Promise.all([
		legalPage('rules', event.locals.locale),
		allHouseRules(event.locals.locale)
	]);
	return {
		html: page.html,
		version: page.version,
		savedAt: page.savedAt?.toISOString() ?? null,
		house,
		redirectTo
	};
};

export const actions: Actions = {
	default: async (event) => {
		const { user } = requireUser(event);
		const form = await readForm(event.request);
		const parsed = parseForm(acceptRulesSchema, form, ACCEPT_RULES_FIELDS);
		if (!parsed.ok) return fail(400, { errors: parsed.errors });
		await acceptRules(user.id, parsed.data.version, 'prompt', new Date());
		const redirectTo = target(String(form.get('redirectTo') ?? '/'));
		// A version saved while the page was open is asked for again.
		if (await mustAccept(user.id)) {
			redirect(303, localizeHref(`/regeln/zustimmen?redirectTo=${encodeURIComponent(redirectTo)}`));
		}
		redirect(303, redirectTo);
	}
};
