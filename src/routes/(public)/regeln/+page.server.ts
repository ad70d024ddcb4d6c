import { allHouseRules, legalPage } from '$lib/server/services/legal';
import type { PageServerLoad } from './$types';

/** The platform's rules, then each quarter's own house rules under them. */
export const load: PageServerLoad = async ({ locals }) => {
	const [page, house] = await Promise.all([
		legalPage('rules', locals.locale),
		allHouseRules(locals.locale)
	]);
	return {
		html: page.html,
		version: page.version,
		savedAt: page.savedAt?.toISOString() ?? null,
		house
	};
};
