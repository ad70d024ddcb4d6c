import { error } from '@sveltejs/kit';
import * as m from '$lib/paraglide/messages';
import { devMail } from '$lib/server/env';
import { listOutbox } from '$lib/server/services/mail';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ url }) => {
	// Holds every password-reset link: only with DEV_MAIL=1, never in production (env.ts).
	if (!devMail) error(404, m.error_not_found());
	const to = url.searchParams.get('to')?.trim().toLowerCase() || undefined;
	const mails = await listOutbox(100, to);
	return {
		to: to ?? '',
		mails: mails.map((mail) => ({
			id: mail.id,
			to: mail.to,
			subject: mail.subject,
			createdAt: mail.createdAt.toISOString()
		}))
	};
};
