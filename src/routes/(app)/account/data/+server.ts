import { error } from '@sveltejs/kit';
import { t } from '$lib/i18n';
import { requireUser } from '$lib/server/auth/guards';
import { attachmentResponse } from '$lib/server/http';
import { downloadPersonalData } from '$lib/server/services/privacy';
import type { RequestHandler } from './$types';

/** "Meine Daten herunterladen": the signed-in person's own data, nobody else's, as a ZIP. A form
 * POST (not a link), so that no preloading starts it and it works without JavaScript. */
export const POST: RequestHandler = async (event) => {
	const { user } = requireUser(event);
	const result = await downloadPersonalData(user.id, user.locale);
	if (!result.ok) {
		if (result.reason === 'rate_limited') {
			event.setHeaders({ 'retry-after': String(result.retryAfter) });
			error(429, t('privacy_download_limited', { minutes: Math.ceil(result.retryAfter / 60) }));
		}
		error(404);
	}
	return attachmentResponse(
		result.zip as Uint8Array<ArrayBuffer>,
		'application/zip',
		result.fileName
	);
};
