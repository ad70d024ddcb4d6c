import { error } from '@sveltejs/kit';
import * as m from '$lib/paraglide/messages';
import { devMail } from '$lib/server/env';
import { findOutboxMail } from '$lib/server/services/mail';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params }) => {
	// Holds every password-reset link: only with DEV_MAIL=1, never in production (env.ts).
	if (!devMail) error(404, m.error_not_found());
	const mail = await findOutboxMail(params.id);
	if (!mail) error(404, m.error_not_found());
	return {
		mail: {
			to: mail.to,
			subject: mail.subject,
			text: mail.text,
			createdAt: mail.createdAt.toISOString()
		}
	};
};
