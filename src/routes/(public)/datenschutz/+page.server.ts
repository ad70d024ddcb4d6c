import { legalPage } from '$lib/server/services/legal';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
	const page = await legalPage('privacy', locals.locale);
	return { html: page.html, version: page.version, savedAt: page.savedAt?.toISOString() ?? null };
};
