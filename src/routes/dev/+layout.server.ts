import { error } from '@sveltejs/kit';
import * as m from '$lib/paraglide/messages';
import { devMail } from '$lib/server/env';
import type { LayoutServerLoad } from './$types';

/** Every page under /dev is for developers: it exists only with DEV_MAIL=1 and never in
 * production (each page checks as well, since loads run side by side). */
export const load: LayoutServerLoad = () => {
	if (!devMail) error(404, m.error_not_found());
};
