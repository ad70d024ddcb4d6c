import { error } from '@sveltejs/kit';
import * as m from '$lib/paraglide/messages';
import { env } from '$lib/server/env';
import { findOutboxMail } from '$lib/server/services/mail';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params }) => {
	if (env.production) error(404, m.error_not_found());
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
